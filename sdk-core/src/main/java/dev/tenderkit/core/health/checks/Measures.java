package dev.tenderkit.core.health.checks;

import java.time.Duration;
import java.util.Locale;

/** How the checks write durations and sizes in their messages, in Chinese and English. */
final class Measures {
    private Measures() {
    }

    static String en(Duration d) {
        long ms = d.abs().toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + " s";
        }
        return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }

    static String zh(Duration d) {
        long ms = d.abs().toMillis();
        if (ms < 1000) {
            return ms + " 毫秒";
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + " 秒";
        }
        return s % 60 == 0 ? s / 60 + " 分钟" : s / 60 + " 分 " + s % 60 + " 秒";
    }

    /** Binary units, the same in both languages: {@code 64 MiB}, {@code 12.3 GiB}. */
    static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + " B";
        }
        return (v == Math.floor(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
                + " " + units[u];
    }
}
