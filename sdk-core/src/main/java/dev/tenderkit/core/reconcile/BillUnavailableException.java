package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;

/**
 * A wallet's bill could not be fetched: the request failed or was refused, the answer could not be verified,
 * the download link expired, or the file is larger than the configured limit. Nothing of it was believed;
 * ask again later. Carries {@link ErrorCode#BILL_UNAVAILABLE}.
 */
public class BillUnavailableException extends TenderKitException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the wallet, the day and the step */
    public BillUnavailableException(String message) {
        super(ErrorCode.BILL_UNAVAILABLE, message);
    }

    /** As {@link #BillUnavailableException(String)}, with the cause. */
    public BillUnavailableException(String message, Throwable cause) {
        super(ErrorCode.BILL_UNAVAILABLE, message, cause);
    }
}
