package dev.tenderkit.core.payment;

import dev.tenderkit.core.ConfigurationException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Makes out_trade_no values: {@code <terminal><start><sequence>}, letters and digits only and at
 * most 32 characters, which fits every wallet (WeChat Pay allows 32, Alipay 64). The terminal id
 * makes them unique across terminals, the engine's start time (milliseconds, base 36) across
 * restarts, and the sequence within a run; a number the store already knows is skipped.
 *
 * <p>{@code <terminal><start>} is the run's <em>prefix</em>; the sequence is the last
 * {@value #SEQUENCE_CHARS} characters, base 36, from 1. Numbers are therefore predictable from the
 * prefix, which lets recovery ask the wallets about the numbers after the last one a damaged
 * journal still knows.
 */
final class OutTradeNumbers {
    static final int MAX_TERMINAL_ID = 12;
    static final int SEQUENCE_CHARS = 5;
    static final int MAX_LENGTH = 32;

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

    /** @return this run's prefix: terminal id and start time */
    String prefix() {
        return prefix;
    }

    String next(Predicate<String> alreadyUsed) {
        while (true) {
            String candidate = number(prefix, sequence.incrementAndGet());
            if (candidate.length() > MAX_LENGTH) {
                throw new IllegalStateException("out_trade_no sequence exhausted for this run: " + candidate);
            }
            if (!alreadyUsed.test(candidate)) {
                return candidate;
            }
        }
    }

    /** @return the number with this sequence in the run with this prefix */
    static String number(String prefix, long sequence) {
        String digits = Long.toString(sequence, 36).toUpperCase(Locale.ROOT);
        StringBuilder number = new StringBuilder(prefix.length() + Math.max(SEQUENCE_CHARS, digits.length()))
                .append(prefix);
        for (int pad = SEQUENCE_CHARS - digits.length(); pad > 0; pad--) {
            number.append('0');
        }
        return number.append(digits).toString();
    }

    /** @return the run prefix of a number made here, when it has the shape of one */
    static Optional<String> prefixOf(String outTradeNo) {
        int cut = outTradeNo.length() - SEQUENCE_CHARS;
        return cut > 0 && isSequence(outTradeNo, cut) ? Optional.of(outTradeNo.substring(0, cut)) : Optional.empty();
    }

    /** @return the sequence of a number in the run with this prefix, when it is one */
    static OptionalLong sequenceOf(String outTradeNo, String prefix) {
        if (outTradeNo.length() != prefix.length() + SEQUENCE_CHARS || !outTradeNo.startsWith(prefix)
                || !isSequence(outTradeNo, prefix.length())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(outTradeNo.substring(prefix.length()), 36));
    }

    /** @return when the run with this prefix started, when the prefix is this terminal's */
    static Optional<Instant> startOf(String prefix, String terminalId) {
        if (!prefix.startsWith(terminalId) || prefix.length() == terminalId.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(prefix.substring(terminalId.length()), 36)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isSequence(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
