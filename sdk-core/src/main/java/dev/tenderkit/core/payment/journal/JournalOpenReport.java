package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.payment.StoreDamage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What opening a journal found: how many records were valid, whether a torn tail (the unfinished
 * last write of a crash) was cut off — and if so, where its bytes were saved — and what damage was
 * found (damage is never cut off: the journal is opened in salvage mode, see {@link AppendOnlyJournal}).
 *
 * @param records valid records read
 * @param validLength the file's length after opening, where appends continue
 * @param tornBytes bytes of torn tail that were cut off (0 when the file ended cleanly)
 * @param tornTailCopy where the torn bytes were saved before truncation, when there were any
 * @param damage what is damaged, in file order; empty when the journal is intact
 */
public record JournalOpenReport(int records, long validLength, long tornBytes, Optional<Path> tornTailCopy,
        List<StoreDamage> damage) {

    /** Copies. */
    public JournalOpenReport {
        damage = List.copyOf(damage);
    }

    /** A report without damage. */
    public JournalOpenReport(int records, long validLength, long tornBytes, Optional<Path> tornTailCopy) {
        this(records, validLength, tornBytes, tornTailCopy, List.of());
    }

    /** @return whether a torn tail was cut off */
    public boolean hadTornTail() {
        return tornBytes > 0;
    }

    /** @return whether damage was found */
    public boolean isDamaged() {
        return !damage.isEmpty();
    }
}
