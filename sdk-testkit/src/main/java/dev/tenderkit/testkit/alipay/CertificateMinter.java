package dev.tenderkit.testkit.alipay;

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
import java.util.List;

/**
 * Mints X.509 v3 certificates with the JDK alone, which has no public certificate builder: the
 * TBSCertificate is written in DER here (a few tags suffice), signed with {@link Signature}, and
 * read back through {@link CertificateFactory} so that only what the JDK accepts as a certificate
 * leaves this class. For test certificates only: no extensions but basicConstraints on CAs.
 */
final class CertificateMinter {
    /** A signature algorithm: its JCA name and its DER AlgorithmIdentifier. */
    enum Algorithm {
        SHA256_WITH_RSA("SHA256withRSA", sequence(oid("1.2.840.113549.1.1.11"), new byte[] {0x05, 0x00})),
        SHA256_WITH_ECDSA("SHA256withECDSA", sequence(oid("1.2.840.10045.4.3.2")));

        final String jcaName;
        final byte[] identifier;

        Algorithm(String jcaName, byte[] identifier) {
            this.jcaName = jcaName;
            this.identifier = identifier;
        }
    }

    /** One relative distinguished name attribute, in the order it is encoded (C first, CN last). */
    record Rdn(String type, String value) {
    }

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private CertificateMinter() {
    }

    /**
     * @param serial the serial number (positive)
     * @param issuer the issuer's name, encoded in this order
     * @param subject the subject's name, encoded in this order
     * @param subjectKey the certified public key
     * @param ca whether the subject is a CA (basicConstraints cA=true)
     * @param issuerKey the key that signs
     * @param algorithm the signature algorithm, matching {@code issuerKey}
     * @return the certificate
     */
    static X509Certificate mint(BigInteger serial, List<Rdn> issuer, List<Rdn> subject, PublicKey subjectKey,
            boolean ca, PrivateKey issuerKey, Algorithm algorithm) {
        ZonedDateTime from = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        byte[] validity = sequence(utcTime(from), utcTime(from.plusYears(29)));
        byte[] extensions = ca
                ? tagged(0xa3, sequence(sequence(oid("2.5.29.19"), new byte[] {0x01, 0x01, (byte) 0xff},
                        tlv(0x04, sequence(new byte[] {0x01, 0x01, (byte) 0xff})))))
                : new byte[0];
        byte[] tbs = sequence(tagged(0xa0, tlv(0x02, new byte[] {0x02})), tlv(0x02, serial.toByteArray()),
                algorithm.identifier, name(issuer), validity, name(subject), subjectKey.getEncoded(), extensions);
        try {
            Signature s = Signature.getInstance(algorithm.jcaName);
            s.initSign(issuerKey);
            s.update(tbs);
            byte[] der = sequence(tbs, algorithm.identifier, bitString(s.sign()));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot mint a test certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] name(List<Rdn> rdns) {
        byte[][] sets = new byte[rdns.size()][];
        for (int i = 0; i < rdns.size(); i++) {
            Rdn r = rdns.get(i);
            String oid = switch (r.type()) {
                case "C" -> "2.5.4.6";
                case "O" -> "2.5.4.10";
                case "OU" -> "2.5.4.11";
                case "CN" -> "2.5.4.3";
                default -> throw new IllegalArgumentException("attribute type " + r.type());
            };
            // countryName must be a PrintableString; the rest are UTF8String, as Alipay's certificates have them
            int stringTag = r.type().equals("C") ? 0x13 : 0x0c;
            sets[i] = tlv(0x31, sequence(oid(oid), tlv(stringTag, r.value().getBytes(StandardCharsets.UTF_8))));
        }
        return sequence(sets);
    }

    private static byte[] utcTime(ZonedDateTime t) {
        return tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] bitString(byte[] bits) {
        byte[] v = new byte[bits.length + 1];
        System.arraycopy(bits, 0, v, 1, bits.length);
        return tlv(0x03, v);
    }

    private static byte[] tagged(int tag, byte[] content) {
        return tlv(tag, content);
    }

    static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return tlv(0x30, out.toByteArray());
    }

    static byte[] oid(String dotted) {
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

    static byte[] tlv(int tag, byte[] value) {
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
        out.writeBytes(value);
        return out.toByteArray();
    }
}
