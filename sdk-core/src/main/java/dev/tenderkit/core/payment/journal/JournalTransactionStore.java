package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TransactionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    private long sizeAfterCompaction;

    private JournalTransactionStore(AppendOnlyJournal journal, Clock clock, Duration retention, long compactAfterBytes) {
        this.journal = journal;
        this.clock = clock;
        this.retention = retention;
        this.compactAfterBytes = compactAfterBytes;
        for (JournalRecord r : journal.recordsAtOpen()) {
            JournalCodec.Decoded d;
            try {
                d = codec.decode(r.payload(), journal.file() + "@" + r.offset());
            } catch (MalformedDocumentException e) {
                throw new JournalCorruptedException(journal.file(), r.offset(),
                        "a record passes its checksum but is not a trade or refund record: " + e.getMessage());
            }
            d.trade().ifPresent(this::index);
            d.refund().ifPresent(this::index);
        }
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
     * @throws JournalCorruptedException if the journal is damaged other than at its tail
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

    /** @return what opening the journal found (torn tail, records) */
    public JournalOpenReport openReport() {
        return journal.openReport();
    }

    private void index(TradeRecord t) {
        TradeRecord previous = trades.get(t.outTradeNo());
        if (previous != null && previous.revision() >= t.revision()) {
            return;
        }
        String owner = byOrderId.putIfAbsent(t.orderId(), t.outTradeNo());
        if (owner != null && !owner.equals(t.outTradeNo())) {
            throw new TenderKitException(ErrorCode.JOURNAL_CORRUPT, "order " + t.orderId() + " has two trades in "
                    + journal.file() + ": " + owner + " and " + t.outTradeNo());
        }
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
        if (owner != null && !owner.equals(trade.outTradeNo())) {
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
        if (journal.size() - sizeAfterCompaction >= compactAfterBytes) {
            compact();
        }
    }

    /** Compacts now: keeps what the class documentation says, drops the rest from file and index. */
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
