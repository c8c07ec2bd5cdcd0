-- TenderKit JDBC store, schema version 2 (on top of version 1). Applied by createSchema(true), or
-- run it yourself after V1 and insert its row (2, 'V2__refund_claims_and_recovery_indexes.sql').
-- Each statement ends with a semicolon at the end of a line.

-- Unfinished refunds are claimed like trades (claimUnfinishedRefunds, claimRefund): which store
-- instance settles the refund, until when; NULL once final.
ALTER TABLE tenderkit_refund ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE tenderkit_refund ADD COLUMN claimed_run VARCHAR(64);
ALTER TABLE tenderkit_refund ADD COLUMN lease_until_ns BIGINT;

-- What the trade's REFUNDED refunds add up to, kept by the store in the same transaction as each
-- refund's save (not part of the trade's record): a trade whose refunded_fen differs is one whose
-- total a crash left behind, and recovery finds those through the small partial index below instead
-- of reading every trade.
ALTER TABLE tenderkit_trade ADD COLUMN refunds_done_fen BIGINT NOT NULL DEFAULT 0;
UPDATE tenderkit_trade t SET refunds_done_fen = r.total
    FROM (SELECT out_trade_no, SUM(amount_fen) AS total FROM tenderkit_refund WHERE state = 'REFUNDED'
          GROUP BY out_trade_no) r
    WHERE t.out_trade_no = r.out_trade_no;
CREATE INDEX tenderkit_trade_refunds_behind ON tenderkit_trade (created_ns, out_trade_no)
    WHERE state = 'PAID' AND refunds_done_fen <> refunded_fen;

-- Recovery's search for lost trades asks for the highest number of each of the instance's runs:
-- out_trade_no in byte order (the numbers are ASCII letters and digits), whatever the database's
-- collation, so that a run's numbers are one range of this index.
CREATE INDEX tenderkit_trade_by_number ON tenderkit_trade (out_trade_no COLLATE "C");
