package dev.tenderkit.core.payment;

import dev.tenderkit.core.ConfigurationException;
import java.time.Duration;
import java.util.Objects;

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
 *     a person (retries continue at the longest interval)
 */
public record GatewayTiming(Duration firstQueryAfter, Duration queryInterval, double queryBackoff,
        Duration maxQueryInterval, Duration buyerDeadline, Duration reversalRetry, double reversalBackoff,
        Duration maxReversalInterval, int reversalAttemptsBeforeAttention) {

    /** Alipay's published guidance; see the class documentation. */
    public static final GatewayTiming DEFAULT = new GatewayTiming(Duration.ofSeconds(3), Duration.ofSeconds(3), 1.5,
            Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(2), 2.0, Duration.ofMinutes(5), 5);

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
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
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
}
