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
 * {@code 1.2.840.113549.1.1}) in the root bundle — or, for SM2, of the SM2-signed ones
 * ({@code 1.2.156.10197.1.501}, SM3withSM2), as the official SDK's {@code getRootCertSN(root, "SM2")}.
 */
public final class AlipayCertSn {
    private static final String RSA_SIG_OID_PREFIX = "1.2.840.113549.1.1";
    private static final String SM2_SIG_OID = "1.2.156.10197.1.501";

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
        return ofRoot(rootBundle, SignType.RSA2);
    }

    /**
     * @param rootBundle every certificate in Alipay's root certificate file, in file order
     * @param type the sign type: RSA2 keeps the RSA-signed certificates, SM2 the SM2-signed ones
     * @return their SNs joined with {@code _}; empty if there is none
     */
    public static String ofRoot(List<X509Certificate> rootBundle, SignType type) {
        StringJoiner joined = new StringJoiner("_");
        for (X509Certificate cert : rootBundle) {
            if (countsInRoot(cert.getSigAlgOID(), type)) {
                joined.add(of(cert));
            }
        }
        return joined.toString();
    }

    /** Whether a root certificate signed with this algorithm takes part in the root SN for the sign type. */
    static boolean countsInRoot(String signatureAlgorithmOid, SignType type) {
        return type == SignType.SM2
                ? signatureAlgorithmOid.equals(SM2_SIG_OID)
                : signatureAlgorithmOid.startsWith(RSA_SIG_OID_PREFIX);
    }
}
