package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.MalformedDocumentException;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link TransactionStore}: an {@link AppendOnlyJournal} of trade and refund records,
 * with an in-memory index rebuilt from it on open.
 *
 * <p>Compaction runs when the journal has grown by {@code compactAfterBytes} since the last one.
 * It keeps every unfinished or flagged trade and refund, and every trade (with its refunds) updated
 * within {@code retention}, so listings and refunds survive it. An order id is remembered as long
 * as its trade is kept: paying the same order id again within the retention returns the existing
 * trade. Thread-safe.
 *
 * <p><b>Damage.</b> Opening never fails on damage and never drops what it can read: the journal
 * opens in salvage mode ({@link AppendOnlyJournal}), and every record that checks out is indexed.
 * A record that checks out but does not decode, or contradicts itself or the other records of its
 * trade (a PAID trade without a payment, two revisions disagreeing on the amount, an order id
 * claimed by two trades, ...), is a finding too, with its offset, and its bytes are copied to a
 * side file. {@link #integrity()} reports all of it, and the engine refuses new payments while it
 * is damaged; {@code recover()} still settles what the store holds and asks the wallets for lost
 * trades. Compaction waits. When a person has compared the store with the wallet's records,
 * {@link #acceptDamage(String)} rewrites the journal to the records held and payments resume.
 */
public final class JournalTransactionStore implements TransactionStore {
    private static final Logger LOG = LoggerFactory.getLogger(JournalTransactionStore.class);
    private static final Comparator<TradeRecord> BY_CREATION = Comparator.comparing(TradeRecord::createdAt)
            .thenComparing(TradeRecord::outTradeNo);

    /** Finished trades are kept this long through compaction: 100 days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(100);

    private final AppendOnlyJournal journal;
    private final JournalCodec codec = new JournalCodec();
    private final Clock clock;
    private final Duration retention;
    private final long compactAfterBytes;
    private final Map<String, TradeRecord> trades = new LinkedHashMap<>();
    private final Map<String, String> byOrderId = new HashMap<>();
    private final Map<String, Map<String, RefundRecord>> refunds = new HashMap<>();
    /** Trades read back whose order id another trade owns: damage, resolved by {@link #acceptDamage}. */
    private final Set<String> orderClaimedTwice = new LinkedHashSet<>();
    private long sizeAfterCompaction;

    private JournalTransactionStore(AppendOnlyJournal journal, Clock clock, Duration retention, long compactAfterBytes) {
        this.journal = journal;
        this.clock = clock;
        this.retention = retention;
        this.compactAfterBytes = compactAfterBytes;
        Map<String, Long> refundOffsets = new HashMap<>();
        for (JournalRecord r : journal.recordsAtOpen()) {
            JournalCodec.Decoded d;
            try {
                d = codec.decode(r.payload(), journal.file() + "@" + r.offset());
            } catch (MalformedDocumentException e) {
                journal.reportDamage(StoreDamage.Kind.UNREADABLE_RECORD, r, "the record passes its checksum but is "
                        + "not a trade or refund record: " + e.getMessage());
                continue;
            } catch (RuntimeException e) {
                journal.reportDamage(StoreDamage.Kind.INCONSISTENT_RECORD, r, "the record passes its checksum but "
                        + "contradicts itself: " + e.getMessage());
                continue;
            }
            Optional<String> problem = d.trade().isPresent() ? indexAtOpen(d.trade().get())
                    : indexAtOpen(d.refund().orElseThrow());
            d.refund().ifPresent(f -> refundOffsets.putIfAbsent(refundKey(f), r.offset()));
            problem.ifPresent(p -> journal.reportDamage(StoreDamage.Kind.INCONSISTENT_RECORD, r, p));
        }
        for (Map.Entry<String, Map<String, RefundRecord>> e : refunds.entrySet()) {
            if (!trades.containsKey(e.getKey())) {
                for (RefundRecord f : e.getValue().values()) {
                    long offset = refundOffsets.get(refundKey(f));
                    journal.reportDamage(StoreDamage.Kind.INCONSISTENT_RECORD, recordAt(offset), "refund "
                            + f.refundRequestNo() + " is of trade " + f.outTradeNo() + ", which the journal does "
                            + "not hold (its records are missing)");
                }
            }
        }
        this.sizeAfterCompaction = journal.size();
    }

    private JournalRecord recordAt(long offset) {
        return journal.recordsAtOpen().stream().filter(r -> r.offset() == offset).findFirst().orElseThrow();
    }

    private static String refundKey(RefundRecord r) {
        return r.outTradeNo() + "\u0000" + r.refundRequestNo();
    }

    /** Indexes a trade read back, and says what is inconsistent about it. */
    private Optional<String> indexAtOpen(TradeRecord t) {
        Optional<String> problem = RecordConsistency.check(t);
        TradeRecord previous = trades.get(t.outTradeNo());
        if (problem.isEmpty() && previous != null) {
            problem = RecordConsistency.check(previous, t);
        }
        if (previous != null && previous.revision() >= t.revision()) {
            return problem;
        }
        String owner = byOrderId.putIfAbsent(t.orderId(), t.outTradeNo());
        if (owner != null && !owner.equals(t.outTradeNo())) {
            orderClaimedTwice.add(t.outTradeNo());
            problem = problem.or(() -> Optional.of("order " + t.orderId() + " has two trades, " + owner + " and "
                    + t.outTradeNo() + ": one order id has one trade"));
        }
        trades.put(t.outTradeNo(), t);
        return problem;
    }

    private Optional<String> indexAtOpen(RefundRecord r) {
        Optional<String> problem = RecordConsistency.check(r);
        RefundRecord previous = refunds.getOrDefault(r.outTradeNo(), Map.of()).get(r.refundRequestNo());
        if (problem.isEmpty() && previous != null) {
            problem = RecordConsistency.check(previous, r);
        }
        index(r);
        return problem;
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
        Objects.requireNonNull(clock, "clock");
        if (retention == null || retention.isNegative()) {
            throw new ConfigurationException("retention", "must be zero or positive, got " + retention);
        }
        if (compactAfterBytes < 1024) {
            throw new ConfigurationException("compactAfterBytes", "must be at least 1024, got " + compactAfterBytes);
        }
        AppendOnlyJournal journal = AppendOnlyJournal.open(file, options);
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
     * to {@code <journal>.repairs}. A trade whose order id another trade also claims is kept under
     * the order id {@code DUP-<outTradeNo>}, flagged for attention.
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
        for (String no : orderClaimedTwice) {
            TradeRecord t = trades.get(no);
            if (t != null && !no.equals(byOrderId.get(t.orderId()))) {
                trades.put(no, rekeyed(t));
            }
        }
        List<byte[]> keep = new ArrayList<>();
        for (TradeRecord t : trades.values()) {
            keep.add(codec.encode(t));
            refunds.getOrDefault(t.outTradeNo(), Map.of()).values().forEach(r -> keep.add(codec.encode(r)));
        }
        for (Map.Entry<String, Map<String, RefundRecord>> e : refunds.entrySet()) {
            if (!trades.containsKey(e.getKey())) {
                e.getValue().values().forEach(r -> keep.add(codec.encode(r)));
            }
        }
        String line = clock.instant() + " " + who.strip() + " accepted the damage of " + journal.file()
                + " and rewrote it to " + keep.size() + " records: " + accepted.describe() + System.lineSeparator();
        try {
            Files.writeString(journal.file().resolveSibling(journal.file().getFileName() + ".repairs"), line,
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new TenderKitException(ErrorCode.JOURNAL_IO, "cannot record the repair of " + journal.file()
                    + ": " + e, e);
        }
        journal.repair(keep);
        orderClaimedTwice.clear();
        trades.values().forEach(t -> byOrderId.putIfAbsent(t.orderId(), t.outTradeNo()));
        sizeAfterCompaction = journal.size();
        LOG.warn("journal {}: {}", journal.file(), line.strip());
        return accepted;
    }

    /** A trade whose order id another trade claims, moved to an order id of its own and flagged. */
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

    private void index(TradeRecord t) {
        TradeRecord previous = trades.get(t.outTradeNo());
        if (previous != null && previous.revision() >= t.revision()) {
            return;
        }
        byOrderId.putIfAbsent(t.orderId(), t.outTradeNo());
        trades.put(t.outTradeNo(), t);
    }

    private void index(RefundRecord r) {
        Map<String, RefundRecord> ofTrade = refunds.computeIfAbsent(r.outTradeNo(), k -> new LinkedHashMap<>());
        RefundRecord previous = ofTrade.get(r.refundRequestNo());
        if (previous == null || previous.revision() < r.revision()) {
            ofTrade.put(r.refundRequestNo(), r);
        }
    }

    @Override
    public synchronized void save(TradeRecord trade) {
        String owner = byOrderId.get(trade.orderId());
        TradeRecord known = trades.get(trade.outTradeNo());
        boolean sameTrade = known != null && known.orderId().equals(trade.orderId());   // one read back from damage
        if (owner != null && !owner.equals(trade.outTradeNo()) && !sameTrade) {
            throw new IllegalStateException("order " + trade.orderId() + " already has trade " + owner);
        }
        journal.append(codec.encode(trade));
        index(trade);
        maybeCompact();
    }

    @Override
    public synchronized void save(RefundRecord refund) {
        journal.append(codec.encode(refund));
        index(refund);
        maybeCompact();
    }

    @Override
    public synchronized Optional<TradeRecord> find(String outTradeNo) {
        return Optional.ofNullable(trades.get(outTradeNo));
    }

    @Override
    public synchronized Optional<TradeRecord> findByOrderId(String orderId) {
        String no = byOrderId.get(orderId);
        return no == null ? Optional.empty() : Optional.ofNullable(trades.get(no));
    }

    @Override
    public synchronized Optional<RefundRecord> findRefund(String outTradeNo, String refundRequestNo) {
        return Optional.ofNullable(refunds.getOrDefault(outTradeNo, Map.of()).get(refundRequestNo));
    }

    @Override
    public synchronized List<RefundRecord> refunds(String outTradeNo) {
        List<RefundRecord> out = new ArrayList<>(refunds.getOrDefault(outTradeNo, Map.of()).values());
        out.sort(Comparator.comparing(RefundRecord::createdAt));
        return out;
    }

    @Override
    public synchronized List<TradeRecord> unfinished() {
        List<TradeRecord> out = new ArrayList<>();
        for (TradeRecord t : trades.values()) {
            if (!t.state().isFinal() || t.needsAttention()) {
                out.add(t);
            }
        }
        out.sort(BY_CREATION);
        return out;
    }

    @Override
    public synchronized List<RefundRecord> unfinishedRefunds() {
        List<RefundRecord> out = new ArrayList<>();
        for (Map<String, RefundRecord> ofTrade : refunds.values()) {
            for (RefundRecord r : ofTrade.values()) {
                if (!r.state().isFinal()) {
                    out.add(r);
                }
            }
        }
        out.sort(Comparator.comparing(RefundRecord::createdAt));
        return out;
    }

    @Override
    public synchronized List<TradeRecord> trades(Instant from, Instant to) {
        List<TradeRecord> out = new ArrayList<>();
        for (TradeRecord t : trades.values()) {
            if (!t.createdAt().isBefore(from) && t.createdAt().isBefore(to)) {
                out.add(t);
            }
        }
        out.sort(BY_CREATION);
        return out;
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
        List<byte[]> keep = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (TradeRecord t : trades.values()) {
            List<RefundRecord> ofTrade = refunds(t.outTradeNo());
            boolean open = !t.state().isFinal() || t.needsAttention()
                    || ofTrade.stream().anyMatch(r -> !r.state().isFinal());
            if (open || !t.updatedAt().isBefore(keepSince)) {
                keep.add(codec.encode(t));
                ofTrade.forEach(r -> keep.add(codec.encode(r)));
            } else {
                dropped.add(t.outTradeNo());
            }
        }
        for (Map.Entry<String, Map<String, RefundRecord>> e : refunds.entrySet()) {
            if (!trades.containsKey(e.getKey())) {
                e.getValue().values().forEach(r -> keep.add(codec.encode(r)));   // refunds of unknown trades: keep
            }
        }
        journal.compact(keep);
        for (String no : dropped) {
            TradeRecord t = trades.remove(no);
            byOrderId.remove(t.orderId());
            refunds.remove(no);
        }
        sizeAfterCompaction = journal.size();
        LOG.info("journal {} compacted: kept {} records, dropped {} finished trades older than {}", journal.file(),
                keep.size(), dropped.size(), keepSince);
    }

    @Override
    public synchronized void close() {
        journal.close();
    }
}
