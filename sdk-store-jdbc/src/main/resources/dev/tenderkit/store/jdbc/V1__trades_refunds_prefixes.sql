-- TenderKit JDBC store, schema version 1 (PostgreSQL 12 or later).
-- Run it yourself (psql -f), or let JdbcTransactionStore create it on first use with
-- builder().createSchema(true). Either way the row (1, ...) in tenderkit_schema_version says it is
-- installed; the store refuses to run on a schema version it does not know.
--
-- Instants are kept exactly, as nanoseconds since 1970-01-01T00:00:00Z (BIGINT, *_ns): a trade's
-- record reads back equal to the one saved. For a person: to_timestamp(created_ns / 1e9).
-- Money is in fen (BIGINT, *_fen). Each statement ends with a semicolon at the end of a line.

CREATE TABLE tenderkit_trade (
    out_trade_no        VARCHAR(64)  NOT NULL,
    order_id            VARCHAR(128) NOT NULL,
    attempt             INTEGER      NOT NULL,
    kind                VARCHAR(16)  NOT NULL,
    channel_id          VARCHAR(64)  NOT NULL,
    gateway_id          VARCHAR(64)  NOT NULL,
    method_id           VARCHAR(64)  NOT NULL,
    amount_fen          BIGINT       NOT NULL,
    subject             TEXT         NOT NULL,
    installment_periods INTEGER,
    installment_bearer  VARCHAR(16),
    masked_code         TEXT         NOT NULL,
    code_digest         TEXT,
    created_ns          BIGINT       NOT NULL,
    deadline_ns         BIGINT       NOT NULL,
    state               VARCHAR(16)  NOT NULL,
    updated_ns          BIGINT       NOT NULL,
    pay_trade_no        TEXT,
    pay_amount_fen      BIGINT,
    pay_funding         TEXT,
    pay_credit          BOOLEAN,
    pay_periods         INTEGER,
    paid_ns             BIGINT,
    fail_cause          VARCHAR(64),
    fail_code           TEXT,
    fail_sub_code       TEXT,
    fail_message        TEXT,
    fee_fen             BIGINT,
    last_problem        TEXT,
    reversal_attempts   INTEGER      NOT NULL,
    attention           TEXT,
    refunded_fen        BIGINT       NOT NULL,
    qr_code             TEXT,
    cancelled           BOOLEAN      NOT NULL,
    revision            BIGINT       NOT NULL,
    -- which store instance settles the trade, until when; NULL once final (see claimUnfinished)
    claimed_by          VARCHAR(64),
    claimed_run         VARCHAR(64),
    lease_until_ns      BIGINT,
    CONSTRAINT tenderkit_trade_pk PRIMARY KEY (out_trade_no),
    CONSTRAINT tenderkit_trade_attempt_once UNIQUE (order_id, attempt),
    CONSTRAINT tenderkit_trade_state CHECK (state IN ('CREATED', 'AWAITING_BUYER', 'REVERSING', 'PAID', 'FAILED', 'REVERSED')),
    CONSTRAINT tenderkit_trade_paid_has_payment CHECK (state <> 'PAID' OR pay_trade_no IS NOT NULL),
    CONSTRAINT tenderkit_trade_failed_has_failure CHECK (state <> 'FAILED' OR fail_cause IS NOT NULL)
);

-- Invariant 5 across every engine sharing the database: an order has at most one attempt that is
-- not FAILED or REVERSED. Two engines starting the same order at once: the second INSERT fails.
CREATE UNIQUE INDEX tenderkit_trade_one_open_attempt ON tenderkit_trade (order_id)
    WHERE state NOT IN ('FAILED', 'REVERSED');

-- tradesForOrder / findByOrderId
CREATE INDEX tenderkit_trade_by_order ON tenderkit_trade (order_id, created_ns, out_trade_no);

-- the end-of-day listing: trades(from, to)
CREATE INDEX tenderkit_trade_by_creation ON tenderkit_trade (created_ns, out_trade_no);

-- unfinished() and claimUnfinished(): small, since finished trades leave it
CREATE INDEX tenderkit_trade_unfinished ON tenderkit_trade (created_ns, out_trade_no)
    WHERE state NOT IN ('PAID', 'FAILED', 'REVERSED') OR attention IS NOT NULL;

CREATE TABLE tenderkit_refund (
    out_trade_no      VARCHAR(64)  NOT NULL,
    refund_request_no VARCHAR(64)  NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    reason            TEXT         NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    created_ns        BIGINT       NOT NULL,
    updated_ns        BIGINT       NOT NULL,
    fail_cause        VARCHAR(64),
    fail_code         TEXT,
    fail_sub_code     TEXT,
    fail_message      TEXT,
    last_problem      TEXT,
    attempts          INTEGER      NOT NULL,
    attention         TEXT,
    revision          BIGINT       NOT NULL,
    CONSTRAINT tenderkit_refund_pk PRIMARY KEY (out_trade_no, refund_request_no),
    CONSTRAINT tenderkit_refund_of_trade FOREIGN KEY (out_trade_no) REFERENCES tenderkit_trade (out_trade_no)
);

-- refunds(outTradeNo), oldest first
CREATE INDEX tenderkit_refund_by_trade ON tenderkit_refund (out_trade_no, created_ns);

-- unfinishedRefunds()
CREATE INDEX tenderkit_refund_unfinished ON tenderkit_refund (created_ns)
    WHERE state NOT IN ('REFUNDED', 'FAILED');

-- One row per engine run: the out_trade_no prefix it uses, noted before its first trade.
CREATE TABLE tenderkit_number_prefix (
    prefix      VARCHAR(32) NOT NULL,
    instance_id VARCHAR(64) NOT NULL,
    noted_ns    BIGINT      NOT NULL,
    seq         BIGSERIAL   NOT NULL,
    CONSTRAINT tenderkit_number_prefix_pk PRIMARY KEY (prefix)
);

CREATE INDEX tenderkit_number_prefix_by_instance ON tenderkit_number_prefix (instance_id, seq);
