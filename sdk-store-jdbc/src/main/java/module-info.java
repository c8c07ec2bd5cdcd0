/**
 * TenderKit's {@code TransactionStore} in a relational database over JDBC, written for and tested on
 * PostgreSQL: several engines share one database with the payment invariants kept by its constraints.
 * Depends on sdk-core and the JDK's {@code java.sql} only; bring your own driver and pool.
 */
module dev.tenderkit.store.jdbc {
    requires transitive dev.tenderkit.core;
    requires transitive java.sql;
    requires org.slf4j;

    exports dev.tenderkit.store.jdbc;
}
