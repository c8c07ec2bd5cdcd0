package dev.tenderkit.core.payment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a {@link TransactionStore}'s durable data, as its open found it: which file,
 * where, what. A person reads these to decide how to repair the store; the engine refuses new
 * payments while there are any ({@link StoreIntegrity}).
 *
 * @param kind what sort of damage
 * @param file the damaged file
 * @param offset byte offset in the file where the damage starts
 * @param length how many bytes the damage covers (0 when it is a missing end, as after a truncation)
 * @param problem what is wrong, in English
 * @param savedCopy where the damaged bytes were copied before anything else happened, when there were any
 */
public record StoreDamage(Kind kind, Path file, long offset, long length, String problem, Optional<Path> savedCopy) {

    /** What sort of damage. */
    public enum Kind {
        /** The file ends before its durable high-water mark: committed records are missing. */
        TRUNCATED,
        /** A record that is complete in the file fails its checksum. */
        CHECKSUM_MISMATCH,
        /** A record's length field is impossible for what follows it. */
        BAD_LENGTH,
        /** The file's header is not the journal's. */
        BAD_HEADER,
        /** A record passes its checksum but is not a record the store wrote (it does not decode). */
        UNREADABLE_RECORD,
        /** A record decodes but contradicts itself or the other records of its trade. */
        INCONSISTENT_RECORD,
        /** The file holding the high-water mark cannot be read. */
        ANCHOR_UNREADABLE,
        /** Damage an earlier open found has not been repaired (its evidence may no longer be visible). */
        NOT_REPAIRED,
        /** Bytes that could not be examined within the open's work budget; treated as damaged. */
        UNEXAMINED
    }

    /** Validates. */
    public StoreDamage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(savedCopy, "savedCopy");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative: " + offset + ", " + length);
        }
    }

    /** @return one line for logs and refusals: file, offset, problem and where the bytes were saved */
    public String describe() {
        return file + " at byte " + offset + " (" + kind + (length > 0 ? ", " + length + " bytes" : "") + "): "
                + problem + savedCopy.map(p -> "; the bytes are saved in " + p).orElse("");
    }
}
