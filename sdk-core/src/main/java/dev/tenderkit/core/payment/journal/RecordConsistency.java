package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks that a record read back from the journal is one the engine could have written: sound in
 * itself, and agreeing with the earlier records of the same trade or refund on what never changes.
 * A checksum only proves that bytes are as written; this catches a record that was rewritten (by
 * hand, or by a tool that recomputed the checksum) into something the engine never writes. A
 * rewrite that stays consistent in every respect cannot be told from the real thing.
 */
final class RecordConsistency {
    private RecordConsistency() {
    }

    /** @return what is wrong with the trade record on its own, if anything */
    static Optional<String> check(TradeRecord t) {
        if (t.payment().isPresent() && t.state() != TradeState.PAID) {
            return Optional.of("trade " + t.outTradeNo() + " is " + t.state() + " but carries a payment: only a PAID "
                    + "trade does");
        }
        Money paid = t.payment().map(p -> p.amount()).orElse(Money.ZERO);
        if (t.refunded().isGreaterThan(paid)) {
            return Optional.of("trade " + t.outTradeNo() + " has " + t.refunded() + " refunded of " + paid + " paid");
        }
        return Optional.empty();
    }

    /**
     * @param earlier the record of the same trade held so far
     * @param later the record read after it
     * @return what contradicts, if anything
     */
    static Optional<String> check(TradeRecord earlier, TradeRecord later) {
        List<String> differ = new ArrayList<>();
        same(differ, "orderId", earlier.orderId(), later.orderId());
        same(differ, "kind", earlier.kind(), later.kind());
        same(differ, "channel", earlier.channelId(), later.channelId());
        same(differ, "gateway", earlier.gatewayId(), later.gatewayId());
        same(differ, "method", earlier.methodId(), later.methodId());
        same(differ, "amount", earlier.amount(), later.amount());
        same(differ, "subject", earlier.subject(), later.subject());
        same(differ, "installments", earlier.installments(), later.installments());
        same(differ, "payment code", earlier.maskedPaymentCode(), later.maskedPaymentCode());
        same(differ, "createdAt", earlier.createdAt(), later.createdAt());
        same(differ, "deadline", earlier.deadline(), later.deadline());
        if (!differ.isEmpty()) {
            return Optional.of("two records of trade " + earlier.outTradeNo() + " (revisions " + earlier.revision()
                    + " and " + later.revision() + ") disagree on " + String.join(", ", differ)
                    + ", which never change");
        }
        if (later.revision() > earlier.revision() && earlier.state().isFinal() && later.state() != earlier.state()) {
            return Optional.of("trade " + earlier.outTradeNo() + " goes from the final state " + earlier.state()
                    + " (revision " + earlier.revision() + ") to " + later.state() + " (revision " + later.revision()
                    + "): a final trade never changes state");
        }
        return Optional.empty();
    }

    /** @return what contradicts between two records of the same refund, if anything */
    static Optional<String> check(RefundRecord earlier, RefundRecord later) {
        List<String> differ = new ArrayList<>();
        same(differ, "amount", earlier.amount(), later.amount());
        same(differ, "reason", earlier.reason(), later.reason());
        same(differ, "createdAt", earlier.createdAt(), later.createdAt());
        if (!differ.isEmpty()) {
            return Optional.of("two records of refund " + earlier.refundRequestNo() + " of trade "
                    + earlier.outTradeNo() + " disagree on " + String.join(", ", differ) + ", which never change");
        }
        return Optional.empty();
    }

    /** @return what is wrong with the refund record on its own, if anything */
    static Optional<String> check(RefundRecord r) {
        if (!r.amount().isGreaterThan(Money.ZERO)) {
            return Optional.of("refund " + r.refundRequestNo() + " of trade " + r.outTradeNo() + " is for "
                    + r.amount());
        }
        return Optional.empty();
    }

    private static void same(List<String> differ, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            differ.add(what);
        }
    }
}
