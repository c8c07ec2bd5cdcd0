package dev.tenderkit.alipay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the test fixtures in {@code src/test/resources/certs}. */
final class Fixtures {
    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/certs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base64 body of a PEM file, on one line: the form the official SDK takes keys in. */
    static String base64(String name) {
        return text(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    static AlipayCredentials publicKeyMode() {
        return AlipayCredentials.builder()
                .appId("2021000000000001")
                .appPrivateKey(text("app-private-pkcs1.pem"))
                .alipayPublicKey(text("alipay-public.pem"))
                .build();
    }

    static AlipayCredentials certificateMode() {
        return AlipayCredentials.builder()
                .appId("2021000000000001")
                .appPrivateKey(text("app-private-pkcs8.pem"))
                .certificates(text("app-cert.crt"), text("alipay-cert.crt"), text("root-bundle.crt"))
                .build();
    }
}
