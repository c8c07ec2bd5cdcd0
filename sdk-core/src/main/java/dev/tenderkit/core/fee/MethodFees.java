package dev.tenderkit.core.fee;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one payment method costs on one channel under one schedule version. A payment of amount
 * {@code A} pays, all in fen and each rounded by the version's {@link FeeRounding}:
 *
 * <ol>
 *   <li><b>processing fee</b>: {@code rate × (A − waived) + fixed}, raised to the {@code minimum} and
 *       lowered to the {@code cap} when they are set; zero when a {@link PromotionalWaiver} waives
 *       the whole payment;
 *   <li><b>settlement surcharge</b> for the chosen {@link SettlementSpeed}: {@code rate × A + fixed};
 *   <li>for an installment method, the <b>installment fee</b> {@code rate × A}, of which the seller's
 *       share ({@code round(fee × sellerPercent / 100)}) is the merchant's and the rest the buyer's.
 * </ol>
 *
 * The merchant's fee is the sum of the processing fee, the surcharge and the seller's installment
 * share, but never more than {@code A}: where the sum would exceed it (a minimum or fixed fee on a
 * tiny payment) the parts are cut in that order until the fee equals {@code A} and the net is zero.
 * Fees are never negative. Immutable; build one with {@link #builder(PaymentMethod, FeeRate)}.
 *
 * @param method the method priced
 * @param rate percentage of the chargeable amount
 * @param fixed fixed amount per payment
 * @param minimum smallest processing fee, if any
 * @param cap largest processing fee, if any (e.g. a debit card's per-transaction cap)
 * @param settlement surcharges per settlement speed; {@link SettlementSpeed#T1} costs nothing extra
 *     unless listed, any other speed is offered only if listed
 * @param installment the installment fee; present exactly when the method is an installment method
 * @param waiver the promotional waiver, if any
 */
public record MethodFees(PaymentMethod method, FeeRate rate, Money fixed, Optional<Money> minimum, Optional<Money> cap,
        Map<SettlementSpeed, SettlementSurcharge> settlement, Optional<InstallmentFees> installment,
        Optional<PromotionalWaiver> waiver) {

    /**
     * Validates and copies.
     *
     * @throws InvalidInputException naming the field: {@code cap} below {@code minimum} or zero,
     *     {@code installment} missing on an installment method or present on another, or an
     *     installment {@code sellerPercent} the method does not allow
     */
    public MethodFees {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(installment, "installment");
        Objects.requireNonNull(waiver, "waiver");
        EnumMap<SettlementSpeed, SettlementSurcharge> speeds = new EnumMap<>(SettlementSpeed.class);
        speeds.putAll(Objects.requireNonNull(settlement, "settlement"));
        speeds.putIfAbsent(SettlementSpeed.T1, SettlementSurcharge.NONE);
        settlement = Collections.unmodifiableMap(speeds); // an EnumMap underneath: lookups index an array
        if (cap.isPresent()) {
            if (cap.get().isZero()) {
                throw new InvalidInputException("cap", "a cap of 0.00 makes the processing fee always zero for "
                        + method.id() + "; write the rate \"0%\" instead");
            }
            if (minimum.isPresent() && cap.get().isLessThan(minimum.get())) {
                throw new InvalidInputException("cap", "the cap " + cap.get() + " is below the minimum "
                        + minimum.get() + " for " + method.id());
            }
        }
        if (method.isInstallment() && installment.isEmpty()) {
            throw new InvalidInputException("installment", method.id() + " is an installment method: give its "
                    + "installment fee rate and who bears it (a rate of 0% if it has none)");
        }
        if (!method.isInstallment() && installment.isPresent()) {
            throw new InvalidInputException("installment", method.id()
                    + " is not an installment method and has no installment fee");
        }
        installment.ifPresent(i -> i.defaultShare().requireAllowedFor(method));
    }

    /**
     * @param method the method priced
     * @param rate percentage of the chargeable amount
     * @return a builder with no fixed fee, minimum, cap, surcharge, installment fee or waiver
     */
    public static Builder builder(PaymentMethod method, FeeRate rate) {
        return new Builder(method, rate);
    }

    /** @return whether the settlement speed is priced (offered) for this method */
    public boolean offers(SettlementSpeed speed) {
        return settlement.containsKey(speed);
    }

    /**
     * Prices a payment. The request's method must be this one and its settlement speed offered.
     */
    FeeQuote quote(String channelId, FeeScheduleVersion version, QuoteRequest request) {
        FeeRounding rounding = version.rounding();
        long amount = request.amount().fen();
        SettlementSurcharge surcharge = settlement.get(request.settlement());

        long waived = 0;
        if (waiver.isPresent()) {
            // Without the channel's month-to-date volume the allowance is taken as used up: a quote
            // never promises a waiver it cannot account for.
            Money volume = request.monthToDateVolume().get(channelId);
            if (volume != null) {
                waived = waiver.get().waivedFen(amount, volume.fen());
            }
        }
        long chargeable = amount - waived;
        long percentage = rate.applyToFen(chargeable, rounding);
        long fixedFen = chargeable == 0 ? 0 : fixed.fen();
        long processing = 0;
        boolean minimumApplied = false;
        boolean capApplied = false;
        if (chargeable > 0) {
            processing = percentage + fixedFen;
            if (minimum.isPresent() && processing < minimum.get().fen()) {
                processing = minimum.get().fen();
                minimumApplied = true;
            }
            if (cap.isPresent() && processing > cap.get().fen()) {
                processing = cap.get().fen();
                capApplied = true;
            }
        }
        long surchargeFen = surcharge.rate().applyToFen(amount, rounding) + surcharge.fixed().fen();

        InstallmentFeeShare share = null;
        long installmentFee = 0;
        long sellerInstallment = 0;
        if (installment.isPresent()) {
            InstallmentFees terms = installment.get();
            share = request.installmentShare().orElse(terms.defaultShare());
            installmentFee = terms.rate().applyToFen(amount, rounding);
            sellerInstallment = rounding.divide(installmentFee * share.sellerPercent(), 100);
        }
        long buyerInstallment = installmentFee - sellerInstallment;

        // Never more than the amount: fill the amount with the parts in order, cutting the rest.
        long left = amount;
        long processingCharged = Math.min(processing, left);
        left -= processingCharged;
        long surchargeCharged = Math.min(surchargeFen, left);
        left -= surchargeCharged;
        long sellerCharged = Math.min(sellerInstallment, left);
        boolean limited = processingCharged != processing || surchargeCharged != surchargeFen
                || sellerCharged != sellerInstallment;
        long merchantFee = processingCharged + surchargeCharged + sellerCharged;

        // Equal amounts share one Money: in the common case percentage, processing and merchant fee are one value.
        Money percentageMoney = Money.ofFen(percentage);
        Money processingMoney = same(processingCharged, percentageMoney);
        Money merchantFeeMoney = same(merchantFee, processingMoney);
        return new FeeQuote(channelId, method, request.amount(), request.businessDate(), request.settlement(),
                version, same(waived, request.amount()), percentageMoney, same(fixedFen, fixed), minimumApplied,
                capApplied, processingMoney, Money.ofFen(surchargeCharged), Optional.ofNullable(share),
                Money.ofFen(installmentFee), same(sellerCharged, Money.ofFen(installmentFee)),
                Money.ofFen(buyerInstallment), limited, merchantFeeMoney, Money.ofFen(amount - merchantFee));
    }

    private static Money same(long fen, Money candidate) {
        return candidate.fen() == fen ? candidate : Money.ofFen(fen);
    }

    /**
     * Builds {@link MethodFees}; {@link #build()} validates and names the field at fault. Not
     * thread-safe.
     */
    public static final class Builder {
        private final PaymentMethod method;
        private final FeeRate rate;
        private Money fixed = Money.ZERO;
        private Money minimum;
        private Money cap;
        private final EnumMap<SettlementSpeed, SettlementSurcharge> settlement = new EnumMap<>(SettlementSpeed.class);
        private InstallmentFees installment;
        private PromotionalWaiver waiver;

        private Builder(PaymentMethod method, FeeRate rate) {
            this.method = Objects.requireNonNull(method, "method");
            this.rate = Objects.requireNonNull(rate, "rate");
        }

        /** @param fixed fixed amount per payment; default 0.00 */
        public Builder fixed(Money fixed) {
            this.fixed = Objects.requireNonNull(fixed, "fixed");
            return this;
        }

        /** @param minimum smallest processing fee */
        public Builder minimum(Money minimum) {
            this.minimum = Objects.requireNonNull(minimum, "minimum");
            return this;
        }

        /** @param cap largest processing fee */
        public Builder cap(Money cap) {
            this.cap = Objects.requireNonNull(cap, "cap");
            return this;
        }

        /** @param speed a settlement speed to offer; {@code surcharge} what it costs on top */
        public Builder settlement(SettlementSpeed speed, SettlementSurcharge surcharge) {
            settlement.put(Objects.requireNonNull(speed, "speed"), Objects.requireNonNull(surcharge, "surcharge"));
            return this;
        }

        /** @param rate the installment fee rate; {@code defaultShare} who bears it by default */
        public Builder installment(FeeRate rate, InstallmentFeeShare defaultShare) {
            this.installment = new InstallmentFees(rate, defaultShare);
            return this;
        }

        /** @param monthlyVolume the volume per month on which the processing fee is waived */
        public Builder waiver(Money monthlyVolume) {
            this.waiver = new PromotionalWaiver(monthlyVolume);
            return this;
        }

        /**
         * @return the fees
         * @throws InvalidInputException naming the field at fault
         */
        public MethodFees build() {
            return new MethodFees(method, rate, fixed, Optional.ofNullable(minimum), Optional.ofNullable(cap),
                    settlement, Optional.ofNullable(installment), Optional.ofNullable(waiver));
        }
    }
}
