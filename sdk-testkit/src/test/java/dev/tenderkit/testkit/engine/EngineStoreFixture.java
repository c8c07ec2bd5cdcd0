package dev.tenderkit.testkit.engine;

import dev.tenderkit.core.payment.TransactionStore;
import java.time.Clock;

/**
 * The durable data of one terminal's store in an engine test, which a "process" opens, crashes on,
 * and opens again: a journal file ({@link JournalStoreFixture}) or a database schema (sdk-store-jdbc's
 * tests). {@link EngineFaultSuite} runs the engine's fault-injection campaign on any of them.
 */
public interface EngineStoreFixture {
    /**
     * Opens the store on this fixture's data as a new process would, after a crash too.
     *
     * @param clock the new process's clock
     * @return the store, to be closed by the caller
     */
    TransactionStore open(Clock clock);

    /**
     * What the wallet checks before it takes a payment: whether the trade is durably recorded, read
     * from the durable data itself (the file's bytes, the database's rows), not from a store's memory.
     *
     * @param outTradeNo the trade
     * @return whether its intent is recorded
     */
    boolean holds(String outTradeNo);
}
