package dev.tenderkit.core.operator;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an outcome entry says about the engine's answer: the result, and the trade, refund, amount
 * and method it concerns. Pure.
 *
 * @param result how it ended
 * @param outTradeNo the trade
 * @param refundRequestNo the refund
 * @param amount the money moved or asked
 * @param methodId the trade's payment method
 * @param detail a refusal's reason or a failure's code
 */
record OutcomeFacts(TrailResult result, Optional<String> outTradeNo, Optional<String> refundRequestNo,
        Optional<Money> amount, Optional<String> methodId, String detail) {

    static OutcomeFacts of(TradeOutcome o) {
        Optional<TradeRecord> t = o.record();
        TrailResult result;
        String detail = "";
        if (o instanceof TradeOutcome.Paid) {
            result = TrailResult.PAID;
        } else if (o instanceof TradeOutcome.Failed f) {
            result = TrailResult.FAILED;
            detail = f.error().cause() + " " + f.error().raw().code();
        } else if (o instanceof TradeOutcome.Reversed) {
            result = TrailResult.REVERSED;
        } else if (o instanceof TradeOutcome.Refused r) {
            result = TrailResult.REFUSED;
            detail = r.findings().stream().map(f -> String.valueOf(f.cause())).collect(Collectors.joining("; "));
        } else {
            result = TrailResult.UNRESOLVED;
            detail = t.flatMap(TradeRecord::attention).orElse("");
        }
        Optional<String> method = t.map(TradeRecord::methodId)
                .or(() -> o instanceof TradeOutcome.Refused r ? Optional.of(r.method().id()) : Optional.empty());
        return new OutcomeFacts(result, t.map(TradeRecord::outTradeNo), Optional.empty(), t.map(TradeRecord::amount),
                method, detail);
    }

    static OutcomeFacts of(RefundOutcome o, Optional<String> methodId) {
        Optional<RefundRecord> r = o.record();
        TrailResult result;
        String detail = "";
        Optional<Money> amount = r.map(RefundRecord::amount);
        Optional<String> refundNo = r.map(RefundRecord::refundRequestNo);
        if (o instanceof RefundOutcome.Refunded) {
            result = TrailResult.REFUNDED;
        } else if (o instanceof RefundOutcome.Failed f) {
            result = TrailResult.FAILED;
            detail = f.error().cause() + " " + f.error().raw().code();
        } else if (o instanceof RefundOutcome.Unresolved u) {
            result = TrailResult.UNRESOLVED;
            detail = u.refund().attention().orElse("");
        } else {
            RefundOutcome.Refused refused = (RefundOutcome.Refused) o;
            result = TrailResult.REFUSED;
            detail = refused.reason();
            amount = Optional.of(refused.amount());
            refundNo = Optional.of(refused.refundRequestNo());
        }
        return new OutcomeFacts(result, r.map(RefundRecord::outTradeNo), refundNo, amount, methodId, detail);
    }

    static OutcomeFacts of(ActionResult a, Optional<String> methodId) {
        if (a instanceof ActionResult.OfTrade t) {
            return of(t.outcome());
        }
        if (a instanceof ActionResult.OfRefund r) {
            return of(r.outcome(), methodId);
        }
        return new OutcomeFacts(TrailResult.RECORDED, Optional.empty(), Optional.empty(), Optional.empty(), methodId,
                ((ActionResult.Recorded) a).note());
    }
}
