package dev.tenderkit.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A short text in Chinese and English, as shown to a cashier or a merchant. Both are required:
 * a finding that can only be read in one language helps only half the people at the counter.
 *
 * @param zh simplified Chinese
 * @param en English
 */
public record LocalizedText(String zh, String en) {

    /** Validates that both texts are present and not blank. */
    public LocalizedText {
        if (zh == null || zh.isBlank()) {
            throw new InvalidInputException("zh", "Chinese text is required");
        }
        if (en == null || en.isBlank()) {
            throw new InvalidInputException("en", "English text is required");
        }
    }

    /** @return a text with both languages */
    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /** @return the Chinese text for any Chinese locale, else the English text */
    public String in(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }

    /** @return {@code "zh / en"} */
    @Override
    public String toString() {
        return zh + " / " + en;
    }
}
