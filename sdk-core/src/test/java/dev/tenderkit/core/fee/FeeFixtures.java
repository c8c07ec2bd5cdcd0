package dev.tenderkit.core.fee;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.method.EntryMode;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import java.time.LocalDate;
import java.util.List;

/** Small builders for fee tests: one channel, one version, one method unless a test needs more. */
final class FeeFixtures {
    static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    /** A card installment product that, unlike Alipay, may split its fee between buyer and seller. */
    static final PaymentMethod CARD_INSTALLMENT_12 = new PaymentMethod("unionpay.card.credit.installment.12",
            Wallet.UNIONPAY, LocalizedText.of("信用卡分期 12 期", "credit card in 12 installments"),
            "card_installment", EntryMode.CARD, true, 12);

    private FeeFixtures() {
    }

    static Money yuan(String text) {
        return Money.parse(text);
    }

    static FeeRate rate(String text) {
        return FeeRate.parse(text);
    }

    static FeeSchedule schedule(String channelId, FeeRounding rounding, MethodFees... fees) {
        FeeScheduleVersion.Builder v = FeeScheduleVersion.builder(channelId + "-v1", LocalDate.of(2026, 1, 1))
                .rounding(rounding);
        for (MethodFees f : fees) {
            v.add(f);
        }
        return FeeSchedule.builder("test").channel(new ChannelFeeSchedule(channelId, List.of(v.build()))).build();
    }

    static FeeSchedule schedule(MethodFees... fees) {
        return schedule("ch", FeeRounding.HALF_UP, fees);
    }

    static QuoteRequest.Builder request(PaymentMethod method, String amount) {
        return QuoteRequest.builder(method, Money.parse(amount)).on(DAY);
    }

    static FeeQuote priced(QuoteOutcome outcome) {
        if (outcome instanceof FeeQuote q) {
            return q;
        }
        throw new AssertionError("expected a quote, got " + outcome);
    }
}
