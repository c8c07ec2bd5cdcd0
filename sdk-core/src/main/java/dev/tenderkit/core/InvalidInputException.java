package dev.tenderkit.core;

import java.util.Objects;

/**
 * Bad input handed to an API: an amount with three decimals, an empty brand, an unknown method id.
 * The message says which input ({@link #field()}) and why.
 */
public class InvalidInputException extends TenderKitException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param code the stable code, e.g. {@link ErrorCode#INVALID_AMOUNT}
     * @param field the name of the offending input, e.g. {@code "amount"}
     * @param problem what is wrong with it
     */
    public InvalidInputException(ErrorCode code, String field, String problem) {
        super(code, Objects.requireNonNull(field, "field") + ": " + problem);
        this.field = field;
    }

    /** Shorthand for {@link ErrorCode#INVALID_ARGUMENT}. */
    public InvalidInputException(String field, String problem) {
        this(ErrorCode.INVALID_ARGUMENT, field, problem);
    }

    /** @return the name of the offending input */
    public String field() {
        return field;
    }
}
