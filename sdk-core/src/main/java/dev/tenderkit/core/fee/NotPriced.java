package dev.tenderkit.core.fee;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.method.PaymentMethod;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The fee schedule cannot price a payment on a channel: no schedule for the channel, no version in
 * effect that day, or no terms for the method or settlement speed. The router treats such a
 * channel as excluded: TenderKit does not route money through a channel whose cost it cannot
 * state. Immutable.
 *
 * @param channelId the channel
 * @param method the method of the payment
 * @param businessDate the business day (UTC+8) asked about
 * @param settlement the settlement speed asked for
 * @param reason why it is not priced
 */
public record NotPriced(String channelId, PaymentMethod method, LocalDate businessDate, SettlementSpeed settlement,
        NotPricedReason reason) implements QuoteOutcome {

    /** The code of {@link #remedy()}. */
    public static final String REMEDY_CODE = "ADD_FEE_TERMS";

    /** Validates. */
    public NotPriced {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(settlement, "settlement");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return what is missing, in Chinese and English */
    public LocalizedText message() {
        return switch (reason) {
            case NO_SCHEDULE_FOR_CHANNEL -> LocalizedText.of("费率表中没有通道 " + channelId + " 的费率",
                    "the fee schedule has no fees for channel " + channelId);
            case NO_VERSION_IN_EFFECT -> LocalizedText.of("通道 " + channelId + " 的费率在 " + businessDate + " 没有生效的版本",
                    "channel " + channelId + " has no fee schedule version in effect on " + businessDate);
            case METHOD_NOT_PRICED -> LocalizedText.of("通道 " + channelId + " 在 " + businessDate + " 生效的费率未包含 "
                    + method.name().zh() + "（" + method.id() + "）",
                    "channel " + channelId + "'s fee schedule in effect on " + businessDate + " does not price "
                            + method.name().en() + " (" + method.id() + ")");
            case SETTLEMENT_NOT_PRICED -> LocalizedText.of("通道 " + channelId + " 的 " + method.id() + " 费率不含 "
                    + settlement + " 结算",
                    "channel " + channelId + " does not price " + settlement + " settlement for " + method.id());
        };
    }

    /** @return what to do: add the missing terms to the fee schedule, or choose another channel */
    public Remedy remedy() {
        return new Remedy.Custom(REMEDY_CODE, LocalizedText.of(
                "在费率表中补充通道 " + channelId + " 的 " + method.id() + " 费率（" + settlement + "，" + businessDate
                        + " 生效），或改用其他通道",
                "add channel " + channelId + "'s terms for " + method.id() + " (" + settlement + ", in effect on "
                        + businessDate + ") to the fee schedule, or use another channel"));
    }
}
