package dev.tenderkit.core.payment;

import dev.tenderkit.core.ConfigurationException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Makes out_trade_no values: {@code <terminal><start><sequence>}, letters and digits only and at
 * most 32 characters, which fits every wallet (WeChat Pay allows 32, Alipay 64). The terminal id
 * makes them unique across terminals, the engine's start time (milliseconds, base 36) across
 * restarts, and the sequence within a run; a number the store already knows is skipped.
 */
final class OutTradeNumbers {
    static final int MAX_TERMINAL_ID = 12;

    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();

    OutTradeNumbers(String terminalId, long startMillis) {
        if (terminalId == null || terminalId.isEmpty() || terminalId.length() > MAX_TERMINAL_ID
                || !terminalId.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            throw new ConfigurationException("terminalId", "must be 1-" + MAX_TERMINAL_ID
                    + " ASCII letters or digits (it prefixes every out_trade_no), got \"" + terminalId + "\"");
        }
        this.prefix = terminalId + Long.toString(startMillis, 36).toUpperCase(Locale.ROOT);
    }

    String next(Predicate<String> alreadyUsed) {
        while (true) {
            String candidate = prefix + String.format(Locale.ROOT, "%5s",
                    Long.toString(sequence.incrementAndGet(), 36).toUpperCase(Locale.ROOT)).replace(' ', '0');
            if (candidate.length() > 32) {
                throw new IllegalStateException("out_trade_no sequence exhausted for this run: " + candidate);
            }
            if (!alreadyUsed.test(candidate)) {
                return candidate;
            }
        }
    }
}
