package dev.tenderkit.core.crypto;

import dev.tenderkit.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decodes key and certificate text in the forms merchants paste it: PEM with any label, or the bare
 * base64 of the DER (one line or several); CRLF line ends, spaces and indentation are ignored.
 *
 * <p>Every failure is a {@link ConfigurationException} naming the setting; {@code what} is the
 * thing to paste instead, in the caller's words (for example {@code "the app private key (应用私钥)"}).
 * Stateless and thread-safe.
 */
public final class PemText {
    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    private PemText() {
    }

    /**
     * Decodes the first PEM block of the text, or the whole text as bare base64 if it has no PEM
     * header.
     *
     * @param setting the builder setting, for messages
     * @param text the pasted text
     * @param what what the setting should hold, for messages
     * @return the block
     * @throws ConfigurationException if the text is empty, has a broken PEM header or no END line, is
     *     encrypted with a legacy PEM header, or is not base64
     */
    public static PemBlock decode(String setting, String text, String what) {
        requireText(setting, text, what);
        int at = text.indexOf(BEGIN);
        if (at < 0) {
            return new PemBlock("", base64(setting, text, what));
        }
        int labelEnd = text.indexOf(DASHES, at + BEGIN.length());
        if (labelEnd < 0) {
            throw new ConfigurationException(setting, "has a broken PEM header");
        }
        String label = text.substring(at + BEGIN.length(), labelEnd);
        return new PemBlock(label, body(setting, text, label, labelEnd + DASHES.length(), what, "").der);
    }

    /**
     * Decodes every PEM block with the given label, in text order (a certificate chain, a root
     * bundle); a text without any PEM header is one bare base64 block.
     *
     * @param setting the builder setting, for messages
     * @param text the pasted text
     * @param label the PEM label, e.g. {@code "CERTIFICATE"}
     * @param what what the setting should hold, for messages
     * @return the blocks, at least one
     * @throws ConfigurationException if the text is empty, holds PEM but no block with that label, a
     *     block has no END line, or a block is not base64
     */
    public static List<PemBlock> decodeAll(String setting, String text, String label, String what) {
        requireText(setting, text, what);
        Objects.requireNonNull(label, "label");
        if (!text.contains(BEGIN)) {
            return List.of(new PemBlock("", base64(setting, text, what)));
        }
        String begin = BEGIN + label + DASHES;
        int at = text.indexOf(begin);
        if (at < 0) {
            throw new ConfigurationException(setting, "holds no " + label.toLowerCase(Locale.ROOT)
                    + " (no BEGIN " + label + " block); paste " + what);
        }
        List<PemBlock> blocks = new ArrayList<>();
        while (at >= 0) {
            String ordinal = label.toLowerCase(Locale.ROOT) + " " + (blocks.size() + 1) + " ";
            Body b = body(setting, text, label, at + begin.length(), what, ordinal);
            blocks.add(new PemBlock(label, b.der));
            at = text.indexOf(begin, b.next);
        }
        return List.copyOf(blocks);
    }

    private record Body(byte[] der, int next) {
    }

    /** The base64 between a header ending at {@code from} and its END line. */
    private static Body body(String setting, String text, String label, int from, String what, String ordinal) {
        String end = DASHES + "END " + label + DASHES;
        int endAt = text.indexOf(end, from);
        if (endAt < 0) {
            throw new ConfigurationException(setting, ordinal + "has no '" + end + "' line");
        }
        String body = text.substring(from, endAt);
        if (body.contains("Proc-Type") || body.contains("DEK-Info")) {
            throw new ConfigurationException(setting, "is encrypted (a Proc-Type/DEK-Info PEM header); export it without"
                    + " a passphrase");
        }
        return new Body(base64(setting, body, what), endAt + end.length());
    }

    private static void requireText(String setting, String text, String what) {
        Objects.requireNonNull(setting, "setting");
        if (text == null || text.isBlank()) {
            throw new ConfigurationException(setting, "is empty; paste " + what);
        }
    }

    private static byte[] base64(String setting, String text, String what) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(sb.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(setting, "is not base64 (" + e.getMessage() + "); paste " + what
                    + " as PEM or as the one-line base64 text");
        }
    }
}
