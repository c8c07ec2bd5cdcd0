package dev.tenderkit.core.payment;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.method.PaymentCode;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.PrecreateRequest;
import dev.tenderkit.core.payment.spi.PrecreateResult;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a journaled trade to its gateway — a barcode payment, or the creation of a QR payment —
 * and hands the answer to the next step: paid is settled, "the buyer is confirming" and unknown
 * are polled, a refusal is confirmed by a query before it stands, not sent fails at once. Stateless.
 */
final class SendStep {
    private static final Logger LOG = LoggerFactory.getLogger(SendStep.class);

    private SendStep() {
    }

    static void pay(TradeContext t, PaymentCode code, boolean creditAllowed) {
        TradeRecord record = t.record();
        if (pastSendingTime(t)) {
            return;
        }
        PayRequest request = new PayRequest(record.ref(), record.amount(), code, record.subject(), t.method.orElseThrow(),
                record.installments(), creditAllowed);
        LOG.info("paying {}", request);
        PayResult result = t.call(() -> t.gateway.pay(request), PayResult.Unknown::new);
        if (result instanceof PayResult.Paid p && !t.answersThisAmount(p.payment())) {
            awaitBuyer(t, Optional.of("the wallet answered " + p.payment().amount() + " paid for a trade of "
                    + record.amount() + ": not an answer to this trade; querying"));
        } else if (result instanceof PayResult.Paid p) {
            SettleStep.paid(t, p.payment());
        } else if (result instanceof PayResult.AwaitingBuyer) {
            awaitBuyer(t, Optional.empty());
        } else if (result instanceof PayResult.Unknown u) {
            awaitBuyer(t, Optional.of(u.reason()));
        } else if (result instanceof PayResult.Declined d) {
            PollStep.confirmDecline(t, d.error());
        } else if (result instanceof PayResult.NotSent n) {
            SettleStep.failed(t, new GatewayError(Cause.TERMINAL_UNHEALTHY,
                    new GatewayCode("NOT_SENT", Optional.empty(), n.reason())));
        } else {
            throw new IllegalStateException("unexpected gateway result " + result);
        }
    }

    static void precreate(TradeContext t, PrecreateRequest request) {
        if (pastSendingTime(t)) {
            t.qrCode.completeExceptionally(new IllegalStateException("the QR payment was not sent: its deadline passed "
                    + "before it could be"));
            return;
        }
        PrecreateResult result = t.call(() -> t.gateway.precreate(request), PrecreateResult.Unknown::new);
        if (result instanceof PrecreateResult.Created c) {
            if (t.save(t.record().next(t.now(), ch -> ch.state(TradeState.AWAITING_BUYER).qrCode(c.qrCode())))) {
                t.qrCode.complete(c.qrCode());
                PollStep.schedule(t);
            }
        } else if (result instanceof PrecreateResult.Declined d) {
            t.qrCode.completeExceptionally(new IllegalStateException("the wallet refused the QR payment: "
                    + d.error().raw()));
            PollStep.confirmDecline(t, d.error());   // the refusal names no trade: confirm it before it is final
        } else if (result instanceof PrecreateResult.Unknown u) {
            // The trade may exist at the gateway without us having its code: close it.
            t.qrCode.completeExceptionally(new IllegalStateException("no verified answer creating the QR payment: "
                    + u.reason() + "; the trade is being closed"));
            if (t.save(t.record().withProblem(u.reason(), t.now()))) {
                ReverseStep.start(t);
            }
        } else {
            throw new IllegalStateException("unexpected gateway result " + result);
        }
    }

    /**
     * For a gateway with a {@link dev.tenderkit.core.payment.spi.GatewayTiming#requestValidity()}, a
     * request is never sent after its trade's deadline (a step that ran that late, on a stalled
     * machine, fails as not sent): so whatever a request did at the wallet shows by the deadline
     * plus the validity, and {@link ReverseStep} may take a verified "no such trade" as final then.
     *
     * @return whether the trade was failed instead of sent
     */
    private static boolean pastSendingTime(TradeContext t) {
        if (t.timing.requestValidity().isEmpty() || t.now().isBefore(t.record().deadline())) {
            return false;
        }
        SettleStep.failed(t, new GatewayError(Cause.TERMINAL_UNHEALTHY, new GatewayCode("NOT_SENT", Optional.empty(),
                "the trade's deadline passed before its request could be sent")));
        return true;
    }

    private static void awaitBuyer(TradeContext t, Optional<String> problem) {
        TradeRecord next = t.record().next(t.now(), c -> {
            problem.ifPresent(c::problem);
            return c.state(TradeState.AWAITING_BUYER);
        });
        if (t.save(next)) {
            PollStep.schedule(t);
        }
    }
}
