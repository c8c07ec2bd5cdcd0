package dev.tenderkit.testkit.wechat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;

/**
 * Issues the simulator's test certificates (the merchant API certificate and WeChat Pay's platform
 * certificate, both signed by a generated CA): the TBSCertificate is written in DER here, signed
 * SHA256withRSA on the JDK (or, for SM2 key material, SM2 with SM3 by {@link SimulatorShangMi}), and
 * parsed back by a {@link CertificateFactory}, so only what it accepts as a certificate leaves this
 * class. Names are {@code C=CN, O=<org>, CN=<cn>}; the
 * only extension is basicConstraints on the CA.
 */
final class CertificateIssuer {
    private static final byte[] SHA256_WITH_RSA = sequence(oid("1.2.840.113549.1.1.11"), new byte[] {0x05, 0x00});
    private static final byte[] SM2_WITH_SM3 = sequence(oid("1.2.156.10197.1.501"));

    /**
     * How the issuer signs: the signature AlgorithmIdentifier (DER), the signing of the TBSCertificate,
     * and the factory that reads the result back.
     */
    record Signing(byte[] algorithm, UnaryOperator<byte[]> sign, CertificateFactory factory) {
        /** SHA256withRSA on the JDK. */
        static Signing rsa(PrivateKey issuerKey) {
            try {
                CertificateFactory jdk = CertificateFactory.getInstance("X.509");
                return new Signing(SHA256_WITH_RSA, tbs -> {
                    try {
                        Signature s = Signature.getInstance("SHA256withRSA");
                        s.initSign(issuerKey);
                        s.update(tbs);
                        return s.sign();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("cannot sign a test certificate: " + e.getMessage(), e);
                    }
                }, jdk);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no X.509 factory in this JDK", e);
            }
        }

        /** SM2 with SM3 by the simulator's own 国密 code. */
        static Signing sm2(SimulatorShangMi sm, PrivateKey issuerKey) {
            return new Signing(SM2_WITH_SM3, tbs -> sm.signBytes(tbs, issuerKey), sm.certificateFactory());
        }
    }
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private CertificateIssuer() {
    }

    /**
     * @param serial the serial number (positive)
     * @param issuerOrg the issuer's O
     * @param issuerCn the issuer's CN
     * @param subjectOrg the subject's O
     * @param subjectCn the subject's CN
     * @param subjectKey the certified key
     * @param ca whether the subject is a CA
     * @param issuerKey the key that signs
     * @param notBefore the first day of validity (UTC); valid five years, as WeChat's certificates are
     * @return the certificate
     */
    static X509Certificate issue(BigInteger serial, String issuerOrg, String issuerCn, String subjectOrg,
            String subjectCn, PublicKey subjectKey, boolean ca, PrivateKey issuerKey, ZonedDateTime notBefore) {
        return issue(serial, issuerOrg, issuerCn, subjectOrg, subjectCn, subjectKey, ca, Signing.rsa(issuerKey), notBefore);
    }

    /** As the method above, the certificate signed by {@code signing}. */
    static X509Certificate issue(BigInteger serial, String issuerOrg, String issuerCn, String subjectOrg,
            String subjectCn, PublicKey subjectKey, boolean ca, Signing signing, ZonedDateTime notBefore) {
        ZonedDateTime from = notBefore.withZoneSameInstant(ZoneOffset.UTC);
        byte[] validity = sequence(utcTime(from), utcTime(from.plusYears(5)));
        byte[] extensions = ca
                ? tlv(0xa3, sequence(sequence(oid("2.5.29.19"), new byte[] {0x01, 0x01, (byte) 0xff},
                        tlv(0x04, sequence(new byte[] {0x01, 0x01, (byte) 0xff})))))
                : new byte[0];
        byte[] tbs = sequence(tlv(0xa0, tlv(0x02, new byte[] {0x02})), tlv(0x02, serial.toByteArray()), signing.algorithm(),
                name(issuerOrg, issuerCn), validity, name(subjectOrg, subjectCn), subjectKey.getEncoded(), extensions);
        try {
            byte[] signature = signing.sign().apply(tbs);
            byte[] bits = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bits, 1, signature.length);
            byte[] der = sequence(tbs, signing.algorithm(), tlv(0x03, bits));
            return (X509Certificate) signing.factory().generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a test certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] name(String org, String cn) {
        return sequence(rdn("2.5.4.6", 0x13, "CN"), rdn("2.5.4.10", 0x0c, org), rdn("2.5.4.3", 0x0c, cn));
    }

    private static byte[] rdn(String oid, int stringTag, String value) {
        return tlv(0x31, sequence(oid(oid), tlv(stringTag, value.getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] utcTime(ZonedDateTime t) {
        return tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return tlv(0x30, out.toByteArray());
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                int b = (int) ((arc >>> (7 * g)) & 0x7f);
                out.write(g == 0 ? b : b | 0x80);
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((n >>> (8 * i)) & 0xff);
            }
        }
        out.write(value, 0, value.length);
        return out.toByteArray();
    }
}
