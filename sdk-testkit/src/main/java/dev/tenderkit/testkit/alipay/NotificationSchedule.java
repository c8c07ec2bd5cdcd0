package dev.tenderkit.testkit.alipay;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When the simulator resends a notification the merchant did not answer with {@code success}: the
 * waits before each resend, in order; after the last, it gives up. Alipay's is
 * {@link #alipay()} (4m, 10m, 10m, 1h, 2h, 6h, 15h: eight deliveries within 25 hours, alipay.md
 * §6); tests use {@link #compressed(long)} or {@link #of(Duration...)} so they do not wait hours.
 *
 * @param retries the wait before each resend; empty: deliver once
 */
public record NotificationSchedule(List<Duration> retries) {

    /** Checks and copies. */
    public NotificationSchedule {
        retries = List.copyOf(Objects.requireNonNull(retries, "retries"));
        for (Duration d : retries) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("a retry interval must not be negative, was " + d);
            }
        }
    }

    /** @return Alipay's schedule: 4m, 10m, 10m, 1h, 2h, 6h, 15h */
    public static NotificationSchedule alipay() {
        return new NotificationSchedule(List.of(Duration.ofMinutes(4), Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(15)));
    }

    /** @param retries the waits before each resend @return the schedule */
    public static NotificationSchedule of(Duration... retries) {
        return new NotificationSchedule(List.of(retries));
    }

    /**
     * @param factor how many times faster, at least 1 (e.g. 60,000: Alipay's 4 minutes become 4 ms)
     * @return this schedule with every wait divided by {@code factor}
     */
    public NotificationSchedule compressed(long factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1, was " + factor);
        }
        return new NotificationSchedule(retries.stream().map(d -> d.dividedBy(factor)).toList());
    }
}
