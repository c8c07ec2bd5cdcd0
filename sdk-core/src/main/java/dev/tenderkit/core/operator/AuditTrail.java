package dev.tenderkit.core.operator;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.StoreDamage;
import dev.tenderkit.core.payment.journal.AppendOnlyJournal;
import dev.tenderkit.core.payment.journal.JournalOpenReport;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' tamper-evident audit trail: every desk action's intent (durable before the money
 * action), its outcome, every declined or failed approval, chained by SHA-256 and verified on open.
 *
 * <p><b>On disk</b> it is an {@link AppendOnlyJournal} (the payment journal's own file format, lock,
 * group-committed fsync, torn-tail handling and high-water-mark anchor), one JSON entry per record
 * ({@link TrailCodec}). Each entry carries its number and the hash of the entry before; the hash of
 * an entry is {@code SHA-256(hash before || the record's bytes)}.
 *
 * <p><b>What opening detects</b> ({@link #verification()}, each break named by entry number and byte
 * offset): any flipped bit (the record's CRC-32C, and the chain); an entry removed, duplicated,
 * reordered, altered with its checksum recomputed, or inserted (the numbers and the chain); a file
 * cut shorter than its anchor's committed length; a record that is not an entry. A torn last entry
 * (the unfinished write of a crash) is reported as such and cut off, its bytes saved beside the file:
 * its append never returned, so the action it announced was never sent.
 *
 * <p><b>What it cannot detect</b>: the chain has no secret, so someone with write access who
 * rewrites entries and recomputes every hash after them (and the anchor) leaves a valid trail; and
 * cutting whole entries off the end is seen only down to the anchor's mark, which after a crash may
 * lag the end by up to 64 KiB of entries (it is exact after a clean close). Both are caught by a
 * {@link TrailHead} kept where the till cannot change it — printed on the shift report, sent to the
 * back office — and given back at open ({@link Options#expectedHead(TrailHead)}).
 *
 * <p>A trail found broken still opens: its breaks are logged and reported, the entries read are
 * kept, and new entries chain on from the highest-numbered one, so the evidence stays and the till
 * keeps working. Entries are kept in memory for reports: start a new trail file per business day
 * (keeping the last head). Thread-safe; appends are serialised.
 */
public final class AuditTrail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    /** The largest entry; a longer detail is shortened to fit. */
    static final int MAX_DETAIL_CHARS = 2000;

    private final AppendOnlyJournal journal;
    private final TrailCodec codec;
    private final Clock clock;
    private final TrailHash hash = new TrailHash();
    private final TrailVerification verification;
    private final List<TrailEntry> entries;
    private long lastSeq;
    private String lastHash;

    /**
     * How a trail is opened. Immutable.
     *
     * @param clock when entries are written
     * @param syncOnAppend whether each append is durable before it returns; always true in
     *     production (the intent must be durable before the money action); false only for benchmarks
     * @param expectedHead a head kept elsewhere that the trail must hold
     */
    public record Options(Clock clock, boolean syncOnAppend, Optional<TrailHead> expectedHead) {
        /** Validates. */
        public Options {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(expectedHead, "expectedHead");
        }

        /** @return durable appends, timed by {@code clock}, no head to check */
        public static Options durable(Clock clock) {
            return new Options(clock, true, Optional.empty());
        }

        /** @return these options, checking at open that the trail holds {@code head} */
        public Options expectedHead(TrailHead head) {
            return new Options(clock, syncOnAppend, Optional.of(head));
        }

        /** @return these options without forcing appends to the device: for benchmarks only */
        public Options withoutSync() {
            return new Options(clock, false, expectedHead);
        }
    }

    private AuditTrail(AppendOnlyJournal journal, Options options) {
        this.journal = journal;
        this.codec = new TrailCodec();
        this.clock = options.clock();
        ChainCheck check = new ChainCheck(journal.file(), codec, options.expectedHead());
        for (JournalRecord r : journal.recordsAtOpen()) {
            check.accept(r);
        }
        JournalOpenReport report = journal.openReport();
        for (StoreDamage d : report.damage()) {
            check.damaged(d.offset(), d.describe());
        }
        check.finish(journal.size());
        Optional<TrailVerification.TornTail> torn = report.hadTornTail()
                ? Optional.of(new TrailVerification.TornTail(check.lastSeq() + 1, report.validLength(),
                        report.tornBytes(), report.tornTailCopy()))
                : Optional.empty();
        this.entries = check.entries();
        this.lastSeq = check.lastSeq();
        this.lastHash = check.lastHash();
        this.verification = new TrailVerification(journal.file(), entries.size(), new TrailHead(lastSeq, lastHash),
                check.breaks(), torn);
        torn.ifPresent(t -> LOG.warn("audit trail {}: a torn last entry ({} bytes at byte {}, the unfinished write "
                + "of a crash) was cut off; its bytes are saved in {}", journal.file(), t.bytes(), t.offset(),
                t.savedCopy().map(Path::toString).orElse("(none)")));
        for (TrailBreak b : verification.breaks()) {
            LOG.error("audit trail {} is BROKEN: {}", journal.file(), b.describe());
        }
    }

    /**
     * Opens (creating if absent) a trail, takes its lock and verifies it.
     *
     * @param file the trail file; its directory must exist
     * @param options clock, durability, a head to check
     * @return the open trail; see {@link #verification()}
     * @throws dev.tenderkit.core.payment.journal.JournalLockedException if it is open elsewhere
     * @throws dev.tenderkit.core.payment.journal.JournalCorruptedException if the file is not a
     *     trail (and no anchor says it is one)
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} if it cannot be read or written
     */
    public static AuditTrail open(Path file, Options options) {
        Objects.requireNonNull(options, "options");
        AppendOnlyJournal journal = AppendOnlyJournal.open(file, new JournalOptions(options.syncOnAppend(), 64 << 10));
        try {
            return new AuditTrail(journal, options);
        } catch (RuntimeException e) {
            try {
                journal.close();
            } catch (RuntimeException c) {
                e.addSuppressed(c);
            }
            throw e;
        }
    }

    /** @return what opening found */
    public TrailVerification verification() {
        return verification;
    }

    /** @return the trail file */
    public Path file() {
        return journal.file();
    }

    /** @return the number and hash of the last entry: keep it where the till cannot change it */
    public synchronized TrailHead head() {
        return new TrailHead(lastSeq, lastHash);
    }

    /** @return every entry, read at open and written since, in trail order */
    public synchronized List<TrailEntry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Writes a note (shift opened, drawer counted): an entry that moves no money.
     *
     * @param operator who writes it
     * @param orderId the order it is about, or ""
     * @param text the note
     * @return the entry, durable
     */
    public TrailEntry note(Operator operator, String orderId, String text) {
        return append(new TrailEntry(0, Instant.EPOCH, EntryType.NOTE, Optional.empty(), operator, Optional.empty(),
                Optional.empty(), orderId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), text, OptionalLong.empty()));
    }

    /**
     * Numbers, times, chains and appends an entry; returns once it is durable (with
     * {@link Options#syncOnAppend()}).
     *
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} when it could not be written: the
     *     caller must not go on with the action it announces
     */
    synchronized TrailEntry append(TrailEntry draft) {
        String detail = draft.detail().length() > MAX_DETAIL_CHARS
                ? draft.detail().substring(0, MAX_DETAIL_CHARS) + "..." : draft.detail();
        TrailEntry e = new TrailEntry(lastSeq + 1, clock.instant(), draft.type(), draft.action(), draft.operator(),
                draft.approver(), draft.approvalMeans(), draft.orderId(), draft.outTradeNo(), draft.refundRequestNo(),
                draft.amount(), draft.methodId(), draft.result(), detail, draft.intentSeq());
        byte[] record = codec.encode(e, lastHash);
        journal.append(record);
        lastHash = hash.next(lastHash, record);
        lastSeq = e.seq();
        entries.add(e);
        return e;
    }

    /**
     * Makes every entry durable, raises the anchor to the end (so a later cut is seen), releases the lock.
     *
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} if the last force fails
     */
    @Override
    public void close() {
        journal.close();
    }
}
