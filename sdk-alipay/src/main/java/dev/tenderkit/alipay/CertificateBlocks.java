package dev.tenderkit.alipay;

import dev.tenderkit.core.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a certificate file one PEM block at a time, so that one certificate the platform cannot
 * read is reported by position (or, in a root bundle, skipped when the root SN would skip it)
 * instead of failing the whole file. SM2 certificates are read with BouncyCastle when the sign
 * type is SM2.
 */
final class CertificateBlocks {
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private CertificateBlocks() {
    }

    static List<X509Certificate> parse(String setting, String text, SignType type, boolean skipForeign) {
        type.requireUsable();
        if (text == null || text.isBlank()) {
            throw new ConfigurationException(setting, "is empty; paste the certificate file's content (.crt, PEM)");
        }
        List<byte[]> blocks = blocks(setting, text);
        CertificateFactory factory = factory(setting, type);
        List<X509Certificate> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            byte[] der = blocks.get(i);
            try {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException e) {
                String oid = signatureAlgorithmOid(der);
                if (skipForeign && oid != null && !AlipayCertSn.countsInRoot(oid, type)) {
                    continue; // signed with an algorithm the root SN for this sign type leaves out
                }
                throw new ConfigurationException(setting, (blocks.size() > 1 ? "certificate " + (i + 1) + " of "
                        + blocks.size() + " " : "") + "is not a valid X.509 certificate (" + e.getMessage() + ")"
                        + (type == SignType.RSA2 && oid != null && oid.startsWith("1.2.156.") ? "; it is an SM2"
                        + " certificate: use signType SM2 with BouncyCastle" : ""));
            }
        }
        if (out.isEmpty()) {
            throw new ConfigurationException(setting, "holds no certificate this sign type (" + type + ") can use");
        }
        return List.copyOf(out);
    }

    private static CertificateFactory factory(String setting, SignType type) {
        try {
            return type == SignType.SM2 ? Sm2Support.certificateFactory() : CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new ConfigurationException(setting, "no X.509 certificate factory here (" + e.getMessage() + ")");
        }
    }

    private static List<byte[]> blocks(String setting, String text) {
        List<byte[]> blocks = new ArrayList<>();
        if (!text.contains("-----BEGIN")) {
            blocks.add(AlipayKeys.base64Of(setting, text, "a certificate"));
            return blocks;
        }
        int at = text.indexOf(BEGIN);
        if (at < 0) {
            throw new ConfigurationException(setting, "holds no certificate (no BEGIN CERTIFICATE block);"
                    + " certificate mode needs the .crt files downloaded from the open platform");
        }
        while (at >= 0) {
            int end = text.indexOf(END, at);
            if (end < 0) {
                throw new ConfigurationException(setting, "certificate " + (blocks.size() + 1) + " has no '" + END + "' line");
            }
            blocks.add(AlipayKeys.base64Of(setting, text.substring(at + BEGIN.length(), end), "a certificate"));
            at = text.indexOf(BEGIN, end);
        }
        return blocks;
    }

    /**
     * The signatureAlgorithm OID of a DER certificate ({@code SEQUENCE { tbsCertificate SEQUENCE,
     * signatureAlgorithm SEQUENCE { OID, … }, signature }}), or null if the bytes do not have that shape.
     */
    static String signatureAlgorithmOid(byte[] der) {
        int[] pos = {0};
        if (!enter(der, pos, 0x30)) {
            return null;
        }
        int tbsLen = header(der, pos, 0x30);
        if (tbsLen < 0) {
            return null;
        }
        pos[0] += tbsLen;
        if (!enter(der, pos, 0x30)) {
            return null;
        }
        int oidLen = header(der, pos, 0x06);
        if (oidLen < 1 || pos[0] + oidLen > der.length) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        int first = der[pos[0]] & 0xff;
        sb.append(Math.min(first / 40, 2)).append('.').append(first - 40 * Math.min(first / 40, 2));
        long value = 0;
        for (int i = 1; i < oidLen; i++) {
            int b = der[pos[0] + i] & 0xff;
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                sb.append('.').append(value);
                value = 0;
            }
        }
        return sb.toString();
    }

    private static boolean enter(byte[] der, int[] pos, int tag) {
        return header(der, pos, tag) >= 0;
    }

    /** Reads a tag and a length at pos; returns the length and leaves pos at the content, or -1. */
    private static int header(byte[] der, int[] pos, int tag) {
        int p = pos[0];
        if (p + 2 > der.length || (der[p] & 0xff) != tag) {
            return -1;
        }
        int len = der[p + 1] & 0xff;
        p += 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            if (n < 1 || n > 3 || p + n > der.length) {
                return -1;
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[p + i] & 0xff);
            }
            p += n;
        }
        if (p + len > der.length) {
            return -1;
        }
        pos[0] = p;
        return len;
    }
}
