package dev.tenderkit.testkit.alipay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tenderkit.core.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated Alipay's trade ledger: every trade it created, paid, closed, reversed or refunded,
 * by out_trade_no in creation order. The simulator changes it under its own lock; everyone else
 * reads snapshots ({@link #trades()}).
 *
 * <p>It can be written to a file and read back, so a test in another process (or after this one
 * has ended) can check what the "wallet" did: {@link #saveTo(Path)} writes a temporary file in the
 * same directory, forces it to disk and renames it over the target, so a reader sees the previous
 * ledger or the new one, never half of one. The format is JSON:
 * <pre>{"version":1,"trades":[{"out_trade_no":"T1","trade_no":"2026...","kind":"BAR_CODE",
 *  "total_amount":"88.00","status":"TRADE_SUCCESS","charged":"88.00","fund_channel":"PCREDIT",
 *  "installments":3,"refunds":{"R1":"8.00"},"closed_by":null}]}</pre>
 *
 * <p>Thread-safe.
 */
public final class AlipayLedger {
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, AlipayTrade> trades = new LinkedHashMap<>();

    /** An empty ledger. */
    public AlipayLedger() {
    }

    /** @return a snapshot of every trade, by out_trade_no, in creation order */
    public synchronized Map<String, AlipayTrade> trades() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trades));
    }

    /**
     * @param outTradeNo the merchant's trade number
     * @return the trade, if the simulator has it
     */
    public synchronized Optional<AlipayTrade> trade(String outTradeNo) {
        return Optional.ofNullable(trades.get(outTradeNo));
    }

    /** @return what buyers are charged now, over all trades (after refunds and reversals) */
    public synchronized Money totalCharged() {
        Money sum = Money.ZERO;
        for (AlipayTrade t : trades.values()) {
            sum = sum.plus(t.charged());
        }
        return sum;
    }

    /** Adds or replaces a trade (the simulator's one way of changing the ledger). */
    synchronized void put(AlipayTrade trade) {
        trades.put(trade.outTradeNo(), trade);
    }

    /** Empties the ledger. */
    public synchronized void clear() {
        trades.clear();
    }

    /** @return the ledger as JSON text (the file format of {@link #saveTo(Path)}) */
    public String toJson() {
        return new String(toJsonBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] toJsonBytes() {
        Map<String, AlipayTrade> snapshot = trades();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeArrayFieldStart("trades");
            for (AlipayTrade t : snapshot.values()) {
                g.writeStartObject();
                g.writeStringField("out_trade_no", t.outTradeNo());
                g.writeStringField("trade_no", t.tradeNo());
                g.writeStringField("kind", t.kind());
                g.writeStringField("total_amount", t.totalAmount().toPlainString());
                g.writeStringField("status", t.status().name());
                g.writeStringField("charged", t.charged().toPlainString());
                g.writeStringField("fund_channel", t.fundChannel().orElse(null));
                g.writeNumberField("installments", t.installments());
                g.writeObjectFieldStart("refunds");
                for (Map.Entry<String, Money> r : t.refunds().entrySet()) {
                    g.writeStringField(r.getKey(), r.getValue().toPlainString());
                }
                g.writeEndObject();
                g.writeStringField("closed_by", t.closedBy().orElse(null));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the ledger to {@code file} atomically: a temporary file in the same directory, forced to
     * disk, then renamed over the target.
     *
     * @param file where to write
     * @throws UncheckedIOException if it cannot be written
     */
    public void saveTo(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes = toJsonBytes();
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
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
            throw new UncheckedIOException("cannot write the simulated Alipay ledger to " + file, e);
        }
    }

    /**
     * Reads a ledger written by {@link #saveTo(Path)}.
     *
     * @param file the file
     * @return the ledger
     * @throws UncheckedIOException if it cannot be read
     * @throws IllegalArgumentException if it is not a ledger
     */
    public static AlipayLedger load(Path file) {
        try {
            return fromJson(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated Alipay ledger " + file, e);
        }
    }

    /**
     * @param json the text of {@link #toJson()}
     * @return the ledger
     * @throws IllegalArgumentException if it is not a ledger
     */
    public static AlipayLedger fromJson(String json) {
        AlipayLedger ledger = new AlipayLedger();
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "ledger");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("version".equals(name)) {
                    if (p.getIntValue() != 1) {
                        throw new IllegalArgumentException("unknown ledger version " + p.getText());
                    }
                } else if ("trades".equals(name)) {
                    expect(v, JsonToken.START_ARRAY, "trades");
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        ledger.put(readTrade(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("not a simulated Alipay ledger: " + e.getMessage(), e);
        }
        return ledger;
    }

    private static AlipayTrade readTrade(JsonParser p) throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        Map<String, Money> refunds = new LinkedHashMap<>();
        int installments = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("refunds".equals(name)) {
                expect(v, JsonToken.START_OBJECT, "refunds");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String no = p.currentName();
                    p.nextToken();
                    refunds.put(no, Money.parse(p.getText()));
                }
            } else if ("installments".equals(name)) {
                installments = p.getIntValue();
            } else if (v == JsonToken.VALUE_NULL) {
                f.put(name, null);
            } else {
                f.put(name, p.getText());
            }
        }
        return new AlipayTrade(req(f, "out_trade_no"), req(f, "trade_no"), req(f, "kind"),
                Money.parse(req(f, "total_amount")), AlipayTrade.Status.valueOf(req(f, "status")),
                Money.parse(req(f, "charged")), Optional.ofNullable(f.get("fund_channel")), installments, refunds,
                Optional.ofNullable(f.get("closed_by")));
    }

    private static String req(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null) {
            throw new IllegalArgumentException("trade without " + name);
        }
        return v;
    }

    private static void expect(JsonToken got, JsonToken want, String what) {
        if (got != want) {
            throw new IllegalArgumentException(what + ": expected " + want + " but found " + got);
        }
    }
}
