package dev.tenderkit.core.crypto;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Wraps a PKCS#1 RSAPrivateKey ({@code BEGIN RSA PRIVATE KEY}, what {@code openssl genrsa} and some
 * wallets' key tools write) into the PKCS#8 PrivateKeyInfo the JDK reads, byte for byte as
 * {@code openssl pkcs8 -topk8 -nocrypt} writes it. Without BouncyCastle: the wrapper is three DER
 * elements around the PKCS#1 bytes.
 *
 * <p>Wrapping is never automatic: a parser wraps only when its caller chose
 * {@link PrivateKeys.Accepted#PKCS8_OR_PKCS1}, because some wallets (WeChat Pay) require PKCS#8 and a
 * PKCS#1 key pasted there is a mistake to be named. Stateless and thread-safe.
 */
public final class Pkcs1 {
    /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private Pkcs1() {
    }

    /**
     * @param pkcs1 the DER of a PKCS#1 RSAPrivateKey (not checked here: the key factory does that)
     * @return the DER of the PKCS#8 PrivateKeyInfo holding it
     */
    public static byte[] wrapPrivateKey(byte[] pkcs1) {
        Objects.requireNonNull(pkcs1, "pkcs1");
        ByteArrayOutputStream body = new ByteArrayOutputStream(pkcs1.length + 32);
        body.write(Der.INTEGER);
        body.write(0x01);
        body.write(0x00); // version 0
        body.write(RSA_ALGORITHM_ID, 0, RSA_ALGORITHM_ID.length);
        writeTlv(body, Der.OCTET_STRING, pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 8);
        writeTlv(out, Der.SEQUENCE, body.toByteArray());
        return out.toByteArray();
    }

    private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xff);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write((len >> 8) & 0xff);
            out.write(len & 0xff);
        }
        out.write(value, 0, value.length);
    }
}
