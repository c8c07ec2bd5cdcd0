package dev.tenderkit.core.payment;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step: journal the final state and tell the caller — paid (priced as what the buyer
 * used), failed with the verified refusal, or reversed. A payment that does not match the trade,
 * or that came after a refused reversal, is recorded paid and flagged for a person. Stateless.
 */
final class SettleStep {
    private static final Logger LOG = LoggerFactory.getLogger(SettleStep.class);

    private SettleStep() {
    }

    static void paid(TradeContext t, Payment payment) {
        TradeRecord record = t.record();
        if (!payment.amount().equals(record.amount())) {
            paidWithAttention(t, payment, "the wallet reports " + payment.amount() + " paid for a trade of "
                    + record.amount());
            return;
        }
        Optional<Money> fee = t.services.price(record, t.method, payment);
        if (t.save(record.paid(payment, fee, t.now()))) {
            t.finish(paidOutcome(t.record(), payment, fee));
        }
    }

    static void paidWithAttention(TradeContext t, Payment payment, String why) {
        TradeRecord before = t.record();
        Optional<Money> fee = t.services.price(before, t.method, payment);
        if (t.save(before.next(t.now(), c -> c.paid(payment, fee).problem(why).attention(why)))) {
            LOG.warn("trade {} needs attention: {}", t.outTradeNo(), why);
            t.services.attentionNeeded(t.record());
            t.finish(paidOutcome(t.record(), payment, t.record().fee()));
        }
    }

    static void failed(TradeContext t, GatewayError error) {
        if (t.save(t.record().failed(error, t.now()))) {
            LOG.info("trade {} failed: {} ({})", t.outTradeNo(), error.cause(), error.raw());
            t.finish(new TradeOutcome.Failed(t.record(), error));
        }
    }

    /** @param refundedPayment whether the reversal returned a payment (then the trade was charged) */
    static void reversed(TradeContext t, boolean refundedPayment) {
        if (t.unconfirmedDecline.isPresent() && !refundedPayment) {
            failed(t, t.unconfirmedDecline.get());   // the number is closed and nothing was charged: the refusal stands
            return;
        }
        reversed(t, t.record().advance(TradeState.REVERSED, t.now()));
    }

    static void reversed(TradeContext t, TradeRecord reversed) {
        if (t.save(reversed)) {
            t.finish(new TradeOutcome.Reversed(t.record()));
        }
    }

    static TradeOutcome.Paid paidOutcome(TradeRecord record, Payment payment, Optional<Money> fee) {
        Optional<Money> net = fee.filter(f -> !f.isGreaterThan(payment.amount())).map(payment.amount()::minus);
        return new TradeOutcome.Paid(record, payment, fee, net);
    }
}
