package dev.tenderkit.alipay.mitm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's first bar: a man in the middle on loopback between {@link AlipayGateway} and the
 * simulated Alipay ({@link MitmProxy}) replays answers Alipay genuinely signed for other trades,
 * other methods and earlier requests, and forges unsigned, altered and wrongly signed ones, onto
 * pay, precreate, query, cancel, close, refund and refund query ({@link AttackPlan}), while the
 * real {@link PaymentEngine} takes a mix of barcode and QR trades and refunds ({@link TradeMix}).
 * Then the attacks stop, {@code recover()} runs and every trade settles; the engine's final state
 * must equal the wallet's ledger for every trade and refund ({@link EngineLedgerAudit}).
 *
 * <p>The engine runs on virtual time ({@link ManualTaskScheduler}), so Alipay's real timing is
 * used without waiting and the run is the same for the same seed: {@code -Dtenderkit.mitm.seed=S}
 * replays one (the seed is printed, and named in every failure).
 */
class MitmAttackTest {
    static {
        // Without TCP_NODELAY every answer of the simulator's JDK HttpServer waits ~40 ms for a delayed
        // ACK. sdk-alipay's pom sets this for Maven runs; here for a run from an IDE (it only takes if
        // no HttpServer was created in this JVM before).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();
    private static final KeyPair ATTACKERS_KEY = rsa2048();
    private static final String CHANNEL = "alipay-direct";
    private static final int BARCODE_TRADES = 430;
    private static final int QR_TRADES = 90;
    private static final double ATTACK_RATE = 0.5;
    private static final int MIN_ATTACKS = 1_000;
    /** Disagreeing trades spelled out in a failure message; the rest go to a file. */
    private static final int SHOWN = 40;
    /** Virtual time the attack phase may last; every trade started by then has long passed its deadline. */
    private static final Duration ATTACK_PHASE = Duration.ofHours(2);
    /** Virtual time the engine has to settle once the attacks stop (reversal retries back off to 5 minutes). */
    private static final Duration SETTLING = Duration.ofHours(6);

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void replayedOrForgedAnswersNeverLeaveTheEngineDisagreeingWithTheWalletsLedger(@TempDir Path dir) {
        long seed = Long.getLong("tenderkit.mitm.seed", new SecureRandom().nextLong());
        String replay = "seed " + seed + " (replay with -Dtenderkit.mitm.seed=" + seed + ")";
        System.out.println("MitmAttackTest: " + replay);
        long started = System.nanoTime();
        Random random = new Random(seed);
        ManualTaskScheduler time = new ManualTaskScheduler(Instant.parse("2026-03-02T01:00:00Z"));
        Clock clock = time.clock();
        AnswerPool pool = new AnswerPool();
        AttackPlan plan = new AttackPlan(random.nextLong(), ATTACK_RATE, ATTACKERS_KEY);
        TradeMix mix = TradeMix.generate(random.nextLong(), BARCODE_TRADES, QR_TRADES);

        try (SimulatedAlipay alipay = SimulatedAlipay.builder(KEYS).clock(clock).start();
                MitmProxy proxy = MitmProxy.start(alipay.gatewayUrl(), plan, pool);
                // A real journal on disk, without an fsync per record: durability is the crash test's
                // subject, and some 6,000 fsyncs would double this test's time.
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"), clock,
                        new JournalOptions(false, 1 << 20), JournalTransactionStore.DEFAULT_RETENTION, 4L << 20)) {
            mix.script(alipay);
            Decisions decisions = new Decisions(proxy);
            PaymentEngine engine = engine(alipay, proxy, journal, time, decisions);

            mix.start(engine, time, alipay, pool);
            boolean attackPhaseSettled = advanceUntil(time, mix::settled, ATTACK_PHASE);
            int attacksInPhase = attacked(proxy);

            proxy.passThrough();
            CompletableFuture<RecoveryReport> recovery = engine.recover();
            boolean settled = advanceUntil(time, () -> recovery.isDone() && mix.settled() && allFinal(journal),
                    SETTLING);

            List<TradeRecord> trades = journal.trades(Instant.EPOCH, Instant.MAX);
            Map<String, List<RefundRecord>> refunds = new HashMap<>();
            for (TradeRecord t : trades) {
                refunds.put(t.outTradeNo(), journal.refunds(t.outTradeNo()));
            }
            EngineLedgerAudit audit = new EngineLedgerAudit(trades, refunds, alipay.ledger().trades(), mix.qrShown(),
                    pool.genuineQrCodes(), decisions::history);
            List<MitmProxy.Exchange> exchanges = proxy.exchanges();
            long replays = exchanges.stream().filter(e -> e.attack().filter(a -> a.kind().replay()).isPresent())
                    .count();
            // Each wrong conclusion once (a trade PAID under another's number and amount is one conclusion).
            Map<String, Long> wrongBy = audit.violations().stream()
                    .map(v -> List.of(decisions.decidedBy(v), v.outTradeNo(), v.subject().name(),
                            v.refundRequestNo().orElse("")))
                    .distinct().collect(Collectors.groupingBy(k -> k.get(0), TreeMap::new, Collectors.counting()));
            String summary = "MitmAttackTest: " + exchanges.size() + " answers, " + attacksInPhase + " attacked ("
                    + replays + " replays of genuinely signed answers, " + (attacksInPhase - replays) + " forgeries); "
                    + trades.size() + " trades: " + audit.summary() + "; " + mix.refundSummary() + "; attack phase "
                    + (attackPhaseSettled ? "settled" : "cut off at " + ATTACK_PHASE) + ", then pass-through "
                    + (settled ? "settled" : "NOT settled within " + SETTLING) + "; "
                    + audit.report().size() + " trades disagree; " + replay + "; "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms\n" + table(exchanges)
                    + (wrongBy.isEmpty() ? "" : "  wrong conclusions, by the answer the engine drew them from:\n"
                    + wrongBy.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .map(e -> String.format("    %4d  %s%n", e.getValue(), e.getKey()))
                            .collect(Collectors.joining()));
            System.out.println(summary);

            assertEquals(List.of(), proxy.failures(), "the proxy itself failed, " + replay);
            if (!audit.violations().isEmpty()) {
                List<String> report = audit.report();
                Path full = writeReport(seed, report, summary);
                fail(report.size() + " trades where the engine and the wallet disagree, " + replay + (report.size()
                        > SHOWN ? "; the first " + SHOWN + " here, all in " + full.toAbsolutePath() : "") + ":\n  "
                        + String.join("\n  ", report.subList(0, Math.min(SHOWN, report.size()))) + "\n" + summary);
            }
            assertTrue(settled, "the engine did not settle every trade in pass-through, " + replay + "\n" + summary);
            // Not vacuous: enough attacks, of every kind, on every method, and every path taken.
            assertTrue(attacksInPhase >= MIN_ATTACKS, "only " + attacksInPhase + " attacked answers; " + summary);
            assertTrue(replays >= MIN_ATTACKS, "only " + replays + " replays of genuinely signed answers; " + summary);
            Set<AttackPlan.Kind> kinds = exchanges.stream().flatMap(e -> e.attack().stream())
                    .map(MitmProxy.Attack::kind).collect(Collectors.toSet());
            assertEquals(EnumSet.allOf(AttackPlan.Kind.class), kinds, "every kind of attack was made; " + summary);
            Set<String> methods = exchanges.stream().filter(e -> e.attack().isPresent()).map(e -> e.request().method())
                    .collect(Collectors.toSet());
            assertEquals(AttackPlan.ATTACKED, methods, "every method was attacked; " + summary);
            // (Whether a refused pay ends FAILED or, its refusal unconfirmable, REVERSED is the engine's to decide.)
            assertTrue(audit.paid() > 0 && audit.reversed() + audit.failed() > 0 && audit.refunds() > 0,
                    "paid, unpaid and refunded trades all occur; " + summary);
        }
    }

    /** Writes every disagreement to {@code target/mitm-attack-<seed>.txt}; a failure message shows {@link #SHOWN}. */
    private static Path writeReport(long seed, List<String> report, String summary) {
        Path file = Path.of("target", "mitm-attack-" + seed + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", report) + "\n" + summary, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
        return file;
    }

    /** @return attacked answers by method (rows) and kind (columns), as forwarded/withheld */
    private static String table(List<MitmProxy.Exchange> exchanges) {
        List<String> methods = List.of("alipay.trade.pay", "alipay.trade.precreate", "alipay.trade.query",
                "alipay.trade.cancel", "alipay.trade.close", "alipay.trade.refund",
                "alipay.trade.fastpay.refund.query");
        StringBuilder sb = new StringBuilder("  attacked answers, forwarded/withheld (the wallet did / did not see the "
                + "request):\n  ").append(String.format("%-13s", "method"));
        for (AttackPlan.Kind k : AttackPlan.Kind.values()) {
            sb.append(String.format("%14s", k.label()));
        }
        sb.append(String.format("%12s%n", "all"));
        int[] column = new int[AttackPlan.Kind.values().length];
        for (String m : methods) {
            sb.append("  ").append(String.format("%-13s", AnswerPool.shortMethod(m)));
            int row = 0;
            for (AttackPlan.Kind k : AttackPlan.Kind.values()) {
                long f = count(exchanges, m, k, AttackPlan.Mode.FORWARDED);
                long w = count(exchanges, m, k, AttackPlan.Mode.WITHHELD);
                sb.append(String.format("%14s", f + "/" + w));
                row += (int) (f + w);
                column[k.ordinal()] += (int) (f + w);
            }
            sb.append(String.format("%12d%n", row));
        }
        sb.append("  ").append(String.format("%-13s", "all"));
        int all = 0;
        for (int c : column) {
            sb.append(String.format("%14d", c));
            all += c;
        }
        return sb.append(String.format("%12d%n", all)).toString();
    }

    private static long count(List<MitmProxy.Exchange> exchanges, String method, AttackPlan.Kind kind,
            AttackPlan.Mode mode) {
        return exchanges.stream().filter(e -> e.request().method().equals(method))
                .filter(e -> e.attack().filter(a -> a.kind() == kind && a.mode() == mode).isPresent()).count();
    }

    private static int attacked(MitmProxy proxy) {
        return (int) proxy.exchanges().stream().filter(e -> e.attack().isPresent()).count();
    }

    /** Advances virtual time a second at a time until {@code done}, or until {@code limit} has passed. */
    private static boolean advanceUntil(ManualTaskScheduler time, BooleanSupplier done, Duration limit) {
        Instant until = time.now().plus(limit);
        while (!done.getAsBoolean()) {
            if (!time.now().isBefore(until)) {
                return false;
            }
            time.advance(Duration.ofSeconds(1));
        }
        return true;
    }

    private static boolean allFinal(JournalTransactionStore journal) {
        return journal.unfinished().stream().allMatch(t -> t.state().isFinal())
                && journal.unfinishedRefunds().isEmpty();
    }

    private static PaymentEngine engine(SimulatedAlipay alipay, MitmProxy proxy, JournalTransactionStore journal,
            ManualTaskScheduler time, TradeListener listener) {
        Clock clock = time.clock();
        AlipayGateway gateway = AlipayGateway.builder()
                .credentials(AlipayCredentials.builder().appId(alipay.appId()).appPrivateKey(KEYS.appPrivateKeyPem())
                        .alipayPublicKey(KEYS.alipayPublicKeyPem()).build())
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(10))
                        .callTimeout(Duration.ofSeconds(20)).build())
                .gatewayUrl(proxy.gatewayUrl())
                .timing(GatewayTiming.DEFAULT)   // Alipay's own: virtual time costs nothing
                .clock(clock)
                .build();
        CapabilityPolicy policy = CapabilityPolicy.builder().version("mitm").issuedAt(clock.instant())
                .maxAge(Duration.ofDays(1)).channel(new ChannelProfile(CHANNEL,
                        LocalizedText.of("支付宝直连", "Alipay direct"), LicenceKind.WALLET_DIRECT,
                        List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false),
                                ChannelOffering.of(PaymentMethods.ALIPAY_HUABEI, false))))
                .build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN-MITM",
                SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M", "M", "5411", List.of(CHANNEL), List.of()));
        return PaymentEngine.builder().terminalId("T1")
                .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).clock(clock).build())
                .context(() -> context).store(journal).gateway(CHANNEL, gateway).scheduler(time)
                .listener(listener).build();
    }

    /**
     * Which exchange each trade and refund was decided on: the engine runs on one thread, so the
     * last exchange of a trade when its record turns final is the answer it concluded from.
     */
    private static final class Decisions implements TradeListener {
        private final MitmProxy proxy;
        private final Map<String, Decision> trades = new ConcurrentHashMap<>();
        private final Map<String, Decision> refunds = new ConcurrentHashMap<>();

        /** What the engine concluded, and on which exchange. */
        private record Decision(String state, Optional<MitmProxy.Exchange> on) {
            String describe() {
                return state + " on " + on.map(MitmProxy.Exchange::describe).orElse("no exchange");
            }
        }

        Decisions(MitmProxy proxy) {
            this.proxy = proxy;
        }

        @Override
        public void onTradeChanged(TradeRecord t) {
            if (t.state().isFinal()) {
                trades.computeIfAbsent(t.outTradeNo(), no -> new Decision(t.state().name(),
                        proxy.lastExchange(no, Optional.empty())));
            }
        }

        @Override
        public void onRefundChanged(RefundRecord r) {
            if (r.state().isFinal()) {
                refunds.computeIfAbsent(key(r.outTradeNo(), r.refundRequestNo()), k -> new Decision("refund "
                        + r.refundRequestNo() + " " + r.state(), proxy.lastExchange(r.outTradeNo(),
                        Optional.of(r.refundRequestNo()))));
            }
        }

        private static String key(String outTradeNo, String refundRequestNo) {
            return outTradeNo + "/" + refundRequestNo;
        }

        /**
         * @return the attack the engine concluded a disagreeing trade or refund from, as
         *     "method mode kind ← what the replayed answer says"; a wrong conclusion drawn from a
         *     genuine answer (after an earlier attack misled the engine) is named as such
         */
        String decidedBy(EngineLedgerAudit.Violation v) {
            Optional<MitmProxy.Exchange> on = switch (v.subject()) {
                case TRADE -> Optional.ofNullable(trades.get(v.outTradeNo())).flatMap(Decision::on);
                case REFUND -> Optional.ofNullable(refunds.get(key(v.outTradeNo(), v.refundRequestNo().orElseThrow())))
                        .flatMap(Decision::on);
                // the code came from the precreate's answer
                case QR_CODE -> proxy.exchanges(v.outTradeNo()).stream()
                        .filter(e -> e.request().method().equals("alipay.trade.precreate")).findFirst();
                case UNKNOWN_TO_ENGINE -> proxy.lastExchange(v.outTradeNo(), v.refundRequestNo());
            };
            if (on.isEmpty()) {
                return "no exchange";
            }
            MitmProxy.Exchange e = on.get();
            String method = AnswerPool.shortMethod(e.request().method());
            return e.attack().map(a -> method + " " + a.mode() + " " + a.kind() + " <- " + a.source())
                    .orElse(method + " let through (misled by an earlier attack)");
        }

        /** @return what the trade went through: the answers that decided it and every attack it met */
        String history(String outTradeNo) {
            StringBuilder sb = new StringBuilder("decided: ").append(Optional.ofNullable(trades.get(outTradeNo))
                    .map(Decision::describe).orElse("never final"));
            refunds.forEach((k, v) -> {
                if (k.startsWith(outTradeNo + "/")) {
                    sb.append("\n      decided: ").append(v.describe());
                }
            });
            List<MitmProxy.Exchange> attacks = proxy.exchanges(outTradeNo).stream().filter(e -> e.attack().isPresent())
                    .toList();
            sb.append("\n      ").append(attacks.size()).append(" attacks on this trade:");
            for (MitmProxy.Exchange e : attacks) {
                sb.append("\n        ").append(e.describe());
            }
            return sb.toString();
        }
    }

    private static KeyPair rsa2048() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
