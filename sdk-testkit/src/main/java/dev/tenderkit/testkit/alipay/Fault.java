package dev.tenderkit.testkit.alipay;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the simulator injects into one request, scripted with {@link SimulatedAlipay#failNext(Fault)},
 * {@link SimulatedAlipay#failNext(String, Fault)} or {@link SimulatedAlipay#failPaymentCode(String, Fault)}.
 *
 * <p>{@link When} says whether the simulator changes its ledger first: {@link When#AFTER_LEDGER}
 * applies the request (e.g. charges the buyer) and then spoils the answer, which is the case a
 * client must never take for "not paid"; {@link When#BEFORE_LEDGER} spoils the answer without
 * applying anything.
 *
 * @param kind what goes wrong
 * @param when whether the request is applied to the ledger before the fault
 * @param delay for {@link Kind#SLOW}: how long the answer is held back
 * @param httpStatus for {@link Kind#HTTP_ERROR}: the status sent (500–599)
 */
public record Fault(Kind kind, When when, Duration delay, int httpStatus) {

    /** What goes wrong. */
    public enum Kind {
        /** The (correct, signed) answer is sent only after {@code delay}: beyond a client's read timeout. */
        SLOW,
        /** The TCP connection is reset (RST) without any answer. */
        RESET,
        /** An HTTP 5xx with a plain-text body, as a load balancer in front of the gateway would send. */
        HTTP_ERROR,
        /** HTTP 200 with a body that is not JSON. */
        GARBAGE,
        /** The real answer, whose {@code sign} does not verify (signed over different text). */
        BAD_SIGNATURE,
        /** A signed answer with code 20000 (isp.unknow-error): outcome unknown. */
        SYSTEM_ERROR
    }

    /** Whether the request is applied to the ledger before the fault. */
    public enum When {
        /** Nothing is applied: the fault happens before the wallet processes the request. */
        BEFORE_LEDGER,
        /** The request is applied, then the answer is spoiled. */
        AFTER_LEDGER
    }

    /** Checks. */
    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(delay, "delay");
        if (kind == Kind.SLOW && (delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("a slow answer needs a positive delay");
        }
        if (kind == Kind.HTTP_ERROR && (httpStatus < 500 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be 500-599, was " + httpStatus);
        }
        if (kind == Kind.BAD_SIGNATURE && when == When.BEFORE_LEDGER) {
            throw new IllegalArgumentException("a wrongly signed answer is the answer of an applied request: use AFTER_LEDGER");
        }
    }

    /** @return the answer is held back {@code delay} (the request applied {@code when}) */
    public static Fault slow(Duration delay, When when) {
        return new Fault(Kind.SLOW, when, delay, 0);
    }

    /** @return the connection is reset without an answer */
    public static Fault reset(When when) {
        return new Fault(Kind.RESET, when, Duration.ZERO, 0);
    }

    /** @return an HTTP error status (500–599) instead of the answer */
    public static Fault httpError(int status, When when) {
        return new Fault(Kind.HTTP_ERROR, when, Duration.ZERO, status);
    }

    /** @return HTTP 200 with a non-JSON body */
    public static Fault garbage(When when) {
        return new Fault(Kind.GARBAGE, when, Duration.ZERO, 0);
    }

    /** @return the request is applied and its answer carries a signature that does not verify */
    public static Fault badSignature() {
        return new Fault(Kind.BAD_SIGNATURE, When.AFTER_LEDGER, Duration.ZERO, 0);
    }

    /** @return a signed 20000 answer */
    public static Fault systemError(When when) {
        return new Fault(Kind.SYSTEM_ERROR, when, Duration.ZERO, 0);
    }
}
