package dev.tenderkit.core.internal.text;

import dev.tenderkit.core.LocalizedText;
import java.time.Duration;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Writes a {@link Duration} as people read it, not as ISO-8601: {@code PT720H} is "30 days" and
 * "30天", {@code PT2H5M} is "2 hours 5 minutes" and "2小时5分钟". Every non-zero unit from days
 * down to milliseconds is written, largest first, so nothing is rounded away; a part below a
 * millisecond is dropped (a non-zero duration shorter than that reads "less than 1 millisecond").
 * Days are 24 hours, as {@link Duration#toDays()} counts them. Stateless.
 */
public final class DurationText {

    private static final String[] EN = {"day", "hour", "minute", "second", "millisecond"};
    private static final String[] ZH = {"天", "小时", "分钟", "秒", "毫秒"};

    private DurationText() {
    }

    /** @return the duration in English, e.g. {@code "1 day 12 hours"}; {@code "-5 minutes"} for a negative one */
    public static String en(Duration duration) {
        long[] parts = parts(duration);
        if (parts == null) {
            return "less than 1 millisecond";
        }
        StringJoiner out = new StringJoiner(" ", duration.isNegative() ? "-" : "", "").setEmptyValue("0 seconds");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != 0) {
                out.add(parts[i] + " " + EN[i] + (parts[i] == 1 ? "" : "s"));
            }
        }
        return out.toString();
    }

    /** @return the duration in Chinese, e.g. {@code "1天12小时"}; {@code "-5分钟"} for a negative one */
    public static String zh(Duration duration) {
        long[] parts = parts(duration);
        if (parts == null) {
            return "不到1毫秒";
        }
        StringBuilder out = new StringBuilder(duration.isNegative() ? "-" : "");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != 0) {
                out.append(parts[i]).append(ZH[i]);
            }
        }
        return out.length() == 0 ? "0秒" : out.toString();
    }

    /** @return the duration in both languages */
    public static LocalizedText of(Duration duration) {
        return LocalizedText.of(zh(duration), en(duration));
    }

    /** @return days, hours, minutes, seconds and milliseconds of the magnitude; null if it is non-zero but below 1 ms */
    private static long[] parts(Duration duration) {
        Duration d = Objects.requireNonNull(duration, "duration").abs();
        if (!d.isZero() && d.compareTo(Duration.ofMillis(1)) < 0) {
            return null;
        }
        return new long[] {d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart(), d.toMillisPart()};
    }
}
