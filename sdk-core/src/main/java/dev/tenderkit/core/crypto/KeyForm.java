package dev.tenderkit.core.crypto;

import dev.tenderkit.core.crypto.Der.Element;
import java.util.List;
import java.util.Optional;

/**
 * What a block of key text is, by its PEM label or, for bare base64, by the shape of its DER: enough
 * to tell a merchant who pasted the wrong thing what they pasted and what belongs there instead.
 * {@link #of(PemBlock)} never throws.
 */
public enum KeyForm {
    /** A PKCS#8 PrivateKeyInfo ({@code BEGIN PRIVATE KEY}), of any algorithm. */
    PKCS8_PRIVATE_KEY("a PKCS#8 private key"),
    /** A PKCS#8 EncryptedPrivateKeyInfo ({@code BEGIN ENCRYPTED PRIVATE KEY}), behind a passphrase. */
    ENCRYPTED_PRIVATE_KEY("an encrypted PKCS#8 private key"),
    /** A PKCS#1 RSAPrivateKey ({@code BEGIN RSA PRIVATE KEY}). */
    PKCS1_RSA_PRIVATE_KEY("a PKCS#1 RSA private key"),
    /** A SEC1 ECPrivateKey ({@code BEGIN EC PRIVATE KEY}). */
    SEC1_EC_PRIVATE_KEY("an SEC1 EC private key"),
    /** An X.509 SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}), of any algorithm. */
    PUBLIC_KEY("a public key (X.509 SubjectPublicKeyInfo)"),
    /** A PKCS#1 RSAPublicKey ({@code BEGIN RSA PUBLIC KEY}). */
    PKCS1_RSA_PUBLIC_KEY("a PKCS#1 RSA public key"),
    /** An X.509 certificate ({@code BEGIN CERTIFICATE}). */
    CERTIFICATE("a certificate"),
    /** None of the above. */
    UNKNOWN("not a key or certificate TenderKit knows");

    static final String RSA_OID = "1.2.840.113549.1.1.1";
    static final String EC_OID = "1.2.840.10045.2.1";

    private final String description;

    KeyForm(String description) {
        this.description = description;
    }

    /** @return what it is, as a phrase for messages ("a public key (X.509 SubjectPublicKeyInfo)") */
    public String description() {
        return description;
    }

    /** @return whether this form holds a private key (readable or not) */
    public boolean isPrivate() {
        return this == PKCS8_PRIVATE_KEY || this == ENCRYPTED_PRIVATE_KEY || this == PKCS1_RSA_PRIVATE_KEY
                || this == SEC1_EC_PRIVATE_KEY;
    }

    /**
     * @param block decoded key text
     * @return its form: by the PEM label when there is a known one, else by the DER
     */
    public static KeyForm of(PemBlock block) {
        return switch (block.label()) {
            case "PRIVATE KEY" -> PKCS8_PRIVATE_KEY;
            case "ENCRYPTED PRIVATE KEY" -> ENCRYPTED_PRIVATE_KEY;
            case "RSA PRIVATE KEY" -> PKCS1_RSA_PRIVATE_KEY;
            case "EC PRIVATE KEY" -> SEC1_EC_PRIVATE_KEY;
            case "PUBLIC KEY" -> PUBLIC_KEY;
            case "RSA PUBLIC KEY" -> PKCS1_RSA_PUBLIC_KEY;
            case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE" -> CERTIFICATE;
            default -> ofDer(block.derView());
        };
    }

    private static KeyForm ofDer(byte[] der) {
        List<Element> parts = Der.topLevel(der);
        if (parts.size() < 2) {
            return UNKNOWN;
        }
        int first = parts.get(0).tag();
        int second = parts.get(1).tag();
        if (first == Der.INTEGER) {
            if (second == Der.SEQUENCE) {
                return PKCS8_PRIVATE_KEY; // version, AlgorithmIdentifier, OCTET STRING
            }
            if (second == Der.OCTET_STRING) {
                return SEC1_EC_PRIVATE_KEY; // version 1, privateKey OCTET STRING, [0] parameters, [1] publicKey
            }
            if (second == Der.INTEGER) {
                // RSAPublicKey is (modulus, exponent); RSAPrivateKey is (version, modulus, exponent, …)
                return parts.size() == 2 ? PKCS1_RSA_PUBLIC_KEY : PKCS1_RSA_PRIVATE_KEY;
            }
        } else if (first == Der.SEQUENCE) {
            if (second == Der.BIT_STRING) {
                return PUBLIC_KEY; // AlgorithmIdentifier, subjectPublicKey
            }
            if (second == Der.OCTET_STRING) {
                return ENCRYPTED_PRIVATE_KEY; // encryptionAlgorithm, encryptedData
            }
            if (second == Der.SEQUENCE && parts.size() == 3) {
                return CERTIFICATE; // tbsCertificate, signatureAlgorithm, signature
            }
        }
        return UNKNOWN;
    }

    /**
     * The key algorithm a block holds, as the JCA names it: {@code "RSA"} or {@code "EC"} (SM2 keys are
     * EC keys), else the algorithm's OID; empty for a certificate, an encrypted key or unknown bytes.
     *
     * @param block decoded key text
     * @return the algorithm, if the block says
     */
    public static Optional<String> keyAlgorithm(PemBlock block) {
        KeyForm form = of(block);
        if (form == PKCS1_RSA_PRIVATE_KEY || form == PKCS1_RSA_PUBLIC_KEY) {
            return Optional.of("RSA");
        }
        if (form == SEC1_EC_PRIVATE_KEY) {
            return Optional.of("EC");
        }
        if (form != PKCS8_PRIVATE_KEY && form != PUBLIC_KEY) {
            return Optional.empty();
        }
        byte[] der = block.derView();
        List<Element> parts = Der.topLevel(der);
        if (parts.size() < 2) {
            return Optional.empty();
        }
        String oid = Der.algorithmOid(der, form == PUBLIC_KEY ? parts.get(0) : parts.get(1));
        if (oid == null) {
            return Optional.empty();
        }
        return Optional.of(switch (oid) {
            case RSA_OID -> "RSA";
            case EC_OID -> "EC";
            default -> oid;
        });
    }
}
