package dev.tenderkit.core.operator;

import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.payment.journal.JournalRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the records of a trail in file order and checks the chain: numbers from 1 without gaps or
 * repeats, each entry naming the hash of the one before. After a break it goes on from the entry
 * that broke (its own hash), so that one removed or altered entry is named once or twice, not as a
 * cascade to the end. Pure: bytes in, findings out. Not thread-safe.
 */
final class ChainCheck {
    private final Path file;
    private final EntryReader reader;
    private final TrailHash hash = new TrailHash();
    private final Optional<TrailHead> expectedHead;
    private final List<TrailEntry> entries = new ArrayList<>();
    private final List<TrailBreak> breaks = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();
    private long lastSeq;
    /** The hash of the last record read; empty after one that did not decode (nothing to check the next against). */
    private Optional<String> lastHash = Optional.of(TrailHash.GENESIS);
    private String lastGoodHash = TrailHash.GENESIS;
    private Optional<String> hashAtExpectedHead = Optional.empty();
    private long expectedHeadOffset = -1;

    ChainCheck(Path file, TrailCodec codec, Optional<TrailHead> expectedHead) {
        this.file = file;
        this.reader = codec.reader();
        this.expectedHead = expectedHead;
    }

    void accept(JournalRecord r) {
        byte[] payload = r.payload();
        TrailCodec.Decoded d;
        try {
            d = reader.read(payload, file + "@" + r.offset());
        } catch (MalformedDocumentException e) {
            breaks.add(new TrailBreak(TrailBreak.Kind.UNREADABLE, lastSeq + 1, r.offset(), "the record passes its "
                    + "checksum but is not a trail entry: " + e.getMessage()));
            lastHash = Optional.empty();
            return;
        }
        long seq = d.entry().seq();
        String own = hash.next(d.prev(), payload);
        long at = r.offset();
        if (seq == lastSeq + 1) {
            if (lastHash.isPresent() && !lastHash.get().equals(d.prev())) {
                breaks.add(new TrailBreak(TrailBreak.Kind.CHAIN_MISMATCH, seq, at, "entry " + seq + " does not name "
                        + "the hash of the entry before it" + (seq > 1 ? " (entry " + (seq - 1) + ")" : " (none: it "
                        + "is the first)") + ": one of the two was altered, or this one was inserted"));
            }
        } else if (seq > lastSeq + 1) {
            breaks.add(new TrailBreak(TrailBreak.Kind.MISSING, lastSeq + 1, at, (seq - lastSeq - 1 == 1 ? "entry "
                    + (lastSeq + 1) + " is" : "entries " + (lastSeq + 1) + " to " + (seq - 1) + " are") + " missing: "
                    + "entry " + seq + " follows entry " + lastSeq));
        } else if (seq == lastSeq) {
            breaks.add(new TrailBreak(TrailBreak.Kind.DUPLICATE, seq, at, "a second entry numbered " + seq
                    + " (duplicated or replayed); it is left out of the entries read"));
            lastHash = Optional.of(own);
            return;
        } else {
            breaks.add(new TrailBreak(TrailBreak.Kind.OUT_OF_ORDER, seq, at, "entry " + seq + " comes after entry "
                    + lastSeq + ": entries were reordered"));
        }
        if (expectedHead.isPresent() && seq == expectedHead.get().entries() && hashAtExpectedHead.isEmpty()) {
            hashAtExpectedHead = Optional.of(own);
            expectedHeadOffset = at;
        }
        entries.add(d.entry());
        offsets.add(at);
        if (seq > lastSeq) {
            lastSeq = seq;
            lastGoodHash = own;
        }
        lastHash = Optional.of(own);
    }

    /** Adds a damaged region of the file, named by the number the next entry would have had. */
    void damaged(long offset, String problem) {
        long before = 0;
        for (int i = 0; i < offsets.size() && offsets.get(i) < offset; i++) {
            before = Math.max(before, entries.get(i).seq());
        }
        breaks.add(new TrailBreak(TrailBreak.Kind.DAMAGED_BYTES, before + 1, offset, problem));
    }

    /** Compares what was read with the head kept elsewhere, if any. */
    void finish(long fileLength) {
        if (expectedHead.isEmpty() || expectedHead.get().entries() == 0) {
            return;
        }
        TrailHead h = expectedHead.get();
        if (hashAtExpectedHead.isEmpty()) {
            breaks.add(new TrailBreak(TrailBreak.Kind.HEAD_MISMATCH, h.entries(), fileLength, "the head kept elsewhere "
                    + "is entry " + h.entries() + ", but the trail holds entries up to " + lastSeq + " only: entries "
                    + "were cut off"));
        } else if (!hashAtExpectedHead.get().equals(h.hash())) {
            breaks.add(new TrailBreak(TrailBreak.Kind.HEAD_MISMATCH, h.entries(), expectedHeadOffset, "entry "
                    + h.entries() + " hashes to " + hashAtExpectedHead.get() + ", but the head kept elsewhere says "
                    + h.hash() + ": the trail was rewritten up to there"));
        }
    }

    List<TrailEntry> entries() {
        return entries;
    }

    List<TrailBreak> breaks() {
        breaks.sort((a, b) -> a.kind() == TrailBreak.Kind.HEAD_MISMATCH || b.kind() == TrailBreak.Kind.HEAD_MISMATCH
                ? Boolean.compare(a.kind() == TrailBreak.Kind.HEAD_MISMATCH, b.kind() == TrailBreak.Kind.HEAD_MISMATCH)
                : Long.compare(a.offset(), b.offset()));
        return breaks;
    }

    /** @return the highest entry number read */
    long lastSeq() {
        return lastSeq;
    }

    /** @return the hash of the entry with the highest number: where new entries chain on */
    String lastHash() {
        return lastGoodHash;
    }
}
