package dev.tenderkit.core.health.checks;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A time the terminal's clock is compared with: an NTP server, the {@code Date} header of a
 * gateway's response, the platform's network time. The platform supplies it; TenderKit does not
 * choose a time server for you.
 *
 * <p>Implementations may block on the network (the monitor times the check out) and may throw when
 * the reference cannot be read; the clock-skew check reports that as a warning naming the error.
 * They must be thread-safe.
 */
@FunctionalInterface
public interface ReferenceClock {

    /** @return the reference time now */
    Instant referenceInstant();

    /** @return what the reference is, for messages, e.g. {@code "ntp.aliyun.com"} */
    default String source() {
        return "reference clock";
    }

    /**
     * @param source what the reference is, for messages
     * @param now reads the reference time
     * @return a reference clock
     */
    static ReferenceClock of(String source, Supplier<Instant> now) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(now, "now");
        return new ReferenceClock() {
            @Override
            public Instant referenceInstant() {
                return now.get();
            }

            @Override
            public String source() {
                return source;
            }
        };
    }
}
