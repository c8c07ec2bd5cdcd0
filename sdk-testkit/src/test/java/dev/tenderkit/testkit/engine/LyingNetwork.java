package dev.tenderkit.testkit.engine;

import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.payment.spi.RefundQueryResult;
import dev.tenderkit.core.payment.spi.RefundRequest;
import dev.tenderkit.core.payment.spi.RefundResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A network between the engine and a wallet that lies once per scripted call: the request reaches
 * the wallet (or not), and the engine receives a verified-looking answer the test chose — what a
 * gateway adapter would return for a replayed answer it could not tell from a real one. What the
 * engine may conclude from such answers is what the test checks.
 */
final class LyingNetwork extends ForwardingGateway {
    private final Deque<Function<PayRequest, PayResult>> pays = new ArrayDeque<>();
    private final Deque<Function<RefundRequest, RefundResult>> refunds = new ArrayDeque<>();
    private final Deque<BiFunction<TradeRef, String, RefundQueryResult>> refundQueries = new ArrayDeque<>();

    LyingNetwork(PaymentGateway wallet) {
        super(wallet);
    }

    /** The next pay reaches the wallet; the engine hears {@code answer} instead of the wallet's. */
    LyingNetwork afterNextPay(PayResult answer) {
        pays.add(r -> {
            wallet.pay(r);
            return answer;
        });
        return this;
    }

    /** The next pay is lost on the way; the engine hears {@code answer}. */
    LyingNetwork insteadOfNextPay(PayResult answer) {
        pays.add(r -> answer);
        return this;
    }

    /** The next refund reaches the wallet; the engine hears {@code answer} instead. */
    LyingNetwork afterNextRefund(RefundResult answer) {
        refunds.add(r -> {
            wallet.refund(r);
            return answer;
        });
        return this;
    }

    /** The next refund never reaches the wallet; the engine hears {@code answer}. */
    LyingNetwork insteadOfNextRefund(RefundResult answer) {
        refunds.add(r -> answer);
        return this;
    }

    /** The next refund queries are not asked; the engine hears these answers, in order. */
    LyingNetwork insteadOfNextRefundQueries(RefundQueryResult... answers) {
        for (RefundQueryResult answer : answers) {
            refundQueries.add((t, no) -> answer);
        }
        return this;
    }

    /**
     * The next refund query reaches the wallet and the engine hears its answer; the one after it is
     * not asked, and the engine hears that first answer again: a replay of an older genuine answer.
     */
    LyingNetwork replayingNextRefundQueryAnswer() {
        AtomicReference<RefundQueryResult> recorded = new AtomicReference<>();
        refundQueries.add((t, no) -> {
            recorded.set(wallet.queryRefund(t, no));
            return recorded.get();
        });
        refundQueries.add((t, no) -> recorded.get());
        return this;
    }

    @Override
    public synchronized PayResult pay(PayRequest request) {
        Function<PayRequest, PayResult> lie = pays.poll();
        return lie == null ? wallet.pay(request) : lie.apply(request);
    }

    @Override
    public synchronized RefundResult refund(RefundRequest request) {
        Function<RefundRequest, RefundResult> lie = refunds.poll();
        return lie == null ? wallet.refund(request) : lie.apply(request);
    }

    @Override
    public synchronized RefundQueryResult queryRefund(TradeRef trade, String refundRequestNo) {
        BiFunction<TradeRef, String, RefundQueryResult> lie = refundQueries.poll();
        return lie == null ? wallet.queryRefund(trade, refundRequestNo) : lie.apply(trade, refundRequestNo);
    }
}
