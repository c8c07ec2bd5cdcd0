package dev.tenderkit.examples.ecr;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.PaymentCodeMask;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.transport.serial.ecr.EcrRequest;
import dev.tenderkit.transport.serial.ecr.EcrResponse.TransactionResult;
import dev.tenderkit.transport.serial.ecr.EcrTransactionHandler;
import dev.tenderkit.transport.serial.ecr.TerminalState;
import dev.tenderkit.transport.serial.ecr.TransactionStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The terminal software's side of the ECR link, on the payment engine: what a POS integrator plugs
 * into an {@code EcrDevice}.
 *
 * <ul>
 *   <li>SALE: the scanner reads the buyer's payment code, the engine takes the payment for the order
 *       id {@code ECR-<request id>} (so one cash-register request is one order and at most one
 *       charge), and the outcome becomes the ECR result: APPROVED with the terminal's trade number
 *       (TenderKit's out_trade_no, which REFUND and VOID name), DECLINED with the cause, UNKNOWN
 *       when a reversal could not be confirmed. A paid sale is handed to {@code onPaid} (the receipt).
 *   <li>REFUND and VOID (a full refund of what is left): through the engine's idempotent refunds,
 *       the refund number derived one-to-one from the request id.
 *   <li>{@link #find}: from the engine's journal — the trade of order {@code ECR-<id>}, or a refund
 *       numbered after the id among the trades of the last two business days — so a cash register
 *       asking after a restart gets the journaled outcome, and a repeated request is not run again.
 * </ul>
 *
 * <p>Engine calls block, so they run on this handler's own worker thread; the link thread only
 * hands requests over.
 */
final class EngineTransactionHandler implements EcrTransactionHandler, AutoCloseable {

    /** The prefix of the engine order ids made from cash-register request ids. */
    static final String ORDER_PREFIX = "ECR-";
    private static final int MAX_TEXT = 128;

    private final PaymentEngine engine;
    private final Supplier<String> scanner;
    private final Consumer<String> screen;
    private final Consumer<TradeOutcome.Paid> onPaid;
    private final ZoneId businessZone;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "terminal-worker");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param engine takes the payments and keeps the journal
     * @param scanner reads the buyer's payment code when a sale starts (blocks until scanned)
     * @param screen the terminal's display: one line per event
     * @param onPaid told of every paid sale before it is answered, e.g. to print the receipt
     * @param businessZone the shop's time zone, for the business days {@link #find} looks through
     */
    EngineTransactionHandler(PaymentEngine engine, Supplier<String> scanner, Consumer<String> screen,
            Consumer<TradeOutcome.Paid> onPaid, ZoneId businessZone) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.screen = Objects.requireNonNull(screen, "screen");
        this.onPaid = Objects.requireNonNull(onPaid, "onPaid");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
    }

    /** @return the engine order id for a cash-register request id */
    static String orderIdFor(String requestId) {
        return ORDER_PREFIX + requestId;
    }

    /**
     * @return the engine refund number for a cash-register request id: letters and digits kept,
     *     {@code _} written {@code _u} and {@code -} written {@code _d}, so different ids never
     *     share a number (32 characters at most become 64 at most)
     */
    static String refundNoFor(String requestId) {
        return requestId.replace("_", "_u").replace("-", "_d");
    }

    /** @return how the wallet's funding source reads on the receipt and in the ECR result */
    static String fundingLabel(FundingSource f) {
        if (f.credit() && f.installmentPeriods() > 0) {
            return "花呗分期(" + f.installmentPeriods() + "期)";
        }
        return switch (f.channelCode()) {
            case "PCREDIT" -> "花呗";
            case "ALIPAYACCOUNT" -> "支付宝余额";
            case "BANKCARD", "DEBIT_CARD" -> "银行卡";
            case "CREDIT_CARD" -> "信用卡";
            default -> f.credit() ? "信用支付 " + f.channelCode() : f.channelCode();
        };
    }

    @Override
    public CompletionStage<TransactionResult> sale(EcrRequest.Sale sale) {
        return CompletableFuture.supplyAsync(() -> runSale(sale), worker);
    }

    private TransactionResult runSale(EcrRequest.Sale sale) {
        screen.accept("请出示付款码 show your payment code, please");
        String code = scanner.get();
        screen.accept("scanner read payment code " + PaymentCodeMask.mask(code));
        BarcodePaymentRequest request = BarcodePaymentRequest.of(orderIdFor(sale.requestId()), sale.amount(), code,
                "收银机订单 " + sale.orderId());
        TradeOutcome outcome;
        try {
            outcome = engine.pay(request);
        } catch (InvalidInputException e) {
            // The engine refused the request itself: nothing was journaled, nothing sent.
            return TransactionResult.declined(sale.requestId(), sale.amount(), shorten("not sent: " + e.getMessage()));
        }
        if (outcome instanceof TradeOutcome.Refused refused) {
            return TransactionResult.declined(sale.requestId(), sale.amount(), shorten("refused before sending: "
                    + refused.findings().stream().map(f -> f.cause().code() + " " + f.remedy().text().en())
                            .collect(Collectors.joining("; "))));
        }
        if (outcome instanceof TradeOutcome.Paid paid) {
            onPaid.accept(paid);
        }
        return resultOf(sale.requestId(), tradeOf(outcome));
    }

    private static TradeRecord tradeOf(TradeOutcome outcome) {
        if (outcome instanceof TradeOutcome.Paid p) {
            return p.trade();
        }
        if (outcome instanceof TradeOutcome.Failed f) {
            return f.trade();
        }
        if (outcome instanceof TradeOutcome.Reversed r) {
            return r.trade();
        }
        if (outcome instanceof TradeOutcome.Unresolved u) {
            return u.trade();
        }
        throw new IllegalStateException("no trade record in " + outcome);
    }

    /** The ECR result a journaled trade stands for. */
    private static TransactionResult resultOf(String requestId, TradeRecord t) {
        if (t.state() == TradeState.PAID) {
            var payment = t.payment().orElseThrow();
            return TransactionResult.approved(requestId, payment.amount(), t.outTradeNo(),
                    fundingLabel(payment.fundingSource()));
        }
        if (t.state() == TradeState.FAILED) {
            var error = t.failure().orElseThrow();
            return TransactionResult.declined(requestId, t.amount(), shorten(error.cause().code()
                    + (error.isBuyerSide() ? " (buyer side)" : "") + ": " + error.raw()));
        }
        if (t.state() == TradeState.REVERSED) {
            return TransactionResult.declined(requestId, t.amount(),
                    "not confirmed by the buyer in time; reversed, nothing charged");
        }
        if (t.attention().isPresent()) {
            return TransactionResult.pending(requestId, t.amount(), TransactionStatus.UNKNOWN,
                    shorten("flagged for a person: " + t.attention().get()));
        }
        return TransactionResult.pending(requestId, t.amount(), TransactionStatus.IN_PROGRESS,
                t.state() == TradeState.REVERSING ? "reversing" : "waiting for the buyer");
    }

    @Override
    public CompletionStage<TransactionResult> refund(EcrRequest.Refund refund) {
        return CompletableFuture.supplyAsync(() -> runRefund(refund.requestId(), refund.tradeNo(),
                t -> refund.amount()), worker);
    }

    @Override
    public CompletionStage<TransactionResult> voidTrade(EcrRequest.VoidTrade voidTrade) {
        return CompletableFuture.supplyAsync(() -> runRefund(voidTrade.requestId(), voidTrade.tradeNo(),
                t -> t.amount().minus(t.refunded())), worker);
    }

    private TransactionResult runRefund(String requestId, String tradeNo,
            java.util.function.Function<TradeRecord, Money> amountOf) {
        Optional<TradeRecord> found = engine.trade(tradeNo);
        if (found.isEmpty()) {
            return TransactionResult.declined(requestId, Money.ZERO, shorten("no trade " + tradeNo + " on this terminal"));
        }
        TradeRecord trade = found.get();
        if (trade.state() != TradeState.PAID) {
            return TransactionResult.declined(requestId, Money.ZERO, shorten("trade " + tradeNo + " is "
                    + trade.state() + ", not paid"));
        }
        Money amount = amountOf.apply(trade);
        if (amount.isZero()) {
            return TransactionResult.declined(requestId, amount, shorten("trade " + tradeNo + " is refunded in full"));
        }
        RefundOutcome outcome;
        try {
            outcome = engine.refundAsync(OrderRefund.builder().orderId(trade.orderId())
                    .refundRequestNo(refundNoFor(requestId)).amount(amount)
                    .reason("收银机退款 refund at the cash register").build()).join();
        } catch (InvalidInputException e) {
            return TransactionResult.declined(requestId, amount, shorten("not sent: " + e.getMessage()));
        }
        if (outcome instanceof RefundOutcome.Refused refused) {
            return TransactionResult.declined(requestId, amount, shorten("not sent: " + refused.reason()));
        }
        if (outcome instanceof RefundOutcome.Refunded r) {
            screen.accept("refunded " + r.refund().amount() + " of trade " + tradeNo);
        }
        return resultOf(requestId, trade, outcome.record().orElseThrow());
    }

    /** The ECR result a journaled refund stands for. */
    private static TransactionResult resultOf(String requestId, TradeRecord trade, RefundRecord r) {
        return switch (r.state()) {
            case REFUNDED -> TransactionResult.approved(requestId, r.amount(), trade.outTradeNo(),
                    trade.payment().map(p -> fundingLabel(p.fundingSource())).orElse("-"));
            case FAILED -> TransactionResult.declined(requestId, r.amount(), shorten(r.failure()
                    .map(e -> e.cause().code() + ": " + e.raw()).orElse("refused")));
            default -> TransactionResult.pending(requestId, r.amount(), TransactionStatus.IN_PROGRESS,
                    "refund in progress");
        };
    }

    @Override
    public Optional<TransactionResult> find(String requestId) {
        Optional<TradeRecord> sale = engine.tradeForOrder(orderIdFor(requestId));
        if (sale.isPresent()) {
            return Optional.of(resultOf(requestId, sale.get()));
        }
        String refundNo = refundNoFor(requestId);
        LocalDate today = LocalDate.now(businessZone);
        for (LocalDate day : new LocalDate[] {today, today.minusDays(1)}) {
            for (TradeRecord trade : engine.trades(day)) {
                for (RefundRecord r : engine.refunds(trade.outTradeNo())) {
                    if (r.refundRequestNo().equals(refundNo)) {
                        return Optional.of(resultOf(requestId, trade, r));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** @return {@code OUT_OF_SERVICE} once closed, else {@code READY}: the engine takes sales at any time */
    @Override
    public TerminalState state() {
        return worker.isShutdown() ? TerminalState.OUT_OF_SERVICE : TerminalState.READY;
    }

    /** Stops taking transactions and waits up to 5 s for one in progress. */
    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= MAX_TEXT ? clean : clean.substring(0, MAX_TEXT - 1) + "…";
    }
}
