-- TenderKit JDBC store, schema version 3 (on top of version 2). Applied by createSchema(true), or
-- run it yourself after V2 and insert its row (3, 'V3__refunds_by_creation.sql').
-- Each statement ends with a semicolon at the end of a line.

-- The end-of-day listing of refunds (refunds(from, to)): created in [from, to), in the order of its
-- ORDER BY, numbers in byte order whatever the database's collation. createSchema(true) builds it
-- in the upgrade's transaction, which holds writes to tenderkit_refund back while it builds; on a
-- large table build it beforehand with CREATE INDEX CONCURRENTLY and the same name, and this
-- statement leaves it as it is.
CREATE INDEX IF NOT EXISTS tenderkit_refund_by_creation ON tenderkit_refund
    (created_ns, out_trade_no COLLATE "C", refund_request_no COLLATE "C");
