package dev.tenderkit.core;

import java.util.Objects;

/**
 * Root of TenderKit's exception hierarchy. Every exception TenderKit throws on purpose is one of
 * these, unchecked, and carries a stable {@link ErrorCode} so callers can react without parsing
 * messages. Messages are in English and name what was wrong.
 */
public class TenderKitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code the stable code
     * @param message what went wrong, naming the offending input
     */
    public TenderKitException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code the stable code
     * @param message what went wrong, naming the offending input
     * @param cause the underlying failure
     */
    public TenderKitException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the stable error code */
    public ErrorCode code() {
        return code;
    }
}
