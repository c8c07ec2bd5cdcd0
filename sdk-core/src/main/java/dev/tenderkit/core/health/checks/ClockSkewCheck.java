package dev.tenderkit.core.health.checks;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.health.HealthCheck;
import dev.tenderkit.core.health.HealthCheckContext;
import dev.tenderkit.core.health.HealthItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Is the terminal's clock right? Compares the terminal clock (the one payments are signed with)
 * with a {@link ReferenceClock}: WARN from {@code warnAt} off, FAIL from {@code failAt} off,
 * affecting every method. Item {@code clock.skew}.
 *
 * <p>Why it matters and the defaults: wallets put the request time in what they sign and check
 * it. WeChat Pay API v3's SDKs reject a response whose {@code Wechatpay-Timestamp} is 5 minutes or
 * more away from the local clock ({@code RESPONSE_EXPIRED_MINUTES = 5} in wechatpay-java and
 * wechatpay-apache-httpclient), so a terminal 5 minutes off cannot confirm any WeChat payment, even
 * one the buyer has paid. The default FAIL threshold, 3 minutes, stays 2 minutes inside that
 * window, the tightest we know of, to allow for drift until the next full run and for error in
 * reading the reference. The default WARN threshold, 1 minute, flags a clock that is drifting well
 * before it matters. Both are configurable.
 *
 * <p>The terminal clock is read before and after the reference and the midpoint is used, so a
 * slow reference does not count as skew. A reference that cannot be read is a WARN naming the
 * error: the skew is unknown, not bad. Register it for {@link dev.tenderkit.core.health.CheckDepth#FULL}
 * runs: clocks drift slowly, and a reference-time query costs a network round trip. Immutable and
 * thread-safe.
 */
public final class ClockSkewCheck implements HealthCheck {
    /** The check id and its item's id. */
    public static final String ID = "clock.skew";
    /** Default: skew from which the check warns. */
    public static final Duration DEFAULT_WARN_AT = Duration.ofMinutes(1);
    /** Default: skew from which the check fails. */
    public static final Duration DEFAULT_FAIL_AT = Duration.ofMinutes(3);

    private final ReferenceClock reference;
    private final Duration warnAt;
    private final Duration failAt;

    private ClockSkewCheck(Builder b) {
        this.reference = b.reference;
        this.warnAt = b.warnAt;
        this.failAt = b.failAt;
    }

    /** @return a builder; a reference clock is required */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HealthItem> check(HealthCheckContext context) {
        Instant before = context.clock().instant();
        Instant ref;
        try {
            ref = reference.referenceInstant();
        } catch (RuntimeException e) {
            return List.of(HealthItem.warn(ID,
                    LocalizedText.of("无法读取参考时间（" + reference.source() + "）：" + e,
                            "cannot read the reference time from " + reference.source() + ": " + e),
                    LocalizedText.of("检查到 " + reference.source() + " 的网络连接；在此之前无法确认终端时钟是否准确",
                            "check the network connection to " + reference.source()
                                    + "; until then the terminal clock cannot be verified"),
                    Set.of()));
        }
        Instant after = context.clock().instant();
        Instant terminal = before.plus(Duration.between(before, after).dividedBy(2));
        Duration skew = Duration.between(ref, terminal);
        Duration off = skew.abs();
        String zhWay = skew.isNegative() ? "慢" : "快";
        String enWay = skew.isNegative() ? "behind" : "ahead of";
        LocalizedText detail = LocalizedText.of(
                "终端时钟比 " + reference.source() + " " + zhWay + " " + Measures.zh(off),
                "the terminal clock is " + Measures.en(off) + " " + enWay + " " + reference.source());
        if (off.compareTo(failAt) >= 0) {
            return List.of(HealthItem.fail(ID, detail,
                    LocalizedText.of("校正终端日期和时间（开启自动网络校时）：时钟偏差达到数分钟时，钱包会拒绝签名请求和应答",
                            "set the terminal's date and time (turn on automatic network time): wallets reject signed "
                                    + "requests and responses when the clock is minutes off"),
                    Set.of()));
        }
        if (off.compareTo(warnAt) >= 0) {
            return List.of(HealthItem.warn(ID, detail,
                    LocalizedText.of("尽快校正终端时间并开启自动网络校时；偏差达到 " + Measures.zh(failAt) + " 将停止收款",
                            "set the terminal's time soon and turn on automatic network time; at " + Measures.en(failAt)
                                    + " off, payments stop"),
                    Set.of()));
        }
        return List.of(HealthItem.ok(ID, detail));
    }

    /** Configures the check; {@link #build()} validates and names the wrong setting. Not thread-safe. */
    public static final class Builder {
        private ReferenceClock reference;
        private Duration warnAt = DEFAULT_WARN_AT;
        private Duration failAt = DEFAULT_FAIL_AT;

        private Builder() {
        }

        /** @param reference the time to compare with; required */
        public Builder reference(ReferenceClock reference) {
            this.reference = reference;
            return this;
        }

        /** @param skew skew from which to warn; default {@link #DEFAULT_WARN_AT}, positive, below failAt */
        public Builder warnAt(Duration skew) {
            this.warnAt = skew;
            return this;
        }

        /** @param skew skew from which to fail; default {@link #DEFAULT_FAIL_AT} */
        public Builder failAt(Duration skew) {
            this.failAt = skew;
            return this;
        }

        /** @return the check */
        public ClockSkewCheck build() {
            if (reference == null) {
                throw new ConfigurationException("reference", "a clock-skew check needs a reference clock");
            }
            if (warnAt == null || warnAt.isNegative() || warnAt.isZero()) {
                throw new ConfigurationException("warnAt", "must be a positive duration, got " + warnAt);
            }
            if (failAt == null || failAt.compareTo(warnAt) <= 0) {
                throw new ConfigurationException("failAt", "must be longer than warnAt " + warnAt + ", got " + failAt);
            }
            return new ClockSkewCheck(this);
        }
    }
}
