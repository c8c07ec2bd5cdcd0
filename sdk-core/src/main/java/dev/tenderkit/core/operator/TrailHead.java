package dev.tenderkit.core.operator;

import dev.tenderkit.core.InvalidInputException;

/**
 * The trail's head: how many entries it holds and the hash of the last one. Whoever keeps a head
 * where the till cannot change it (printed on the shift report, sent to the back office) can later
 * prove the trail was neither cut nor rewritten up to that entry: open it with
 * {@link AuditTrail.Options#expectedHead(TrailHead)}. Immutable.
 *
 * @param entries the number of entries, 0 for an empty trail
 * @param hash the SHA-256 of the last entry's record (64 hex digits), or 64 zeros for an empty trail
 */
public record TrailHead(long entries, String hash) {
    /**
     * Validates.
     *
     * @throws InvalidInputException naming {@code entries} or {@code hash} when malformed
     */
    public TrailHead {
        if (entries < 0) {
            throw new InvalidInputException("entries", "must not be negative, got " + entries);
        }
        if (hash == null || !TrailHash.isHex(hash)) {
            throw new InvalidInputException("hash", "must be 64 lower-case hex digits, got \"" + hash + "\"");
        }
    }

    /** @return {@code entries:hash}, the form to print or send */
    @Override
    public String toString() {
        return entries + ":" + hash;
    }
}
