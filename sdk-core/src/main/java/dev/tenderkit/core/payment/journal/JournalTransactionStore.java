package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.StoreDamage;
import dev.tenderkit.core.payment.StoreIntegrity;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TransactionStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link TransactionStore}: an {@link AppendOnlyJournal} of trade and refund records,
 * with an in-memory index rebuilt from it on open ({@code TradeIndex}, {@code JournalReadBack}).
 *
 * <p>Compaction runs when the journal has grown by {@code compactAfterBytes} since the last one.
 * It keeps every unfinished or flagged trade and refund, and every trade (with its refunds) updated
 * within {@code retention}, so listings and refunds survive it ({@code KeptRecords} says what a
 * compaction or a repair keeps). An order may have several attempts (each its own out_trade_no, a
 * further one saved only once the earlier ones are FAILED or REVERSED); each attempt is kept or
 * dropped like any trade, and an order id is remembered as long as one of its attempts is kept:
 * paying the same order id again within the retention finds it. Thread-safe: every method that
 * reads or changes the index holds this store's lock.
 *
 * <p><b>Damage.</b> Opening never fails on damage and never drops what it can read: the journal
 * opens in salvage mode ({@link AppendOnlyJournal}), and every record that checks out is indexed.
 * A record that checks out but does not decode, or contradicts itself or the other records of its
 * trade (a PAID trade without a payment, two revisions disagreeing on the amount, a second trade
 * of an order begun while the first was still open, ...), is a finding too, with its offset, and
 * its bytes are copied to a side file. {@link #integrity()} reports all of it, and the engine
 * refuses new payments while it is damaged; {@code recover()} still settles what the store holds
 * and asks the wallets for lost trades. Compaction waits. When a person has compared the store
 * with the wallet's records, {@link #acceptDamage(String)} rewrites the journal to the records
 * held and payments resume.
 */
public final class JournalTransactionStore implements TransactionStore {
    private static final Logger LOG = LoggerFactory.getLogger(JournalTransactionStore.class);

    /** Finished trades are kept this long through compaction: 100 days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(100);

    private final AppendOnlyJournal journal;
    private final JournalCodec codec = new JournalCodec();
    private final Clock clock;
    private final Duration retention;
    private final long compactAfterBytes;
    private final TradeIndex index;
    private long sizeAfterCompaction;

    private JournalTransactionStore(AppendOnlyJournal journal, Clock clock, Duration retention, long compactAfterBytes) {
        this.journal = journal;
        this.clock = clock;
        this.retention = retention;
        this.compactAfterBytes = compactAfterBytes;
        this.index = JournalReadBack.rebuild(journal, codec);
        this.sizeAfterCompaction = journal.size();
    }

    /**
     * Opens the store on a journal file (created if absent) with durable appends, compaction every
     * 4 MiB of growth and a retention of {@link #DEFAULT_RETENTION}: longer than the wallets' refund
     * windows (Alipay: 3 months), so a refund always finds its trade and its refunded total.
     *
     * @param file the journal file
     * @param clock the clock deciding retention
     * @return the store
     */
    public static JournalTransactionStore open(Path file, Clock clock) {
        return open(file, clock, JournalOptions.DURABLE, DEFAULT_RETENTION, 4L << 20);
    }

    /**
     * Opens the store.
     *
     * @param file the journal file (created if absent)
     * @param clock the clock deciding retention
     * @param options journal behaviour; {@link JournalOptions#DURABLE} in production
     * @param retention how long finished trades are kept through compaction
     * @param compactAfterBytes journal growth that triggers compaction
     * @return the store
     * @throws JournalLockedException if another process has the journal open
     * @throws JournalCorruptedException if the file is not a journal; a damaged journal opens, in
     *     salvage mode, and {@link #integrity()} says what is wrong
     */
    public static JournalTransactionStore open(Path file, Clock clock, JournalOptions options, Duration retention,
            long compactAfterBytes) {
        return open(file, clock, options, retention, compactAfterBytes, DeviceSync.FORCE);
    }

    /** As the public {@code open}, forcing the journal with {@code sync} (tests count, hold or fail forces). */
    static JournalTransactionStore open(Path file, Clock clock, JournalOptions options, Duration retention,
            long compactAfterBytes, DeviceSync sync) {
        Objects.requireNonNull(clock, "clock");
        if (retention == null || retention.isNegative()) {
            throw new ConfigurationException("retention", "must be zero or positive, got " + retention);
        }
        if (compactAfterBytes < 1024) {
            throw new ConfigurationException("compactAfterBytes", "must be at least 1024, got " + compactAfterBytes);
        }
        AppendOnlyJournal journal = AppendOnlyJournal.open(file, options, sync);
        try {
            return new JournalTransactionStore(journal, clock, retention, compactAfterBytes);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** @return what opening the journal found (torn tail, records, damage) */
    public JournalOpenReport openReport() {
        return journal.openReport();
    }

    /** @return the journal file */
    public Path file() {
        return journal.file();
    }

    @Override
    public StoreIntegrity integrity() {
        List<StoreDamage> damage = journal.damage();
        if (damage.isEmpty()) {
            return StoreIntegrity.INTACT;
        }
        return new StoreIntegrity(damage, "New payments and refunds are refused while journal " + journal.file()
                + " is damaged. recover() still settles the trades it holds and asks the wallets for lost ones. "
                + "Compare its report and the side files named here with the wallet's own records (merchant portal "
                + "or bill download); then have the person who decided call JournalTransactionStore.acceptDamage(who), "
                + "which rewrites the journal to the records it holds (the side files stay) and lets payments resume.");
    }

    /**
     * For callers that must not run on a damaged journal (tools, tests): fails when it is damaged.
     *
     * @throws JournalCorruptedException naming the file and offset of the first finding
     */
    public void requireIntact() {
        List<StoreDamage> damage = journal.damage();
        if (!damage.isEmpty()) {
            StoreDamage first = damage.get(0);
            throw new JournalCorruptedException(first.file(), first.offset(), first.problem()
                    + (damage.size() > 1 ? " (and " + (damage.size() - 1) + " more finding(s))" : ""));
        }
    }

    /**
     * The repair step, for a person who has looked at the damage and decided: rewrites the journal
     * to the records this store holds (atomically, like a compaction, but keeping every trade),
     * resets the anchor to the new length, and clears the damage so that payments resume. The side
     * files with the damaged bytes stay, and a line naming who decided, when and what is appended
     * to {@code <journal>.repairs}. A trade begun while another attempt of its order was still open
     * is kept under the order id {@code DUP-<outTradeNo>}, flagged for attention.
     *
     * <p>Call it only after the store has been compared with the wallet's records, typically after
     * {@code PaymentEngine.recover()} has completed: what the damaged bytes held and recovery did not
     * find again is forgotten by the journal from then on.
     *
     * @param who who decided (a name or staff id, for the record)
     * @return the damage accepted ({@link StoreIntegrity#INTACT} when there was none: nothing is done)
     */
    public synchronized StoreIntegrity acceptDamage(String who) {
        if (who == null || who.isBlank()) {
            throw new InvalidInputException("who", "name the person who decided to accept the damage");
        }
        StoreIntegrity accepted = integrity();
        if (!accepted.isDamaged()) {
            return accepted;
        }
        index.resolveClaimedTwice(JournalTransactionStore::rekeyed);
        List<byte[]> keep = KeptRecords.everything(index, codec).payloads();
        String line = clock.instant() + " " + who.strip() + " accepted the damage of " + journal.file()
                + " and rewrote it to " + keep.size() + " records: " + accepted.describe() + System.lineSeparator();
        try {
            Files.write(journal.file().resolveSibling(journal.file().getFileName() + ".repairs"),
                    line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new TenderKitException(ErrorCode.JOURNAL_IO, "cannot record the repair of " + journal.file()
                    + ": " + e, e);
        }
        journal.repair(keep);
        index.repaired();
        sizeAfterCompaction = journal.size();
        LOG.warn("journal {}: {}", journal.file(), line.strip());
        return accepted;
    }

    /** A trade begun while another attempt of its order was open, moved to an order id of its own and flagged. */
    private static TradeRecord rekeyed(TradeRecord t) {
        String why = "the damaged journal had two trades for order " + t.orderId() + "; this one was moved to order "
                + "DUP-" + t.outTradeNo() + " by the repair: check which one the order really is";
        return new TradeRecord(t.intent().underOrder("DUP-" + t.outTradeNo()), t.progress())
                .next(t.updatedAt(), c -> c.attention(why));
    }

    @Override
    public synchronized void reserveNumberPrefix(String prefix) {
        journal.reserveNumberPrefix(prefix);
    }

    @Override
    public List<String> numberPrefixes() {
        return journal.numberPrefixes();
    }

    @Override
    public Optional<Duration> retention() {
        return Optional.of(retention);
    }

    /**
     * Saves a trade's new record. Its first record (the intent, or a further attempt's) is durable
     * before this returns; a later one is written to the file at once and durable with the next
     * durable save, {@link #flush()}, compaction or close ({@link SaveDurability}). Concurrent saves
     * share forces of the file; the store's lock is not held while waiting for one.
     *
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} if the write or the force fails
     */
    @Override
    public void save(TradeRecord trade) {
        AppendOnlyJournal.Written written;
        synchronized (this) {
            Optional<TradeRecord> open = index.openAttemptBefore(trade);
            if (open.isPresent()) {
                throw new IllegalStateException("order " + trade.orderId() + " already has trade "
                        + open.get().outTradeNo() + " (" + open.get().state() + "): a further attempt is allowed once "
                        + "it is FAILED or REVERSED");
            }
            written = journal.write(codec.encode(trade));
            index.put(trade);
            maybeCompact();
        }
        if (SaveDurability.of(trade) == SaveDurability.BEFORE_RETURN) {
            journal.awaitDurable(written.ticket());
        }
    }

    /**
     * Saves a refund's new record: its first (the request) durable before this returns, later ones
     * with the next durable save ({@link SaveDurability}), as {@link #save(TradeRecord)}.
     *
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} if the write or the force fails
     */
    @Override
    public void save(RefundRecord refund) {
        AppendOnlyJournal.Written written;
        synchronized (this) {
            written = journal.write(codec.encode(refund));
            index.put(refund);
            maybeCompact();
        }
        if (SaveDurability.of(refund) == SaveDurability.BEFORE_RETURN) {
            journal.awaitDurable(written.ticket());
        }
    }

    /**
     * Makes every record saved so far durable now (one force, shared with any running): for a
     * caller that wants the latest progress records safe from a power cut before it goes on.
     *
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} if the force fails or one failed before
     */
    public void flush() {
        journal.flush();
    }

    /** @return how many times the journal file was forced for saves since the store opened (one per group commit) */
    public long forces() {
        return journal.forces();
    }

    /** @return the journal's length known to be on the device; records past it may be lost in a power cut */
    public long durableSize() {
        return journal.durableSize();
    }

    @Override
    public synchronized Optional<TradeRecord> find(String outTradeNo) {
        return index.trade(outTradeNo);
    }

    @Override
    public synchronized Optional<TradeRecord> findByOrderId(String orderId) {
        return index.latestAttemptOf(orderId);
    }

    @Override
    public synchronized List<TradeRecord> tradesForOrder(String orderId) {
        return index.attemptsOf(orderId);
    }

    @Override
    public synchronized Optional<RefundRecord> findRefund(String outTradeNo, String refundRequestNo) {
        return index.refund(outTradeNo, refundRequestNo);
    }

    @Override
    public synchronized List<RefundRecord> refunds(String outTradeNo) {
        return index.refunds(outTradeNo);
    }

    @Override
    public synchronized List<TradeRecord> unfinished() {
        return index.unfinished();
    }

    @Override
    public synchronized List<RefundRecord> unfinishedRefunds() {
        return index.unfinishedRefunds();
    }

    @Override
    public synchronized List<TradeRecord> trades(Instant from, Instant to) {
        return index.createdIn(from, to);
    }

    @Override
    public synchronized List<RefundRecord> refunds(Instant from, Instant to) {
        return index.refundsCreatedIn(from, to);
    }

    private void maybeCompact() {
        if (!journal.isDamaged() && journal.size() - sizeAfterCompaction >= compactAfterBytes) {
            compact();
        }
    }

    /**
     * Compacts now: keeps what the class documentation says, drops the rest from file and index.
     *
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_DAMAGED} while the journal is damaged
     */
    public synchronized void compact() {
        Instant keepSince = clock.instant().minus(retention);
        KeptRecords kept = KeptRecords.retained(index, codec, keepSince);
        journal.compact(kept.payloads());
        kept.dropped().forEach(index::forget);
        sizeAfterCompaction = journal.size();
        LOG.info("journal {} compacted: kept {} records, dropped {} finished trades older than {}", journal.file(),
                kept.payloads().size(), kept.dropped().size(), keepSince);
    }

    @Override
    public synchronized void close() {
        journal.close();
    }
}
