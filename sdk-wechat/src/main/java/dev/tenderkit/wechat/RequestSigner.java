package dev.tenderkit.wechat;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signs requests as WeChat Pay APIv3 requires (wechatpay.md §1): {@code SHA256withRSA} — or, in the
 * {@link SigningScheme#SM2} scheme, SM2 with SM3 and the signer id {@code 1234567812345678}, DER — with the
 * merchant API key over {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n}, where URL is the path and
 * {@code ?query} still percent-encoded as sent and BODY the exact bytes sent ({@code ""} when there
 * is none), and the {@code Authorization} header written in the official SDK's field order. One
 * private-key operation per request. Thread-safe.
 */
final class RequestSigner {
    private static final char[] NONCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int NONCE_LENGTH = 32;

    private final WeChatPayCredentials credentials;
    private final SecureRandom random = new SecureRandom();

    RequestSigner(WeChatPayCredentials credentials) {
        this.credentials = credentials;
    }

    /**
     * @return a fresh 32-character nonce, from one draw of 32 random bytes: 32 draws of
     *     {@code nextInt} cost 4–10 µs of CPU per request (the JDK's NativePRNG locks and mixes for
     *     each), one costs under 1 µs. The nonce need only be unique, so the slight bias of a byte
     *     modulo 62 (8 of the 62 characters at 5/256 instead of 4/256) is of no consequence: still
     *     over 190 bits of randomness.
     */
    String nonce() {
        byte[] r = new byte[NONCE_LENGTH];
        random.nextBytes(r);
        char[] c = new char[NONCE_LENGTH];
        for (int i = 0; i < c.length; i++) {
            c[i] = NONCE_CHARS[(r[i] & 0xFF) % NONCE_CHARS.length];
        }
        return new String(c);
    }

    /**
     * @param method the HTTP method, uppercase
     * @param pathAndQuery the path and {@code ?query} exactly as sent
     * @param body the body exactly as sent, {@code ""} for none
     * @param timestamp Unix seconds
     * @param nonce the nonce
     * @return the {@code Authorization} header value
     */
    String authorization(String method, String pathAndQuery, String body, long timestamp, String nonce) {
        String message = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
        String signature;
        try {
            signature = Base64.getEncoder().encodeToString(
                    credentials.signer().sign(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new TenderKitException(ErrorCode.EXTENSION_FAILURE, "signing a WeChat Pay request failed: "
                    + e.getMessage(), e);
        }
        return credentials.signingScheme().authorizationScheme() + " mchid=\"" + credentials.mchid() + "\",nonce_str=\""
                + nonce + "\",timestamp=\"" + timestamp
                + "\",serial_no=\"" + credentials.merchantSerial() + "\",signature=\"" + signature + "\"";
    }
}
