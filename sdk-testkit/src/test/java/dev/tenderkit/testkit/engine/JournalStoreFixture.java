package dev.tenderkit.testkit.engine;

import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** A terminal's journal file in {@code dir}: the default store, as the engine tests have always run it. */
final class JournalStoreFixture implements EngineStoreFixture {
    final Path journalFile;
    private final boolean durable;

    JournalStoreFixture(Path dir, boolean durable) {
        this.journalFile = dir.resolve("trades.journal");
        this.durable = durable;
    }

    @Override
    public JournalTransactionStore open(Clock clock) {
        return JournalTransactionStore.open(journalFile, clock, new JournalOptions(durable, 1 << 20),
                JournalTransactionStore.DEFAULT_RETENTION, 1 << 20);
    }

    @Override
    public boolean holds(String outTradeNo) {
        try {
            return new String(Files.readAllBytes(journalFile), StandardCharsets.ISO_8859_1).contains(outTradeNo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For a test that only uses the type: the journal fixture's stores are journals. */
    static JournalTransactionStore journal(TransactionStore s) {
        return (JournalTransactionStore) s;
    }
}
