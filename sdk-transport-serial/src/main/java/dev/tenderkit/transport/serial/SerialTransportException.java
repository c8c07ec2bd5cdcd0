package dev.tenderkit.transport.serial;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import java.util.Objects;

/**
 * A serial link could not do what was asked: the port is missing, the link is not open, a write
 * failed. {@link #failure()} says which, stably.
 *
 * <p>sdk-core has no error code for transport failures yet, so this exception carries
 * {@link ErrorCode#EXTENSION_FAILURE} as its {@link #code()}; switch on {@link #failure()} instead.
 */
public class SerialTransportException extends TenderKitException {
    private static final long serialVersionUID = 1L;

    private final SerialFailure failure;

    /**
     * @param failure the stable reason
     * @param message what went wrong, naming the port
     */
    public SerialTransportException(SerialFailure failure, String message) {
        super(ErrorCode.EXTENSION_FAILURE, Objects.requireNonNull(failure, "failure") + ": " + message);
        this.failure = failure;
    }

    /** @return the stable reason */
    public SerialFailure failure() {
        return failure;
    }
}
