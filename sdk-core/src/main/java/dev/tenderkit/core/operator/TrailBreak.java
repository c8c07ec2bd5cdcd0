package dev.tenderkit.core.operator;

import java.util.Objects;

/**
 * Something the verification of an {@link AuditTrail} found wrong, named by entry number and byte
 * offset. Immutable.
 *
 * @param kind what sort of break
 * @param entry the number of the entry concerned (for damaged bytes, the number the next entry
 *     would have had)
 * @param offset the byte offset in the trail file where it is
 * @param problem what is wrong, in English
 */
public record TrailBreak(Kind kind, long entry, long offset, String problem) {

    /** What sort of break. */
    public enum Kind {
        /** Bytes of the file fail their checksum, length or header checks, or the file is shorter than its anchor says. */
        DAMAGED_BYTES,
        /** A record passes its checksum but is not a trail entry. */
        UNREADABLE,
        /** Entries are missing: the numbers jump (entries removed, or the start of the trail cut). */
        MISSING,
        /** An entry number appears a second time (an entry duplicated or replayed). */
        DUPLICATE,
        /** An entry comes after one with a higher number (entries reordered). */
        OUT_OF_ORDER,
        /** An entry does not name the hash of the entry before it: one of them was altered, or it was inserted. */
        CHAIN_MISMATCH,
        /** The trail does not hold the head kept elsewhere: it was cut or rewritten up to there. */
        HEAD_MISMATCH
    }

    /** Validates. */
    public TrailBreak {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(problem, "problem");
    }

    /** @return one line for logs: entry, offset, kind, problem */
    public String describe() {
        return "entry " + entry + " at byte " + offset + " (" + kind + "): " + problem;
    }
}
