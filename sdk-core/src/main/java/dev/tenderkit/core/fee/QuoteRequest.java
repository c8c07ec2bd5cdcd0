package dev.tenderkit.core.fee;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment to be priced: everything a quote depends on, so that quoting is a pure function of the
 * schedule and the request. Immutable; build one with {@link #builder(PaymentMethod, Money)}.
 *
 * @param method how the buyer pays
 * @param amount the gross amount, more than zero
 * @param businessDate the business day in China Standard Time (UTC+8) that selects the schedule
 *     version; see {@link Builder#at(Instant)}
 * @param settlement the settlement speed the merchant takes
 * @param installmentShare who bears the installment fee, overriding the schedule's default (Alipay
 *     sets it per payment with {@code hb_fq_seller_percent}); only for installment methods
 * @param monthToDateVolume per channel id, the volume of this method already taken on that channel
 *     in the business month of {@code businessDate}, before this payment, as a promotional waiver
 *     counts it; a channel with a waiver but no entry here is priced as if its allowance were used up
 */
public record QuoteRequest(PaymentMethod method, Money amount, LocalDate businessDate, SettlementSpeed settlement,
        Optional<InstallmentFeeShare> installmentShare, Map<String, Money> monthToDateVolume) {

    /** China Standard Time, in which business days (and so fee schedule dates) are reckoned. */
    public static final ZoneOffset BUSINESS_ZONE = ZoneOffset.ofHours(8);

    /**
     * Validates and copies.
     *
     * @throws InvalidInputException naming the field: a zero {@code amount}, or an
     *     {@code installmentShare} on a method that has none or that the method does not allow
     */
    public QuoteRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount").requirePositive("amount");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(settlement, "settlement");
        Objects.requireNonNull(installmentShare, "installmentShare").ifPresent(s -> s.requireAllowedFor(method));
        monthToDateVolume = Map.copyOf(monthToDateVolume);
    }

    /**
     * @param method how the buyer pays
     * @param amount the gross amount
     * @return a builder for T1 settlement with the schedule's installment share; the business day
     *     must be set with {@link Builder#on(LocalDate)} or {@link Builder#at(Instant)}
     */
    public static Builder builder(PaymentMethod method, Money amount) {
        return new Builder(method, amount);
    }

    /**
     * @param instant a point in time
     * @return its business day: the date in UTC+8 ({@code 2026-11-30T16:00:00Z} is 2026-12-01)
     */
    public static LocalDate businessDateOf(Instant instant) {
        return LocalDate.ofInstant(instant, BUSINESS_ZONE);
    }

    /** Builds a {@link QuoteRequest}; {@link #build()} names the setting at fault. Not thread-safe. */
    public static final class Builder {
        private final PaymentMethod method;
        private final Money amount;
        private LocalDate businessDate;
        private SettlementSpeed settlement = SettlementSpeed.T1;
        private InstallmentFeeShare installmentShare;
        private final Map<String, Money> monthToDateVolume = new HashMap<>();

        private Builder(PaymentMethod method, Money amount) {
            this.method = Objects.requireNonNull(method, "method");
            this.amount = Objects.requireNonNull(amount, "amount");
        }

        /** @param businessDate the business day (UTC+8) of the payment */
        public Builder on(LocalDate businessDate) {
            this.businessDate = Objects.requireNonNull(businessDate, "businessDate");
            return this;
        }

        /** @param instant when the payment is taken; its business day is its date in UTC+8 */
        public Builder at(Instant instant) {
            this.businessDate = businessDateOf(Objects.requireNonNull(instant, "instant"));
            return this;
        }

        /** @param settlement the settlement speed; default {@link SettlementSpeed#T1} */
        public Builder settlement(SettlementSpeed settlement) {
            this.settlement = Objects.requireNonNull(settlement, "settlement");
            return this;
        }

        /** @param share who bears the installment fee of this payment; default the schedule's */
        public Builder installmentShare(InstallmentFeeShare share) {
            this.installmentShare = Objects.requireNonNull(share, "share");
            return this;
        }

        /**
         * @param channelId a channel
         * @param volume the volume of this method already taken on it this business month
         */
        public Builder monthToDateVolume(String channelId, Money volume) {
            monthToDateVolume.put(Objects.requireNonNull(channelId, "channelId"), Objects.requireNonNull(volume, "volume"));
            return this;
        }

        /**
         * @return the request
         * @throws ConfigurationException ({@code businessDate}) if no business day was set
         * @throws InvalidInputException as the record's constructor
         */
        public QuoteRequest build() {
            if (businessDate == null) {
                throw new ConfigurationException("businessDate", "set the business day with on(LocalDate) or "
                        + "at(Instant): it selects the fee schedule version");
            }
            return new QuoteRequest(method, amount, businessDate, settlement, Optional.ofNullable(installmentShare),
                    monthToDateVolume);
        }
    }
}
