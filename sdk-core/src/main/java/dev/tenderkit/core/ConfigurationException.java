package dev.tenderkit.core;

import java.util.Objects;

/**
 * A builder's {@code build()} found a setting that cannot work. The message names the setting and
 * says what to do about it.
 */
public class ConfigurationException extends TenderKitException {
    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting the builder setting at fault, e.g. {@code "policy"}
     * @param problem what is wrong and what to do
     */
    public ConfigurationException(String setting, String problem) {
        super(ErrorCode.INVALID_CONFIGURATION, Objects.requireNonNull(setting, "setting") + ": " + problem);
        this.setting = setting;
    }

    /** @return the setting at fault */
    public String setting() {
        return setting;
    }
}
