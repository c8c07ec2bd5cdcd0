package dev.tenderkit.core.crypto;

import dev.tenderkit.core.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses X.509 certificates from PEM (one or several {@code BEGIN CERTIFICATE} blocks: a chain, a
 * wallet's root bundle) or the bare base64 of one DER certificate, one block at a time, so a
 * certificate the platform cannot read is reported by its position — or left out, when the caller
 * says a certificate signed that way does not matter to it ({@link Unreadable}). Also the serial
 * number in hex, as WeChat Pay names its platform certificates. Stateless and thread-safe.
 */
public final class Certificates {

    /**
     * What to do with a certificate the factory cannot read, given its signature algorithm OID (or
     * null if even that cannot be found): leave it out, or refuse the file with a hint.
     */
    public interface Unreadable {
        /** Every unreadable certificate refuses the file, with no hint. */
        Unreadable REFUSE = new Unreadable() {
        };

        /**
         * @param signatureAlgorithmOid the certificate's signature algorithm, dotted, or null
         * @return whether to leave the certificate out instead of refusing the file
         */
        default boolean skip(String signatureAlgorithmOid) {
            return false;
        }

        /**
         * @param signatureAlgorithmOid the certificate's signature algorithm, dotted, or null
         * @return what to add to the refusal (starting with {@code "; "}), or empty
         */
        default String hint(String signatureAlgorithmOid) {
            return "";
        }
    }

    private Certificates() {
    }

    /**
     * Parses exactly one certificate with the JDK's X.509 factory.
     *
     * @param setting the builder setting, for messages
     * @param text PEM or bare base64
     * @param what what the setting should hold, for messages
     * @return the certificate
     * @throws ConfigurationException if the text holds no certificate, an unreadable one, or several
     */
    public static X509Certificate one(String setting, String text, String what) {
        return one(setting, all(setting, text, what, jdkFactory(setting), Unreadable.REFUSE));
    }

    /**
     * @param setting the builder setting, for messages
     * @param parsed what {@link #all} returned
     * @return the only certificate
     * @throws ConfigurationException if there is not exactly one
     */
    public static X509Certificate one(String setting, List<X509Certificate> parsed) {
        if (parsed.size() != 1) {
            throw new ConfigurationException(setting, "holds " + parsed.size() + " certificates, expected exactly one");
        }
        return parsed.get(0);
    }

    /**
     * Parses every certificate in the text with the JDK's X.509 factory, refusing any it cannot read.
     *
     * @param setting the builder setting, for messages
     * @param text one or more PEM certificates, or the bare base64 of one
     * @param what what the setting should hold, for messages
     * @return them, in text order (for a chain: as the file orders it, not re-sorted)
     */
    public static List<X509Certificate> chain(String setting, String text, String what) {
        return all(setting, text, what, jdkFactory(setting), Unreadable.REFUSE);
    }

    /**
     * Parses every certificate in the text with the given factory.
     *
     * @param setting the builder setting, for messages
     * @param text one or more PEM certificates, or the bare base64 of one
     * @param what what the setting should hold, for messages
     * @param factory the X.509 certificate factory (the JDK's, or one of a provider that reads more)
     * @param unreadable what to do with a certificate the factory cannot read
     * @return the certificates read, in text order
     * @throws ConfigurationException if the text holds no certificate, one that is refused, or only
     *     skipped ones
     */
    public static List<X509Certificate> all(String setting, String text, String what, CertificateFactory factory,
            Unreadable unreadable) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(unreadable, "unreadable");
        List<PemBlock> blocks = PemText.decodeAll(setting, text, "CERTIFICATE", what);
        List<X509Certificate> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            byte[] der = blocks.get(i).derView();
            try {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException | ClassCastException e) {
                String oid = signatureAlgorithmOid(der);
                if (unreadable.skip(oid)) {
                    continue;
                }
                throw new ConfigurationException(setting, (blocks.size() > 1 ? "certificate " + (i + 1) + " of "
                        + blocks.size() + " " : "") + "is not a valid X.509 certificate (" + e.getMessage() + ")"
                        + unreadable.hint(oid));
            }
        }
        if (out.isEmpty()) {
            throw new ConfigurationException(setting, "holds no certificate that can be used here; paste " + what);
        }
        return List.copyOf(out);
    }

    /**
     * @param cert a certificate
     * @return its serial number in uppercase hex without leading zeros, as WeChat Pay's
     *     {@code serial_no} and {@code Wechatpay-Serial} carry it
     */
    public static String serialHex(X509Certificate cert) {
        return cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    /**
     * The signature algorithm OID of a DER certificate ({@code SEQUENCE { tbsCertificate,
     * signatureAlgorithm SEQUENCE { OID, … }, signature }}), read without parsing it, or null if the
     * bytes do not have that shape.
     *
     * @param der the certificate's bytes
     * @return the OID in dotted form, or null
     */
    public static String signatureAlgorithmOid(byte[] der) {
        List<Der.Element> parts = Der.topLevel(der);
        return parts.size() < 2 ? null : Der.algorithmOid(der, parts.get(1));
    }

    private static CertificateFactory jdkFactory(String setting) {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new ConfigurationException(setting, "no X.509 certificate factory here (" + e.getMessage() + ")");
        }
    }
}
