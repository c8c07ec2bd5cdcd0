package dev.tenderkit.core.fee;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.PaymentMethod;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel's fees as they stand over a run of business days: a rate change is a new version.
 * Dates are business days in China Standard Time (UTC+8); a version is in effect from
 * {@code effectiveFrom} through {@code effectiveThrough}, both inclusive, or indefinitely when
 * {@code effectiveThrough} is absent. A payment is priced by the version in effect on its own
 * business day, so a change announced today for the first of next month prices next month's
 * payments and not today's. Immutable; build one with {@link #builder(String, LocalDate)}.
 *
 * @param id the version's id, quoted in every {@link FeeQuote} it prices, e.g. {@code lakala-2026-12}
 * @param effectiveFrom the first business day in effect
 * @param effectiveThrough the last business day in effect, if it ends
 * @param rounding how fees are rounded to the fen
 * @param methods the fees per method; at least one
 */
public record FeeScheduleVersion(String id, LocalDate effectiveFrom, Optional<LocalDate> effectiveThrough,
        FeeRounding rounding, Map<PaymentMethod, MethodFees> methods) {

    /**
     * Validates and copies.
     *
     * @throws InvalidInputException naming the field: a blank {@code id}, {@code effectiveThrough}
     *     before {@code effectiveFrom}, no {@code methods}, or a method filed under another method
     */
    public FeeScheduleVersion {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("id", "a fee schedule version needs an id");
        }
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveThrough, "effectiveThrough");
        Objects.requireNonNull(rounding, "rounding");
        if (effectiveThrough.isPresent() && effectiveThrough.get().isBefore(effectiveFrom)) {
            throw new InvalidInputException("effectiveThrough", "version " + id + " ends on " + effectiveThrough.get()
                    + ", before it starts on " + effectiveFrom);
        }
        if (methods.isEmpty()) {
            throw new InvalidInputException("methods", "version " + id + " prices no method");
        }
        for (Map.Entry<PaymentMethod, MethodFees> e : methods.entrySet()) {
            if (!e.getKey().equals(e.getValue().method())) {
                throw new InvalidInputException("methods", "the fees of " + e.getValue().method().id()
                        + " are filed under " + e.getKey().id());
            }
        }
        methods = Map.copyOf(methods);
    }

    /**
     * @param id the version id
     * @param effectiveFrom the first business day in effect
     * @return a builder rounding {@link FeeRounding#HALF_UP}, open-ended, with no methods yet
     */
    public static Builder builder(String id, LocalDate effectiveFrom) {
        return new Builder(id, effectiveFrom);
    }

    /** @return whether the version is in effect on the business day */
    public boolean isInEffectOn(LocalDate businessDate) {
        return !businessDate.isBefore(effectiveFrom)
                && (effectiveThrough.isEmpty() || !businessDate.isAfter(effectiveThrough.get()));
    }

    /** @return whether some business day is in effect in both versions */
    public boolean overlaps(FeeScheduleVersion other) {
        boolean thisEndsBefore = effectiveThrough.isPresent() && effectiveThrough.get().isBefore(other.effectiveFrom);
        boolean otherEndsBefore = other.effectiveThrough.isPresent()
                && other.effectiveThrough.get().isBefore(effectiveFrom);
        return !thisEndsBefore && !otherEndsBefore;
    }

    /** @return the fees of the method, if this version prices it */
    public Optional<MethodFees> feesFor(PaymentMethod method) {
        return Optional.ofNullable(methods.get(method));
    }

    /** @return {@code "id (from … through)"}, e.g. {@code "lakala-2026-12 (2026-12-01 …)"} */
    public String describe() {
        return id + " (" + effectiveFrom + " … " + effectiveThrough.map(LocalDate::toString).orElse("") + ")";
    }

    /** Builds a {@link FeeScheduleVersion}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final LocalDate effectiveFrom;
        private LocalDate effectiveThrough;
        private FeeRounding rounding = FeeRounding.HALF_UP;
        private final Map<PaymentMethod, MethodFees> methods = new LinkedHashMap<>();

        private Builder(String id, LocalDate effectiveFrom) {
            this.id = id;
            this.effectiveFrom = effectiveFrom;
        }

        /** @param lastDay the last business day in effect; default none (open-ended) */
        public Builder effectiveThrough(LocalDate lastDay) {
            this.effectiveThrough = Objects.requireNonNull(lastDay, "lastDay");
            return this;
        }

        /** @param rounding how fees are rounded; default {@link FeeRounding#HALF_UP} */
        public Builder rounding(FeeRounding rounding) {
            this.rounding = Objects.requireNonNull(rounding, "rounding");
            return this;
        }

        /** @param fees a method's fees; each method at most once */
        public Builder add(MethodFees fees) {
            Objects.requireNonNull(fees, "fees");
            if (methods.putIfAbsent(fees.method(), fees) != null) {
                throw new InvalidInputException("methods", "version " + id + " prices " + fees.method().id()
                        + " twice");
            }
            return this;
        }

        /** @return the version; see the record's constructor for what is checked */
        public FeeScheduleVersion build() {
            return new FeeScheduleVersion(id, effectiveFrom, Optional.ofNullable(effectiveThrough), rounding, methods);
        }
    }
}
