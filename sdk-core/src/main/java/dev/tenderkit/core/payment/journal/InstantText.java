package dev.tenderkit.core.payment.journal;

import java.time.Instant;

/**
 * {@link Instant#toString()} without the formatter: the journal writes three or four instants per
 * record, and {@code DateTimeFormatter.ISO_INSTANT} builds a print context, a {@code LocalDateTime}
 * and a builder for each. The text is identical, character for character (fractions in groups of
 * three digits, seconds always written); instants outside the years 1970–9999 take the JDK's path.
 */
final class InstantText {
    private static final long SECONDS_PER_DAY = 86_400;
    /** 9999-12-31T23:59:59Z. */
    private static final long LAST_FAST_SECOND = 253_402_300_799L;

    private InstantText() {
    }

    static String of(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds > LAST_FAST_SECOND) {
            return instant.toString();
        }
        long days = seconds / SECONDS_PER_DAY;
        int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
        StringBuilder out = new StringBuilder(30);
        civilDate(days, out);
        out.append('T');
        two(out, secondOfDay / 3600);
        out.append(':');
        two(out, secondOfDay / 60 % 60);
        out.append(':');
        two(out, secondOfDay % 60);
        fraction(out, instant.getNano());
        return out.append('Z').toString();
    }

    /** Days since 1970-01-01 to {@code yyyy-MM-dd} (Howard Hinnant's civil-from-days). */
    private static void civilDate(long epochDay, StringBuilder out) {
        long z = epochDay + 719_468;
        long era = z / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        out.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10));
        two(out, year % 100);
        out.append('-');
        two(out, month);
        out.append('-');
        two(out, day);
    }

    private static void fraction(StringBuilder out, int nano) {
        if (nano == 0) {
            return;
        }
        int digits;
        int value;
        if (nano % 1_000_000 == 0) {
            digits = 3;
            value = nano / 1_000_000;
        } else if (nano % 1000 == 0) {
            digits = 6;
            value = nano / 1000;
        } else {
            digits = 9;
            value = nano;
        }
        out.append('.');
        for (int scale = pow10(digits - 1); scale > 0; scale /= 10) {
            out.append((char) ('0' + value / scale % 10));
        }
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static void two(StringBuilder out, int n) {
        out.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }
}
