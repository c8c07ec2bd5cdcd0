package dev.tenderkit.core.fee;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a payment costs on one channel: the gross amount, every fee component, the merchant's net
 * settlement, the buyer's installment fee if any, and the schedule version that priced it. All
 * amounts in fen; how each is computed is set out in {@link MethodFees}.
 *
 * <p>Guarantees, checked on construction: {@code merchantFee == processingFee + settlementSurcharge
 * + sellerInstallmentFee}; {@code merchantFee + net == amount}, so the merchant's fee is never more
 * than the amount; no amount is negative. Immutable.
 *
 * @param channelId the channel
 * @param method the method
 * @param amount the gross amount the buyer pays the merchant
 * @param businessDate the business day (UTC+8) it was priced for
 * @param settlement the settlement speed priced
 * @param version the schedule version in effect on {@code businessDate} that priced it
 * @param waivedAmount the part of the amount on which a promotional waiver dropped the percentage fee
 * @param percentageFee {@code rate × (amount − waivedAmount)}, rounded
 * @param fixedFee the fixed fee charged (zero when the whole amount was waived)
 * @param minimumApplied whether the processing fee was raised to the minimum
 * @param capApplied whether the processing fee was lowered to the cap
 * @param processingFee percentage plus fixed fee within minimum and cap
 * @param settlementSurcharge the surcharge for the settlement speed
 * @param installmentShare who bears the installment fee; present for installment methods only
 * @param installmentFee the whole installment fee, buyer's and seller's shares together
 * @param sellerInstallmentFee the merchant's share of the installment fee
 * @param buyerInstallmentFee the buyer's share, paid on top of {@code amount}, not out of the settlement
 * @param limitedToAmount whether the parts were cut so the merchant's fee does not exceed the amount
 * @param merchantFee everything deducted from the merchant's settlement
 * @param net what the merchant receives: {@code amount − merchantFee}
 */
public record FeeQuote(String channelId, PaymentMethod method, Money amount, LocalDate businessDate,
        SettlementSpeed settlement, FeeScheduleVersion version, Money waivedAmount, Money percentageFee,
        Money fixedFee, boolean minimumApplied, boolean capApplied, Money processingFee, Money settlementSurcharge,
        Optional<InstallmentFeeShare> installmentShare, Money installmentFee, Money sellerInstallmentFee,
        Money buyerInstallmentFee, boolean limitedToAmount, Money merchantFee, Money net) implements QuoteOutcome {

    /**
     * Checks that the parts add up.
     *
     * @throws InvalidInputException (field {@code "merchantFee"} or {@code "net"}) if they don't
     */
    public FeeQuote {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(settlement, "settlement");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(waivedAmount, "waivedAmount");
        Objects.requireNonNull(percentageFee, "percentageFee");
        Objects.requireNonNull(fixedFee, "fixedFee");
        Objects.requireNonNull(installmentShare, "installmentShare");
        Objects.requireNonNull(installmentFee, "installmentFee");
        Objects.requireNonNull(buyerInstallmentFee, "buyerInstallmentFee");
        if (merchantFee.fen() != processingFee.fen() + settlementSurcharge.fen() + sellerInstallmentFee.fen()) {
            throw new InvalidInputException("merchantFee", merchantFee + " is not processing " + processingFee
                    + " + surcharge " + settlementSurcharge + " + seller installment fee " + sellerInstallmentFee);
        }
        if (merchantFee.fen() + net.fen() != amount.fen()) {
            throw new InvalidInputException("net", "fee " + merchantFee + " + net " + net + " is not the amount "
                    + amount);
        }
    }

    /** @return the id of the schedule version that priced it */
    public String versionId() {
        return version.id();
    }

    /** @return what the buyer pays in all: the amount plus the buyer's installment fee */
    public Money buyerTotal() {
        return amount.plus(buyerInstallmentFee);
    }

    @Override
    public String toString() {
        return "FeeQuote[" + channelId + " " + method.id() + " " + amount + " on " + businessDate + " (" + version.id()
                + "): fee " + merchantFee + ", net " + net
                + (buyerInstallmentFee.isZero() ? "" : ", buyer installment fee " + buyerInstallmentFee) + "]";
    }
}
