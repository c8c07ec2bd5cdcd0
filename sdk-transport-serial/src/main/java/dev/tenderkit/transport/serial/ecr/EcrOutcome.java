package dev.tenderkit.transport.serial.ecr;

import java.util.Objects;

/**
 * What became of a request an {@link EcrHost} sent. Only {@link Answered} says anything about the
 * transaction; the two others say what to do next, and never imply it failed.
 */
public sealed interface EcrOutcome {

    /**
     * The terminal answered.
     *
     * @param response its answer
     */
    record Answered(EcrResponse response) implements EcrOutcome {
        /** Checks the response is present. */
        public Answered {
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * The request never left: nothing can have run. Sending it again with the same id is safe.
     *
     * @param reason in words, e.g. {@code "link down"}
     */
    record NotSent(String reason) implements EcrOutcome {
        /** Checks the reason is present. */
        public NotSent {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The request may have reached the terminal, but no answer came: the transaction may have run.
     * Ask with {@link EcrHost#lastResult(String, String)} (or send the same request again with the
     * same id, which the terminal never runs twice) before telling the cashier anything.
     *
     * @param reason in words, e.g. {@code "no response within PT60S"}
     */
    record Unknown(String reason) implements EcrOutcome {
        /** Checks the reason is present. */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
