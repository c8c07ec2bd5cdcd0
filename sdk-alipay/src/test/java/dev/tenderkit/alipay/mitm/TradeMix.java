package dev.tenderkit.alipay.mitm;

import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.QrPaymentRequest;
import dev.tenderkit.core.payment.QrTicket;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.alipay.BuyerScript;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * The trades the test puts through the engine, and what the buyers and the cashier do: barcode
 * buyers of every kind (paying at once or after some queries, from the balance or Huabei, in their
 * own time, never, without the funds, with an invalid code), QR trades scanned in time, late or
 * never, and refunds of paid trades (full, partial, two partial ones, one asked for twice with the
 * same number, and a cashier who tries again under a new number when a refund is refused). All of
 * it is generated from a seed and scheduled on the engine's virtual time.
 */
final class TradeMix {
    /** The barcode buyers, each with her payment code, her script at the simulated Alipay and a weight. */
    enum Buyer {
        PAYS_AT_ONCE("280000000000000001", BuyerScript.paysAtOnce(), 18),
        PAYS_AT_ONCE_FROM_HUABEI("280000000000000002", BuyerScript.paysAtOnce().fromHuabei(), 8),
        PAYS_AFTER_2_QUERIES("280000000000000003", BuyerScript.userPayingFor(2), 10),
        PAYS_AFTER_4_QUERIES_FROM_HUABEI("280000000000000004", BuyerScript.userPayingFor(4).fromHuabei(), 8),
        /** Confirms on the 9th query that reaches the wallet: about the deadline, so often reversed. */
        PAYS_AFTER_8_QUERIES("280000000000000005", BuyerScript.userPayingFor(8), 4),
        /** Enters her password at a moment of her own, before or after the terminal's deadline. */
        CONFIRMS_IN_HER_OWN_TIME("280000000000000006", BuyerScript.neverPays(), 8),
        NEVER_PAYS("280000000000000007", BuyerScript.neverPays(), 5),
        INSUFFICIENT_BALANCE("280000000000000008", BuyerScript.insufficientBalance(), 6),
        INVALID_CODE("280000000000000009", BuyerScript.invalidCode(), 4);

        final String code;
        final BuyerScript script;
        final int weight;

        Buyer(String code, BuyerScript script, int weight) {
            this.code = code;
            this.script = script;
            this.weight = weight;
        }
    }

    /** What the cashier refunds once the engine reports a trade paid. */
    enum Refunds {
        NONE, FULL, PARTIAL, TWO_PARTIAL, ASKED_TWICE
    }

    /**
     * One order.
     *
     * @param orderId the POS's order id
     * @param qr a QR trade (else barcode)
     * @param buyer the barcode buyer (PAYS_AT_ONCE for QR trades, unused)
     * @param amount the amount
     * @param startAfter when the cashier starts it, from the beginning of the run
     * @param buyerActsAfter when the buyer confirms or scans, from the start of the trade, if she does
     * @param huabei a QR buyer paying from Huabei
     * @param validity a QR trade's validity
     * @param refunds the refunds asked for once paid
     * @param first the first refund's amount
     * @param second the second refund's amount (TWO_PARTIAL)
     */
    record Order(String orderId, boolean qr, Buyer buyer, Money amount, Duration startAfter,
            Optional<Duration> buyerActsAfter, boolean huabei, Duration validity, Refunds refunds, Money first,
            Money second) {
    }

    private final Random random;
    private final List<Order> orders = new ArrayList<>();
    private final List<CompletableFuture<?>> futures = new ArrayList<>();
    private final Map<String, String> qrShown = new HashMap<>();
    private int actionsPending;
    private int refundsAsked;
    private int refundsRefusedByEngine;

    private TradeMix(long seed, int barcode, int qr) {
        this.random = new Random(seed);
        int[] buyerWeights = new int[Buyer.values().length];
        for (Buyer b : Buyer.values()) {
            buyerWeights[b.ordinal()] = b.weight;
        }
        for (int i = 0; i < barcode + qr; i++) {
            boolean isQr = i >= barcode;
            Buyer buyer = isQr ? Buyer.PAYS_AT_ONCE : Buyer.values()[weighted(buyerWeights)];
            // A quarter of the trades are for the same amount, so an amount check alone cannot tell them apart.
            Money amount = random.nextInt(4) == 0 ? Money.parse("88.00") : Money.ofFen(1 + random.nextInt(99_999));
            Duration validity = Duration.ofSeconds(60 + random.nextInt(120));
            Optional<Duration> acts = Optional.empty();
            if (buyer == Buyer.CONFIRMS_IN_HER_OWN_TIME) {
                acts = Optional.of(Duration.ofMillis(1_000 + random.nextInt(90_000)));
            } else if (isQr && random.nextInt(6) != 0) {
                acts = Optional.of(Duration.ofMillis(2_000 + random.nextInt((int) validity.toMillis() + 30_000)));
            }
            Refunds refunds = Refunds.values()[weighted(new int[] {45, 15, 15, 15, 10})];
            Money first = amount;
            Money second = Money.ZERO;
            if (amount.fen() >= 3 && refunds != Refunds.FULL) {
                first = Money.ofFen(1 + random.nextInt((int) (amount.fen() / 2)));
                Money rest = amount.minus(first);
                second = random.nextBoolean() && !first.isGreaterThan(rest) ? first
                        : Money.ofFen(1 + random.nextInt((int) rest.fen()));
            }
            orders.add(new Order("ORD-" + i, isQr, buyer, amount, Duration.ofMillis(random.nextInt(20 * 60_000)), acts,
                    random.nextBoolean(), validity, refunds, first, second));
        }
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** @return {@code barcode} barcode orders and {@code qr} QR orders, drawn from {@code seed} */
    static TradeMix generate(long seed, int barcode, int qr) {
        return new TradeMix(seed, barcode, qr);
    }

    /** Scripts every barcode buyer at the simulated Alipay. */
    void script(SimulatedAlipay alipay) {
        for (Buyer b : Buyer.values()) {
            alipay.script(b.code, b.script);
        }
    }

    /**
     * Schedules every order, and what its buyer and cashier do, on the engine's virtual time.
     *
     * @param pool the man in the middle's pool: a QR buyer pays the trade the code she was shown really belongs to
     */
    void start(PaymentEngine engine, ManualTaskScheduler time, SimulatedAlipay alipay, AnswerPool pool) {
        for (Order o : orders) {
            later(time, o.startAfter(), () -> {
                if (o.qr()) {
                    startQr(o, engine, time, alipay, pool);
                } else {
                    startBarcode(o, engine, time, alipay);
                }
            });
        }
    }

    private void startBarcode(Order o, PaymentEngine engine, ManualTaskScheduler time, SimulatedAlipay alipay) {
        CompletableFuture<TradeOutcome> outcome = engine.payAsync(BarcodePaymentRequest.of(o.orderId(), o.amount(),
                o.buyer().code, "MITM " + o.buyer().name()));
        futures.add(outcome);
        outcome.thenAccept(result -> afterOutcome(o, result, engine, time));
        o.buyerActsAfter().ifPresent(after -> later(time, after, () -> engine.tradeForOrder(o.orderId())
                .ifPresent(t -> alipay.buyerConfirms(t.outTradeNo()))));
    }

    private void startQr(Order o, PaymentEngine engine, ManualTaskScheduler time, SimulatedAlipay alipay,
            AnswerPool pool) {
        QrTicket ticket = engine.startQr(new QrPaymentRequest(o.orderId(), o.amount(), "MITM QR", PaymentMethods.ALIPAY,
                o.validity(), Optional.empty()));
        String outTradeNo = ticket.outTradeNo().orElseThrow(() -> new IllegalStateException(
                "the engine refused QR order " + o.orderId() + " before sending"));
        futures.add(ticket.outcome());
        ticket.qrCode().thenAccept(code -> qrShown.put(outTradeNo, code));
        ticket.outcome().thenAccept(result -> afterOutcome(o, result, engine, time));
        // She scans the code the terminal shows, and so pays whichever trade that code belongs to.
        o.buyerActsAfter().ifPresent(after -> later(time, after, () -> Optional.ofNullable(qrShown.get(outTradeNo))
                .flatMap(pool::ownerOfQrCode).ifPresent(owner -> alipay.buyerScansQr(owner, o.huabei()))));
    }

    private void afterOutcome(Order o, TradeOutcome result, PaymentEngine engine, ManualTaskScheduler time) {
        if (!(result instanceof TradeOutcome.Paid paid) || o.refunds() == Refunds.NONE) {
            return;
        }
        String no = paid.trade().outTradeNo();
        Duration wait = Duration.ofMillis(1_000 + random.nextInt(120_000));
        switch (o.refunds()) {
            case FULL -> later(time, wait, () -> refund(engine, time, no, "R1", o.amount(), true));
            case PARTIAL -> later(time, wait, () -> refund(engine, time, no, "R1", o.first(), true));
            case TWO_PARTIAL -> later(time, wait, () -> refund(engine, time, no, "R1", o.first(), true)
                    .thenRun(() -> later(time, Duration.ofMillis(random.nextInt(60_000)),
                            () -> refund(engine, time, no, "R2", o.second(), true))));
            case ASKED_TWICE -> later(time, wait, () -> {
                refund(engine, time, no, "R1", o.first(), true);
                // once more while it is in flight, and once more after it settled: the same refund
                refund(engine, time, no, "R1", o.first(), false)
                        .thenRun(() -> later(time, Duration.ofMillis(random.nextInt(60_000)),
                                () -> refund(engine, time, no, "R1", o.first(), false)));
            });
            default -> throw new IllegalStateException("unknown refunds " + o.refunds());
        }
    }

    /**
     * Asks the engine for a refund; when the engine reports it refused, the cashier tries once more
     * under a new number (as a cashier would).
     *
     * @return completes when the refund is settled or was refused before sending
     */
    private CompletableFuture<RefundOutcome> refund(PaymentEngine engine, ManualTaskScheduler time, String outTradeNo,
            String number, Money amount, boolean retryIfRefused) {
        refundsAsked++;
        CompletableFuture<RefundOutcome> f;
        String orderId = engine.trade(outTradeNo).orElseThrow().orderId();
        f = engine.refundAsync(OrderRefund.builder().orderId(orderId).refundRequestNo(number).amount(amount)
                .reason("退货 MITM").build());
        if (f.getNow(null) instanceof RefundOutcome.Refused) {
            refundsRefusedByEngine++;
            return CompletableFuture.completedFuture(null);
        }
        futures.add(f);
        if (retryIfRefused) {
            f.thenAccept(outcome -> {
                if (outcome instanceof RefundOutcome.Failed) {
                    later(time, Duration.ofMillis(1_000 + random.nextInt(30_000)),
                            () -> refund(engine, time, outTradeNo, number + "B", amount, false));
                }
            });
        }
        return f;
    }

    private void later(ManualTaskScheduler time, Duration delay, Runnable action) {
        actionsPending++;
        time.schedule(() -> {
            actionsPending--;
            action.run();
        }, delay);
    }

    /** @return whether every order, buyer action, refund and retry has been started and has settled */
    boolean settled() {
        return actionsPending == 0 && futures.stream().allMatch(CompletableFuture::isDone);
    }

    /** @return out_trade_no → the QR code the engine handed to the cashier */
    Map<String, String> qrShown() {
        return Map.copyOf(qrShown);
    }

    /** @return refunds asked for, and how many of them the engine refused before sending */
    String refundSummary() {
        return refundsAsked + " refund requests (" + refundsRefusedByEngine + " refused by the engine before sending)";
    }
}
