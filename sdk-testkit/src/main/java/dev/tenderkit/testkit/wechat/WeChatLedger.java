package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated WeChat Pay's ledger: every order (by out_trade_no, in creation order) and every
 * refund (by out_refund_no). The simulator changes it under its own lock; everyone else reads
 * snapshots. A test asserts on it: what each out_trade_no charged, what was refunded, that no order
 * was charged twice.
 *
 * <p>{@link #saveTo(Path)} writes it atomically (a temporary file in the same directory, forced to
 * disk, renamed over the target), so a test in another process sees the previous ledger or the
 * new one, never half of one; {@link #load(Path)} reads it back. The format is JSON, amounts in fen:
 * <pre>{"version":1,"trades":[{"out_trade_no":"T1","transaction_id":"4200…","trade_type":"MICROPAY",
 *  "total":100,"state":"SUCCESS","charged":100,"bank_type":"OTHERS","success_time":"2026-…Z",
 *  "created":"2026-…Z"}],"refunds":[{"out_refund_no":"R1","refund_id":"50…","out_trade_no":"T1",
 *  "amount":10,"status":"SUCCESS","created":"…","success_time":"…"}]}</pre>
 *
 * <p>Thread-safe.
 */
public final class WeChatLedger {
    private final Map<String, WeChatTrade> trades = new LinkedHashMap<>();
    private final Map<String, WeChatRefund> refunds = new LinkedHashMap<>();

    /** An empty ledger. */
    public WeChatLedger() {
    }

    /** @return a snapshot of every order, by out_trade_no, in creation order */
    public synchronized Map<String, WeChatTrade> trades() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(trades));
    }

    /** @return the order, if the simulator has it */
    public synchronized Optional<WeChatTrade> trade(String outTradeNo) {
        return Optional.ofNullable(trades.get(outTradeNo));
    }

    /** @return the order with this transaction_id, if any */
    public synchronized Optional<WeChatTrade> tradeByTransactionId(String transactionId) {
        return trades.values().stream().filter(t -> t.transactionId().equals(transactionId)).findFirst();
    }

    /** @return a snapshot of every refund, by out_refund_no, in the order accepted */
    public synchronized Map<String, WeChatRefund> refunds() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(refunds));
    }

    /** @return the refund, if the simulator has it */
    public synchronized Optional<WeChatRefund> refund(String outRefundNo) {
        return Optional.ofNullable(refunds.get(outRefundNo));
    }

    /** @return the refunds of one order, in the order accepted */
    public synchronized List<WeChatRefund> refundsOf(String outTradeNo) {
        List<WeChatRefund> l = new ArrayList<>();
        for (WeChatRefund r : refunds.values()) {
            if (r.outTradeNo().equals(outTradeNo)) {
                l.add(r);
            }
        }
        return l;
    }

    /** @return what the buyer of {@code outTradeNo} is charged now (zero for an unknown order) */
    public synchronized Money charged(String outTradeNo) {
        WeChatTrade t = trades.get(outTradeNo);
        return t == null ? Money.ZERO : t.charged();
    }

    /** @return what buyers are charged now, over all orders */
    public synchronized Money totalCharged() {
        Money sum = Money.ZERO;
        for (WeChatTrade t : trades.values()) {
            sum = sum.plus(t.charged());
        }
        return sum;
    }

    /** @return what {@code outTradeNo} can still refund: charged, less refunds still processing or abnormal */
    synchronized Money refundable(String outTradeNo) {
        Money left = charged(outTradeNo);
        for (WeChatRefund r : refunds.values()) {
            if (r.outTradeNo().equals(outTradeNo) && r.holdsAmount() && r.status() != WeChatRefund.Status.SUCCESS) {
                left = left.minus(r.amount());
            }
        }
        return left;
    }

    synchronized void put(WeChatTrade t) {
        trades.put(t.outTradeNo(), t);
    }

    synchronized void put(WeChatRefund r) {
        refunds.put(r.outRefundNo(), r);
    }

    /** Empties the ledger. */
    public synchronized void clear() {
        trades.clear();
        refunds.clear();
    }

    /** @return the ledger as JSON text (the file format of {@link #saveTo(Path)}) */
    public String toJson() {
        List<Object> ts = new ArrayList<>();
        List<Object> rs = new ArrayList<>();
        synchronized (this) {
            for (WeChatTrade t : trades.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("out_trade_no", t.outTradeNo());
                m.put("transaction_id", t.transactionId());
                m.put("trade_type", t.tradeType());
                m.put("total", t.total().fen());
                m.put("state", t.state().name());
                m.put("charged", t.charged().fen());
                m.put("bank_type", t.bankType().orElse(null));
                m.put("success_time", t.successTime().map(Instant::toString).orElse(null));
                m.put("created", t.created().toString());
                ts.add(m);
            }
            for (WeChatRefund r : refunds.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("out_refund_no", r.outRefundNo());
                m.put("refund_id", r.refundId());
                m.put("out_trade_no", r.outTradeNo());
                m.put("amount", r.amount().fen());
                m.put("status", r.status().name());
                m.put("created", r.created().toString());
                m.put("success_time", r.successTime().map(Instant::toString).orElse(null));
                rs.add(m);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1L);
        root.put("trades", ts);
        root.put("refunds", rs);
        return Json.write(root);
    }

    /**
     * Writes the ledger to {@code file} atomically.
     *
     * @throws UncheckedIOException if it cannot be written
     */
    public void saveTo(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulated WeChat Pay ledger to " + file, e);
        }
    }

    /**
     * Reads a ledger written by {@link #saveTo(Path)}.
     *
     * @throws UncheckedIOException if it cannot be read
     * @throws IllegalArgumentException if it is not a ledger
     */
    public static WeChatLedger load(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated WeChat Pay ledger " + file, e);
        }
    }

    /**
     * @param json the text of {@link #toJson()}
     * @return the ledger
     * @throws IllegalArgumentException if it is not a ledger
     */
    public static WeChatLedger fromJson(String json) {
        Map<String, Object> root = Json.parseObject(json);
        if (!Long.valueOf(1).equals(root.get("version"))) {
            throw new IllegalArgumentException("not a simulated WeChat Pay ledger of version 1: " + root.get("version"));
        }
        WeChatLedger ledger = new WeChatLedger();
        try {
            for (Object o : list(root, "trades")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                ledger.put(new WeChatTrade(req(m, "out_trade_no"), req(m, "transaction_id"), req(m, "trade_type"),
                        fen(m, "total"), WeChatTrade.State.valueOf(req(m, "state")), fen(m, "charged"),
                        Json.text(m, "bank_type"), Json.text(m, "success_time").map(Instant::parse),
                        Instant.parse(req(m, "created"))));
            }
            for (Object o : list(root, "refunds")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                ledger.put(new WeChatRefund(req(m, "out_refund_no"), req(m, "refund_id"), req(m, "out_trade_no"),
                        fen(m, "amount"), WeChatRefund.Status.valueOf(req(m, "status")), Instant.parse(req(m, "created")),
                        Json.text(m, "success_time").map(Instant::parse)));
            }
        } catch (ClassCastException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a simulated WeChat Pay ledger: " + e.getMessage(), e);
        }
        return ledger;
    }

    private static List<?> list(Map<String, Object> root, String name) {
        Object v = root.get(name);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("ledger without " + name);
        }
        return l;
    }

    private static String req(Map<String, Object> m, String name) {
        return Json.text(m, name).orElseThrow(() -> new IllegalArgumentException("ledger entry without " + name));
    }

    private static Money fen(Map<String, Object> m, String name) {
        return Money.ofFen(Json.integer(m, name)
                .orElseThrow(() -> new IllegalArgumentException("ledger entry without integer " + name)));
    }
}
