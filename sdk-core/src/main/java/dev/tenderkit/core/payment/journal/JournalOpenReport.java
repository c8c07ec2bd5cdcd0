package dev.tenderkit.core.payment.journal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What opening a journal found: how many records were valid and whether a torn tail (the
 * unfinished last write of a crash) was cut off — and if so, where its bytes were saved.
 *
 * @param records valid records read
 * @param validLength bytes of the file that hold valid records (the file's length after opening)
 * @param tornBytes bytes of torn tail that were cut off (0 when the file ended cleanly)
 * @param tornTailCopy where the torn bytes were saved before truncation, when there were any
 */
public record JournalOpenReport(int records, long validLength, long tornBytes, Optional<Path> tornTailCopy) {
    /** @return whether a torn tail was cut off */
    public boolean hadTornTail() {
        return tornBytes > 0;
    }
}
