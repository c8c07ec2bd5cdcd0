package dev.tenderkit.core;

/**
 * How large a JSON document TenderKit reads (capability policy, fee schedule, checkout
 * description) may be. A larger one is refused with a {@link MalformedDocumentException} as soon
 * as reading passes the limit, before anything is parsed, so a wrong or hostile file cannot
 * exhaust memory. Pass one to a reader's constructor to raise or lower the limit.
 *
 * <p>Nesting is limited too, to {@value #MAX_NESTING_DEPTH} arrays and objects inside each other;
 * that limit is not configurable (TenderKit's formats need a handful).
 *
 * @param maxBytes the largest document accepted, in bytes, 1 to {@value #MAX_BYTES_LIMIT}
 */
public record DocumentLimits(int maxBytes) {

    /** The default limit: 4 MiB, hundreds of times what a real policy or fee schedule needs. */
    public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

    /** The highest {@link #maxBytes()} allowed: 1 GiB, as a document is held whole while parsed. */
    public static final int MAX_BYTES_LIMIT = 1024 * 1024 * 1024;

    /** The deepest nesting of arrays and objects a document may have. */
    public static final int MAX_NESTING_DEPTH = 64;

    /**
     * @throws ConfigurationException ({@code maxBytes}) if {@code maxBytes} is outside 1 to
     *     {@value #MAX_BYTES_LIMIT}
     */
    public DocumentLimits {
        if (maxBytes < 1 || maxBytes > MAX_BYTES_LIMIT) {
            throw new ConfigurationException("maxBytes", maxBytes + " is outside 1.." + MAX_BYTES_LIMIT
                    + " bytes (1 GiB); the default is " + DEFAULT_MAX_BYTES + " (4 MiB)");
        }
    }

    /** @return the default limits: {@value #DEFAULT_MAX_BYTES} bytes (4 MiB) */
    public static DocumentLimits defaults() {
        return new DocumentLimits(DEFAULT_MAX_BYTES);
    }

    /** @return the limit in words, e.g. {@code "4 MiB (4194304 bytes)"} */
    public String describeMaxBytes() {
        return describe(maxBytes) + (maxBytes >= 1024 ? " (" + maxBytes + " bytes)" : "");
    }

    private static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
