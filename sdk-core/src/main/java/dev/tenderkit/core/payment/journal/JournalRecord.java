package dev.tenderkit.core.payment.journal;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record read back from the journal: where it starts and its payload bytes.
 *
 * @param offset byte offset of the record in the file
 * @param payload the bytes appended (a defensive copy is held)
 */
public record JournalRecord(long offset, byte[] payload) {
    /** Copies the payload. */
    public JournalRecord {
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** @return a copy of the payload */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalRecord r && r.offset == offset && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "JournalRecord[offset=" + offset + ", " + payload.length + " bytes]";
    }
}
