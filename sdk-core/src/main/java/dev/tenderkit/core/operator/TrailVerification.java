package dev.tenderkit.core.operator;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What opening an {@link AuditTrail} found: the entries read, the breaks (empty when the chain is
 * whole), and a torn last entry from a crash, which is not a break (it was never complete, so the
 * action it announced was never sent). Immutable.
 *
 * @param file the trail file
 * @param entries the entries read
 * @param head the head of what was read
 * @param breaks what is wrong, in file order (a kept head's mismatch last)
 * @param tornTail the torn last write of a crash, cut off (its bytes saved beside the file)
 */
public record TrailVerification(Path file, long entries, TrailHead head, List<TrailBreak> breaks,
        Optional<TornTail> tornTail) {

    /** Copies. */
    public TrailVerification {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(head, "head");
        breaks = List.copyOf(breaks);
        Objects.requireNonNull(tornTail, "tornTail");
    }

    /** @return whether the chain is whole: no break (a torn tail is not one) */
    public boolean isIntact() {
        return breaks.isEmpty();
    }

    /**
     * The unfinished last write of a crash, cut off when the trail was opened.
     *
     * @param entry the number the torn entry would have had
     * @param offset where it started
     * @param bytes how many bytes were cut
     * @param savedCopy where they were saved
     */
    public record TornTail(long entry, long offset, long bytes, Optional<Path> savedCopy) {
        /** Validates. */
        public TornTail {
            Objects.requireNonNull(savedCopy, "savedCopy");
        }
    }
}
