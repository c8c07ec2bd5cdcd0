package dev.tenderkit.transport.serial.ecr;

import dev.tenderkit.core.InvalidInputException;
import java.util.Objects;

/** Checks of the ECR message fields, shared by the message records and the codec. */
final class EcrFields {

    private EcrFields() {
    }

    /** Request ids: 1 to 32 of {@code A-Z a-z 0-9 _ -}. */
    static String requestId(String field, String value) {
        return token(field, value, 32, false);
    }

    /** Order and trade numbers: 1 to 64 of {@code A-Z a-z 0-9 _ - .}. */
    static String reference(String field, String value) {
        return token(field, value, 64, true);
    }

    private static String token(String field, String value, int max, boolean allowDot) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > max) {
            throw new InvalidInputException(field, "must be 1 to " + max + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' || (c == '.' && allowDot);
            if (!ok) {
                throw new InvalidInputException(field, "character " + (i + 1) + " is not allowed; use A-Z a-z 0-9 _ -"
                        + (allowDot ? " ." : ""));
            }
        }
        return value;
    }

    /** Free text (funding source, reason): 1 to 128 characters, no control characters. */
    static String text(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > 128) {
            throw new InvalidInputException(field, "must be 1 to 128 characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidInputException(field, "contains a control character at position " + (i + 1));
            }
        }
        return value;
    }
}
