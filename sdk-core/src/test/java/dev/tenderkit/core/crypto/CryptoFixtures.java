package dev.tenderkit.core.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenSSL-made keys and certificates under {@code src/test/resources/crypto} (see its README). */
final class CryptoFixtures {
    private CryptoFixtures() {
    }

    static String text(String name) {
        try (InputStream in = CryptoFixtures.class.getResourceAsStream("/crypto/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base64 body of a PEM fixture on one line: the form wallets' key tools show. */
    static String base64(String name) {
        return text(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
