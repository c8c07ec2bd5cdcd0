package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.payment.StoreDamage.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a journal's bytes back into records and tells a torn tail from damage. Pure: it looks at
 * bytes and decides; {@link AppendOnlyJournal} acts on the result.
 *
 * <p><b>Torn</b> (normal after a power cut; the tail is cut off): the file ends inside the last
 * record's length field; or the record's declared end lies beyond the end of the file and the bytes
 * present do not check out with the length corrected to what remains (which would be a complete
 * record with a flipped length bit); or everything from the record on is zero bytes; or the last
 * record is complete in length but its end, checksum included, is zero-filled (the file was
 * extended, the write never landed). And only when no valid record follows, and the tail starts at
 * or after the anchor's committed length.
 *
 * <p><b>Damage</b> (never cut, never dropped): a record that is complete in the file but fails its
 * checksum; an impossible length with its bytes present; anything torn-looking below the committed
 * length, or a file shorter than it; a bad header. Past a damaged record the reader resynchronises
 * at the next record that checks out and whose payload looks like a JSON object, so that it holds
 * every record it can read. The work spent on resynchronising is bounded
 * ({@link #RESYNC_BUDGET_BYTES} of checksummed bytes): cheap filters run first (a plausible length
 * that fits, the payload starting with '{' and ending with '}'), and when the budget is spent, the
 * rest of the file is one damaged region.
 */
final class JournalScanner {
    /** Checksummed bytes that resynchronising after damage may cost per open. */
    static final long RESYNC_BUDGET_BYTES = 32L << 20;
    private static final int NONE = -1;
    private static final int BUDGET_SPENT = -2;

    /**
     * A damaged region.
     *
     * @param kind what sort of damage
     * @param offset where it starts
     * @param length its bytes (0 for a missing end)
     * @param problem what is wrong
     */
    record Region(Kind kind, int offset, int length, String problem) {
    }

    /**
     * What the scan found.
     *
     * @param records the records read, in file order (including one salvaged with a corrected length)
     * @param damage the damaged regions, in file order
     * @param tornAt where a torn tail starts, or -1
     * @param rewriteHeader whether the file is shorter than a header and must get one
     * @param crcBytes bytes checksummed, in all
     */
    record Result(List<JournalRecord> records, List<Region> damage, int tornAt, boolean rewriteHeader,
            long crcBytes) {
    }

    private final Path file;
    private final byte[] b;
    private final int end;
    private final int max;
    private final long committed;
    private final List<JournalRecord> records = new ArrayList<>();
    private final List<Region> damage = new ArrayList<>();
    private int tornAt = -1;
    private long crcBytes;
    private long resyncSpent;

    private JournalScanner(Path file, byte[] bytes, int maxRecordBytes, long committed) {
        this.file = file;
        this.b = bytes;
        this.end = bytes.length;
        this.max = maxRecordBytes;
        this.committed = committed;
    }

    /**
     * @param file the journal, for messages
     * @param bytes its whole content
     * @param maxRecordBytes the largest payload a record may have
     * @param committed the anchor's committed length (0 when there is no anchor)
     * @param ours whether the file is known to be a journal (its anchor exists): a bad header is then
     *     damage rather than "not a journal"
     * @throws JournalCorruptedException if the file is not a journal and not known to be one
     */
    static Result scan(Path file, byte[] bytes, int maxRecordBytes, long committed, boolean ours) {
        return new JournalScanner(file, bytes, maxRecordBytes, committed).run(ours);
    }

    private Result run(boolean ours) {
        if (end < RecordFormat.HEADER_BYTES) {
            return shortFile(ours);
        }
        header(ours);
        int pos = RecordFormat.HEADER_BYTES;
        while (pos < end) {
            int length = checked(pos);
            if (length >= 0) {
                records.add(new JournalRecord(pos, Arrays.copyOfRange(b, pos + 4, pos + 4 + length)));
                pos += RecordFormat.OVERHEAD + length;
                continue;
            }
            if (zerosFrom(pos) == end - pos) {
                torn(pos, "everything from byte " + pos + " on is zero bytes");
                break;
            }
            int next = resync(pos + 1);
            if (next >= 0) {
                middle(pos, next);
                pos = next;
                continue;
            }
            if (next == BUDGET_SPENT) {
                damage.add(new Region(Kind.UNEXAMINED, pos, end - pos, "the record at byte " + pos + " fails its "
                        + "checks, and looking for valid records after it took more work than allowed: the rest of "
                        + "the file is treated as damaged"));
                break;
            }
            tail(pos);
            break;
        }
        int scanEnd = tornAt >= 0 ? tornAt : end;
        if (scanEnd < committed && damage.stream().noneMatch(r -> r.kind() == Kind.TRUNCATED)) {
            damage.add(new Region(Kind.TRUNCATED, scanEnd, 0, "the journal's records end at byte " + scanEnd
                    + ", but its anchor says " + committed + " bytes were committed: records were lost"));
        }
        return new Result(records, damage, tornAt, false, crcBytes);
    }

    private Result shortFile(boolean ours) {
        boolean headerPrefix = RecordFormat.samePrefix(b, RecordFormat.header().array(), end);
        if (committed > RecordFormat.HEADER_BYTES) {
            damage.add(new Region(Kind.TRUNCATED, 0, end, "the journal is " + end + " bytes long, shorter than its "
                    + "header, but its anchor says " + committed + " bytes were committed: it was emptied or "
                    + "truncated, and its records were lost"));
        } else if (!headerPrefix) {
            if (!ours) {
                throw new JournalCorruptedException(file, 0, "not a TenderKit journal (bad header)");
            }
            damage.add(new Region(Kind.BAD_HEADER, 0, end, "the journal's " + end + " bytes are not a TenderKit "
                    + "journal header"));
        }
        return new Result(records, damage, -1, true, crcBytes);
    }

    private void header(boolean ours) {
        boolean magic = RecordFormat.samePrefix(b, RecordFormat.MAGIC, 4);
        int version = RecordFormat.readInt(b, 4);
        if (magic && version == RecordFormat.VERSION) {
            return;
        }
        boolean recordFollows = end >= RecordFormat.HEADER_BYTES + RecordFormat.OVERHEAD
                && checked(RecordFormat.HEADER_BYTES) >= 0;
        if (!ours && !recordFollows) {
            throw magic ? new JournalCorruptedException(file, 4, "unsupported journal format version " + version)
                    : new JournalCorruptedException(file, 0, "not a TenderKit journal (bad magic)");
        }
        damage.add(new Region(Kind.BAD_HEADER, 0, RecordFormat.HEADER_BYTES, magic
                ? "the header says format version " + version + ", not " + RecordFormat.VERSION
                : "the header's magic number is not TKJ1"));
    }

    /** A damaged region in the middle: from a bad record to the next valid one. */
    private void middle(int pos, int next) {
        if (correctedLengthChecks(pos, next)) {
            records.add(new JournalRecord(pos, Arrays.copyOfRange(b, pos + 4, next - 4)));
            damage.add(new Region(Kind.BAD_LENGTH, pos, 4, "the record's length field says "
                    + Integer.toUnsignedString(RecordFormat.readInt(b, pos)) + ", but the record ends at byte " + next
                    + " and checks out with that length: only the length field is damaged, the record was read"));
            return;
        }
        long declaredEnd = (long) pos + RecordFormat.OVERHEAD + Integer.toUnsignedLong(RecordFormat.readInt(b, pos));
        Kind kind = declaredEnd == next ? Kind.CHECKSUM_MISMATCH : Kind.BAD_LENGTH;
        damage.add(new Region(kind, pos, next - pos, "the record at byte " + pos + " fails its "
                + (kind == Kind.CHECKSUM_MISMATCH ? "CRC-32C check" : "length check") + ", and a valid record "
                + "starts at byte " + next + ": this is damage, not a torn write"));
    }

    /** A bad record with nothing valid after it: torn, or damage. */
    private void tail(int pos) {
        int remaining = end - pos;
        if (remaining < 4) {
            torn(pos, "the journal ends inside the length field of the record at byte " + pos);
            return;
        }
        long length = Integer.toUnsignedLong(RecordFormat.readInt(b, pos));
        long declaredEnd = pos + RecordFormat.OVERHEAD + length;
        if (correctedLengthChecks(pos, end)) {
            records.add(new JournalRecord(pos, Arrays.copyOfRange(b, pos + 4, end - 4)));
            damage.add(new Region(Kind.BAD_LENGTH, pos, 4, "the last record's length field says " + length
                    + ", but the record is complete and checks out with its real length " + (remaining - 8)
                    + ": only the length field is damaged, the record was read"));
        } else if (declaredEnd > end) {
            torn(pos, "the record at byte " + pos + " declares " + length + " bytes, more than the file holds");
        } else if (length > max) {
            damage.add(new Region(Kind.BAD_LENGTH, pos, remaining, "the record at byte " + pos + " declares an "
                    + "impossible length of " + length + " bytes (at most " + max + "), and its bytes are present"));
        } else if (declaredEnd == end && zeroFilled(pos)) {
            torn(pos, "the last record's end, checksum included, is zero bytes: the file was extended but the "
                    + "write never landed");
        } else {
            damage.add(new Region(Kind.CHECKSUM_MISMATCH, pos, remaining, "the record at byte " + pos + " is "
                    + "complete (" + length + " bytes) but fails its CRC-32C check: this is damage, not a torn write"
                    + (declaredEnd < end ? " (and " + (end - declaredEnd) + " more bytes follow it)" : "")));
        }
    }

    private void torn(int pos, String why) {
        if (pos < committed) {
            damage.add(new Region(Kind.TRUNCATED, pos, end - pos, why + ", but the journal's anchor says " + committed
                    + " bytes were committed: records after byte " + pos + " were lost, so this cannot be a torn "
                    + "write"));
        } else {
            tornAt = pos;
        }
    }

    /** @return the length of the valid record at {@code at}, or -1 */
    private int checked(int at) {
        if (end - at < RecordFormat.OVERHEAD) {
            return -1;
        }
        int length = RecordFormat.readInt(b, at);
        if (length < 0 || length > max || (long) at + RecordFormat.OVERHEAD + length > end) {
            return -1;
        }
        crcBytes += 4 + length;
        return RecordFormat.readInt(b, at + 4 + length) == RecordFormat.crc(b, at, 4 + length) ? length : -1;
    }

    /** Whether {@code [at, recordEnd)} checks out as a record once its length field is corrected to fit. */
    private boolean correctedLengthChecks(int at, int recordEnd) {
        int length = recordEnd - at - RecordFormat.OVERHEAD;
        if (length < 0 || length > max || length == RecordFormat.readInt(b, at)) {
            return false;
        }
        Crc32c crc = new Crc32c()
                .update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length})
                .update(b, at + 4, length);
        crcBytes += 4 + length;
        return (int) crc.value() == RecordFormat.readInt(b, recordEnd - 4);
    }

    /**
     * @return the start of the next record after {@code from} that checks out and looks like the
     *     store's (a JSON object), {@link #NONE}, or {@link #BUDGET_SPENT}
     */
    private int resync(int from) {
        for (int c = from; c + RecordFormat.OVERHEAD + 2 <= end; c++) {
            if (b[c + 4] != '{') {
                continue;
            }
            int length = RecordFormat.readInt(b, c);
            if (length < 2 || length > max || (long) c + RecordFormat.OVERHEAD + length > end
                    || b[c + 3 + length] != '}') {
                continue;
            }
            if (resyncSpent + 4 + length > RESYNC_BUDGET_BYTES) {
                return BUDGET_SPENT;
            }
            resyncSpent += 4 + length;
            crcBytes += 4 + length;
            if (RecordFormat.readInt(b, c + 4 + length) == RecordFormat.crc(b, c, 4 + length)) {
                return c;
            }
        }
        return NONE;
    }

    /** @return how many zero bytes start at {@code at} */
    private int zerosFrom(int at) {
        int i = at;
        while (i < end && b[i] == 0) {
            i++;
        }
        return i - at;
    }

    /** Whether the record at {@code at} (which ends at the end of the file) ends in zeros covering its checksum and more. */
    private boolean zeroFilled(int at) {
        int i = end;
        while (i > at && b[i - 1] == 0) {
            i--;
        }
        return end - i >= 5;
    }
}
