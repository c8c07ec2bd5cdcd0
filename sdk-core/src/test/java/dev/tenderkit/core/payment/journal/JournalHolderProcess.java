package dev.tenderkit.core.payment.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A child process for the lock test: opens the journal, writes a record, says so, and waits to be killed. */
public final class JournalHolderProcess {
    private JournalHolderProcess() {
    }

    /** @param args the journal path */
    public static void main(String[] args) throws Exception {
        AppendOnlyJournal j = AppendOnlyJournal.open(Path.of(args[0]), JournalOptions.DURABLE);
        j.append("from child".getBytes(StandardCharsets.UTF_8));
        System.out.print("holding\n");
        System.out.flush();
        Thread.sleep(120_000);
        j.close();
    }
}
