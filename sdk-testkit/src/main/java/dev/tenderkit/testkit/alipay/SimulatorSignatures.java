package dev.tenderkit.testkit.alipay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The simulator's own signing and verification, written apart from sdk-alipay's so that a bug in
 * one cannot hide in the other: the sorted {@code k=v&...} content Alipay signs parameters over,
 * and RSA signatures in base64 over UTF-8 bytes.
 */
final class SimulatorSignatures {
    private SimulatorSignatures() {
    }

    /**
     * Every parameter but those in {@code excluded}, whose key and value are not blank, sorted by
     * key ({@code String} order), joined raw as {@code k=v} with {@code &}.
     */
    static String sortedContent(Map<String, String> params, Set<String> excluded) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> {
            if (k != null && v != null && !k.isBlank() && !v.isBlank() && !excluded.contains(k)) {
                sorted.put(k, v);
            }
        });
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }

    /** @return SHA256withRSA over the UTF-8 bytes of {@code text}, base64 */
    static String sign(String text, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the simulator's key", e);
        }
    }

    /** @return whether {@code sign} (base64) verifies over the UTF-8 bytes of {@code content}; false if malformed */
    static boolean verify(String algorithm, String content, String sign, PublicKey key) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(sign.trim()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
