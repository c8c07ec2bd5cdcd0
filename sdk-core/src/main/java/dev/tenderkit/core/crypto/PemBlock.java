package dev.tenderkit.core.crypto;

import java.util.Objects;

/**
 * One decoded block of key or certificate text: the PEM label ({@code "PRIVATE KEY"},
 * {@code "CERTIFICATE"}, …), empty when the text was bare base64, and the DER bytes.
 *
 * <p>Immutable: {@link #der()} hands out a copy. Its {@code toString} names the label and the size,
 * never the bytes, so a block may be logged.
 */
public final class PemBlock {
    private final String label;
    private final byte[] der;

    /**
     * @param label the PEM label, empty for bare base64
     * @param der the decoded bytes
     */
    public PemBlock(String label, byte[] der) {
        this.label = Objects.requireNonNull(label, "label");
        this.der = Objects.requireNonNull(der, "der").clone();
    }

    /** @return the PEM label ({@code "RSA PRIVATE KEY"}, …), or empty if the text was bare base64 */
    public String label() {
        return label;
    }

    /** @return whether the text had no PEM armour (the one-line base64 form wallets' key tools show) */
    public boolean isBare() {
        return label.isEmpty();
    }

    /** @return a copy of the DER bytes */
    public byte[] der() {
        return der.clone();
    }

    /** The bytes without a copy, for this package's parsers, which never change them. */
    byte[] derView() {
        return der;
    }

    @Override
    public String toString() {
        return "PemBlock[" + (isBare() ? "bare base64" : label) + ", " + der.length + " bytes]";
    }
}
