package dev.tenderkit.core.payment.spi;

import dev.tenderkit.core.ConfigurationException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When the engine polls a trade that waits for the buyer and when it retries a reversal. The
 * defaults follow the wallets' published guidance: Alipay's POS guide polls every 3–6 s for about
 * 60 s and cancels right after the last query; WeChat Pay suggests polling every 5 s and giving up
 * at 30–45 s (it revokes unpaid barcode orders itself after 45 s, but the reversal is still
 * sent). The default deadline, 60 s, is Alipay's; a WeChat adapter should supply 45 s.
 *
 * @param firstQueryAfter wait before the first query
 * @param queryInterval wait between queries at first
 * @param queryBackoff factor by which the wait grows after each query (1.0 = fixed)
 * @param maxQueryInterval the longest wait between queries
 * @param buyerDeadline how long after the pay request the buyer may take to confirm; then reverse
 * @param reversalRetry wait before retrying a reversal that did not confirm
 * @param reversalBackoff factor by which that wait grows
 * @param maxReversalInterval the longest wait between reversal attempts
 * @param reversalAttemptsBeforeAttention failed reversal attempts after which the trade is flagged for
 *     a person (retries continue at the longest interval); unconfirmed refunds are flagged after as
 *     many attempts
 * @param requestValidity for a wallet that refuses to reverse a trade it never created (WeChat Pay
 *     answers 404 {@code ORDER_NOT_EXIST}) and so can never confirm that a pay request lost in the
 *     network will not create it later: how long after it was sent a request can still take effect
 *     at the wallet, on the engine's clock (the wallet's window for a request's signed timestamp,
 *     plus the clock skew the adapter tolerates, plus the wallet's processing). With it, a pay is
 *     never sent after its trade's deadline, and from the deadline plus this a verified "no such
 *     trade" is final. Empty (the default) for wallets whose reversal closes an unknown number.
 *
 * <p>Build one by name rather than by position: {@code GatewayTiming.builder().buyerDeadline(
 * Duration.ofSeconds(45)).build()} starts from {@link #DEFAULT} and changes what it names;
 * {@link #toBuilder()} starts from this one.
 */
public record GatewayTiming(Duration firstQueryAfter, Duration queryInterval, double queryBackoff,
        Duration maxQueryInterval, Duration buyerDeadline, Duration reversalRetry, double reversalBackoff,
        Duration maxReversalInterval, int reversalAttemptsBeforeAttention, Optional<Duration> requestValidity) {

    /** Alipay's published guidance; see the class documentation. */
    public static final GatewayTiming DEFAULT = new GatewayTiming(Duration.ofSeconds(3), Duration.ofSeconds(3), 1.5,
            Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(2), 2.0, Duration.ofMinutes(5), 5,
            Optional.empty());

    /** Validates. */
    public GatewayTiming {
        positive("firstQueryAfter", firstQueryAfter);
        positive("queryInterval", queryInterval);
        positive("maxQueryInterval", maxQueryInterval);
        positive("buyerDeadline", buyerDeadline);
        positive("reversalRetry", reversalRetry);
        positive("maxReversalInterval", maxReversalInterval);
        if (!(queryBackoff >= 1.0 && queryBackoff <= 10.0)) {
            throw new ConfigurationException("queryBackoff", "must be within 1.0..10.0, got " + queryBackoff);
        }
        if (!(reversalBackoff >= 1.0 && reversalBackoff <= 10.0)) {
            throw new ConfigurationException("reversalBackoff", "must be within 1.0..10.0, got " + reversalBackoff);
        }
        if (maxQueryInterval.compareTo(queryInterval) < 0) {
            throw new ConfigurationException("maxQueryInterval", "is shorter than queryInterval");
        }
        if (maxReversalInterval.compareTo(reversalRetry) < 0) {
            throw new ConfigurationException("maxReversalInterval", "is shorter than reversalRetry");
        }
        if (reversalAttemptsBeforeAttention < 1) {
            throw new ConfigurationException("reversalAttemptsBeforeAttention", "must be at least 1");
        }
        Objects.requireNonNull(requestValidity, "requestValidity");
        if (requestValidity.isPresent()) {
            positive("requestValidity", requestValidity.get());
        }
    }

    /**
     * The timing of a wallet whose reversal closes any number, known or not: no request validity.
     *
     * @see GatewayTiming the record's components
     */
    public GatewayTiming(Duration firstQueryAfter, Duration queryInterval, double queryBackoff,
            Duration maxQueryInterval, Duration buyerDeadline, Duration reversalRetry, double reversalBackoff,
            Duration maxReversalInterval, int reversalAttemptsBeforeAttention) {
        this(firstQueryAfter, queryInterval, queryBackoff, maxQueryInterval, buyerDeadline, reversalRetry,
                reversalBackoff, maxReversalInterval, reversalAttemptsBeforeAttention, Optional.empty());
    }

    /** @return a builder starting from {@link #DEFAULT} */
    public static Builder builder() {
        return DEFAULT.toBuilder();
    }

    /** @return a builder starting from this timing */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void positive(String name, Duration d) {
        if (d == null) {
            throw new ConfigurationException(name, "is required");
        }
        if (d.isNegative() || d.isZero()) {
            throw new ConfigurationException(name, "must be positive, got " + d);
        }
    }

    /** @return the wait before query number {@code n} (0-based) */
    public Duration queryDelay(int n) {
        return grow(n == 0 ? firstQueryAfter : queryInterval, queryBackoff, Math.max(0, n - 1), maxQueryInterval);
    }

    /** @return the wait before reversal retry number {@code n} (0-based) */
    public Duration reversalDelay(int n) {
        return grow(reversalRetry, reversalBackoff, n, maxReversalInterval);
    }

    private static Duration grow(Duration base, double factor, int times, Duration max) {
        double millis = base.toMillis() * Math.pow(factor, Math.min(times, 64));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /**
     * Names each setting instead of nine positional arguments; {@link #build()} validates and names
     * the setting that is wrong. Not thread-safe.
     */
    public static final class Builder {
        private Duration firstQueryAfter;
        private Duration queryInterval;
        private double queryBackoff;
        private Duration maxQueryInterval;
        private Duration buyerDeadline;
        private Duration reversalRetry;
        private double reversalBackoff;
        private Duration maxReversalInterval;
        private int reversalAttemptsBeforeAttention;
        private Optional<Duration> requestValidity;

        private Builder(GatewayTiming t) {
            firstQueryAfter = t.firstQueryAfter;
            queryInterval = t.queryInterval;
            queryBackoff = t.queryBackoff;
            maxQueryInterval = t.maxQueryInterval;
            buyerDeadline = t.buyerDeadline;
            reversalRetry = t.reversalRetry;
            reversalBackoff = t.reversalBackoff;
            maxReversalInterval = t.maxReversalInterval;
            reversalAttemptsBeforeAttention = t.reversalAttemptsBeforeAttention;
            requestValidity = t.requestValidity;
        }

        /** @param d wait before the first query @return this */
        public Builder firstQueryAfter(Duration d) {
            firstQueryAfter = d;
            return this;
        }

        /**
         * Polls at a fixed interval: sets the interval and its maximum, with no backoff.
         *
         * @param d wait between queries
         * @return this
         */
        public Builder pollEvery(Duration d) {
            queryInterval = d;
            maxQueryInterval = d;
            queryBackoff = 1.0;
            return this;
        }

        /**
         * @param first wait between the first queries
         * @param factor growth after each query (1.0 = fixed)
         * @param max the longest wait
         * @return this
         */
        public Builder queryBackoff(Duration first, double factor, Duration max) {
            queryInterval = first;
            queryBackoff = factor;
            maxQueryInterval = max;
            return this;
        }

        /** @param d how long the buyer may take to confirm, after which the trade is reversed @return this */
        public Builder buyerDeadline(Duration d) {
            buyerDeadline = d;
            return this;
        }

        /**
         * @param first wait before retrying an unconfirmed reversal (and refund)
         * @param factor growth after each retry
         * @param max the longest wait
         * @return this
         */
        public Builder reversalBackoff(Duration first, double factor, Duration max) {
            reversalRetry = first;
            reversalBackoff = factor;
            maxReversalInterval = max;
            return this;
        }

        /** @param n unconfirmed attempts after which a reversal or refund is flagged for a person @return this */
        public Builder attemptsBeforeAttention(int n) {
            reversalAttemptsBeforeAttention = n;
            return this;
        }

        /**
         * @param d how long after it was sent a request can still take effect at the wallet (see
         *     {@link GatewayTiming#requestValidity()})
         * @return this
         */
        public Builder requestValidity(Duration d) {
            if (d == null) {
                throw new ConfigurationException("requestValidity", "is required here; leave it unset for none");
            }
            requestValidity = Optional.of(d);
            return this;
        }

        /** @return the timing @throws ConfigurationException naming the setting that is wrong */
        public GatewayTiming build() {
            return new GatewayTiming(firstQueryAfter, queryInterval, queryBackoff, maxQueryInterval, buyerDeadline,
                    reversalRetry, reversalBackoff, maxReversalInterval, reversalAttemptsBeforeAttention,
                    requestValidity);
        }
    }
}
