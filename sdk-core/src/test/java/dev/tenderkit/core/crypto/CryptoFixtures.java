package dev.tenderkit.core.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The OpenSSL-made keys and certificates under {@code src/test/resources/crypto} (see its README). */
final class CryptoFixtures {
    private static final Path DIR = Path.of("src", "test", "resources", "crypto");

    private CryptoFixtures() {
    }

    static String text(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base64 body of a PEM fixture on one line: the form wallets' key tools show. */
    static String base64(String name) {
        return text(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
