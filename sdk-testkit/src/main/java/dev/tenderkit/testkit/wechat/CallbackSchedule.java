package dev.tenderkit.testkit.wechat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When the simulator resends a callback the merchant did not acknowledge (HTTP 200 or 204): the wait
 * before each resend, in order; after the last it gives up. WeChat's is {@link #wechat()}: 15s, 15s,
 * 30s, 3m, 10m, 20m, 30m, 30m, 30m, 60m, 3h, 3h, 3h, 6h, 6h, sixteen deliveries in 24h4m
 * (wechatpay.md §3). Tests run it on a {@code ManualTaskScheduler}, or {@link #compressed(long)}.
 *
 * @param retries the wait before each resend; empty: deliver once
 */
public record CallbackSchedule(List<Duration> retries) {

    /** Checks and copies. */
    public CallbackSchedule {
        retries = List.copyOf(Objects.requireNonNull(retries, "retries"));
        for (Duration d : retries) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("a retry interval must not be negative, was " + d);
            }
        }
    }

    /** @return WeChat Pay's schedule */
    public static CallbackSchedule wechat() {
        Duration s15 = Duration.ofSeconds(15);
        Duration m30 = Duration.ofMinutes(30);
        Duration h3 = Duration.ofHours(3);
        Duration h6 = Duration.ofHours(6);
        return new CallbackSchedule(List.of(s15, s15, Duration.ofSeconds(30), Duration.ofMinutes(3),
                Duration.ofMinutes(10), Duration.ofMinutes(20), m30, m30, m30, Duration.ofMinutes(60), h3, h3, h3, h6, h6));
    }

    /** @param retries the waits before each resend @return the schedule */
    public static CallbackSchedule of(Duration... retries) {
        return new CallbackSchedule(List.of(retries));
    }

    /** @param factor how many times faster, at least 1 @return this schedule with every wait divided by it */
    public CallbackSchedule compressed(long factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1, was " + factor);
        }
        return new CallbackSchedule(retries.stream().map(d -> d.dividedBy(factor)).toList());
    }

    /** @return the time from the first delivery to the last resend */
    public Duration span() {
        return retries.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
