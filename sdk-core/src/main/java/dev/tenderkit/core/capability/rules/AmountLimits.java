package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.money.Money;
import java.util.Optional;

/** The shared check of an amount against optional limits, for the policy's and the channels' limits. */
final class AmountLimits {
    private AmountLimits() {
    }

    /**
     * @param channelId the channel whose limits these are, or {@code null} for the policy's; the
     *     texts are built only when the amount is out of range, so the in-range path allocates nothing
     */
    static void check(CapabilityQuery q, FindingSink findings, Optional<Money> min, Optional<Money> max,
            String channelId) {
        Money amount = q.amount();
        boolean below = min.isPresent() && amount.isLessThan(min.get());
        boolean above = max.isPresent() && amount.isGreaterThan(max.get());
        if (!below && !above) {
            return;
        }
        String sourceEn = channelId == null ? "platform policy" : "channel " + channelId;
        String sourceZh = channelId == null ? "平台策略" : "通道 " + channelId + " ";
        String limit = below ? min.get().toPlainString() : max.get().toPlainString();
        findings.block(Cause.AMOUNT_OUT_OF_RANGE,
                LocalizedText.of("金额 " + amount + " 元" + (below ? "低于" : "高于") + sourceZh + "对 "
                        + q.method().name().zh() + " 的" + (below ? "最低" : "最高") + "限额 " + limit + " 元",
                        "amount " + amount + " is " + (below ? "below the minimum" : "above the maximum") + " of "
                                + limit + " that the " + sourceEn + " sets for " + q.method().name().en()),
                new Remedy.ChangeAmount(min, max));
    }
}
