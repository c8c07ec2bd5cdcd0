package dev.tenderkit.alipay;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.StringJoiner;

/**
 * Certificate serial numbers as Alipay's certificate mode (公钥证书) computes them: {@code app_cert_sn}
 * and {@code alipay_cert_sn} are the lowercase hex MD5 of the issuer DN (RFC 2253) followed by the
 * decimal serial number, left-padded with {@code 0} to 32 digits; {@code alipay_root_cert_sn} joins
 * with {@code _} those of the RSA-signed certificates (signature algorithm OID under
 * {@code 1.2.840.113549.1.1}) in the root bundle.
 */
public final class AlipayCertSn {
    private static final String RSA_SIG_OID_PREFIX = "1.2.840.113549.1.1";

    private AlipayCertSn() {
    }

    /**
     * @param cert a certificate
     * @return its Alipay serial number, 32 lowercase hex digits
     */
    public static String of(X509Certificate cert) {
        String source = cert.getIssuerX500Principal().getName() + cert.getSerialNumber().toString(10);
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(source.getBytes(StandardCharsets.UTF_8));
            String hex = new BigInteger(1, md5).toString(16);
            return "0".repeat(32 - hex.length()) + hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    /**
     * @param rootBundle every certificate in Alipay's root certificate file, in file order
     * @return the SNs of the RSA-signed ones joined with {@code _}; empty if there is none
     */
    public static String ofRoot(List<X509Certificate> rootBundle) {
        StringJoiner joined = new StringJoiner("_");
        for (X509Certificate cert : rootBundle) {
            if (cert.getSigAlgOID().startsWith(RSA_SIG_OID_PREFIX)) {
                joined.add(of(cert));
            }
        }
        return joined.toString();
    }
}
