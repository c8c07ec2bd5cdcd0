package dev.tenderkit.testkit.wechat;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the simulator injects into one request, scripted with {@link SimulatedWeChatPay#failNext(Fault)},
 * {@link SimulatedWeChatPay#failNext(String, Fault)} or {@link SimulatedWeChatPay#failPaymentCode(String, Fault)}.
 *
 * <p>{@link When} says whether the request changes the ledger first: {@link When#AFTER_LEDGER}
 * applies it (e.g. charges the buyer) and then spoils the answer, the case a client must never take
 * for "not paid"; {@link When#BEFORE_LEDGER} spoils the answer without applying anything.
 *
 * @param kind what goes wrong
 * @param when whether the request is applied to the ledger before the fault
 * @param delay for {@link Kind#SLOW}: how long the answer is held back
 * @param httpStatus for {@link Kind#HTTP_ERROR}, {@link Kind#UNSIGNED_ERROR}, {@link Kind#FORGED_ERROR}
 *     and {@link Kind#REFUSAL}: the status sent
 * @param code for {@link Kind#UNSIGNED_ERROR}, {@link Kind#FORGED_ERROR} and {@link Kind#REFUSAL}: the
 *     error code in the body
 */
public record Fault(Kind kind, When when, Duration delay, int httpStatus, String code) {

    /** What goes wrong. */
    public enum Kind {
        /** The correct, signed answer comes only after {@code delay}: beyond a client's read timeout. */
        SLOW,
        /** The TCP connection is reset (RST) without any answer. */
        RESET,
        /** A 5xx with an HTML body and no signature, as a load balancer in front of WeChat would send. */
        HTTP_ERROR,
        /** HTTP 200 with a body that is not JSON, signed over what was sent. */
        GARBAGE,
        /** The real answer, its {@code Wechatpay-Signature} made over other text. */
        BAD_SIGNATURE,
        /** A JSON error {@code {"code","message"}} with status {@code httpStatus} and no Wechatpay-* headers at all. */
        UNSIGNED_ERROR,
        /** A JSON error with status {@code httpStatus}, signed with a key that is not WeChat Pay's. */
        FORGED_ERROR,
        /** The real answer, correctly signed, but its {@code Wechatpay-Timestamp} is 6 minutes old. */
        STALE_TIMESTAMP,
        /** The real answer with a probe signature: {@code WECHATPAY/SIGNTEST/} followed by base64. */
        PROBE_SIGNATURE,
        /** A signed 500 {@code SYSTEM_ERROR}: a definite answer that the outcome is unknown. */
        SYSTEM_ERROR,
        /**
         * A correctly signed JSON refusal with status {@code httpStatus} and {@code code}: any WeChat
         * error an adapter must map (429 RATELIMIT_EXCEEDED, 500 BANK_ERROR, 403 NO_AUTH, ...).
         */
        REFUSAL
    }

    /** Whether the request is applied to the ledger before the fault. */
    public enum When {
        /** Nothing is applied. */
        BEFORE_LEDGER,
        /** The request is applied, then the answer is spoiled. */
        AFTER_LEDGER
    }

    /** Checks. */
    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(code, "code");
        if (kind == Kind.SLOW && (delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("a slow answer needs a positive delay");
        }
        if (kind == Kind.HTTP_ERROR && (httpStatus < 500 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be 500-599, was " + httpStatus);
        }
        boolean jsonError = kind == Kind.UNSIGNED_ERROR || kind == Kind.FORGED_ERROR || kind == Kind.REFUSAL;
        if (jsonError && (httpStatus < 400 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be 400-599, was " + httpStatus);
        }
        if (jsonError && code.isBlank()) {
            throw new IllegalArgumentException("an error answer needs a code, e.g. NOT_ENOUGH");
        }
        boolean needsAnswer = kind == Kind.BAD_SIGNATURE || kind == Kind.STALE_TIMESTAMP || kind == Kind.PROBE_SIGNATURE;
        if (needsAnswer && when == When.BEFORE_LEDGER) {
            throw new IllegalArgumentException(kind + " spoils the answer of an applied request: use AFTER_LEDGER");
        }
    }

    /** @return the answer is held back {@code delay} */
    public static Fault slow(Duration delay, When when) {
        return new Fault(Kind.SLOW, when, delay, 0, "");
    }

    /** @return the connection is reset without an answer */
    public static Fault reset(When when) {
        return new Fault(Kind.RESET, when, Duration.ZERO, 0, "");
    }

    /** @return an unsigned HTML 5xx */
    public static Fault httpError(int status, When when) {
        return new Fault(Kind.HTTP_ERROR, when, Duration.ZERO, status, "");
    }

    /** @return HTTP 200 with a non-JSON body */
    public static Fault garbage(When when) {
        return new Fault(Kind.GARBAGE, when, Duration.ZERO, 0, "");
    }

    /** @return the request is applied and its answer's signature does not verify */
    public static Fault badSignature() {
        return new Fault(Kind.BAD_SIGNATURE, When.AFTER_LEDGER, Duration.ZERO, 0, "");
    }

    /**
     * @param status 400–599
     * @param code e.g. {@code NOT_ENOUGH}
     * @return a JSON refusal without any signature headers (what the official SDK believes)
     */
    public static Fault unsignedError(int status, String code, When when) {
        return new Fault(Kind.UNSIGNED_ERROR, when, Duration.ZERO, status, code);
    }

    /** @return a JSON refusal signed by a key that is not WeChat Pay's */
    public static Fault forgedError(int status, String code, When when) {
        return new Fault(Kind.FORGED_ERROR, when, Duration.ZERO, status, code);
    }

    /** @return the request is applied and its correctly signed answer carries a timestamp 6 minutes old */
    public static Fault staleTimestamp() {
        return new Fault(Kind.STALE_TIMESTAMP, When.AFTER_LEDGER, Duration.ZERO, 0, "");
    }

    /** @return the request is applied and its answer carries a {@code WECHATPAY/SIGNTEST/} probe signature */
    public static Fault probeSignature() {
        return new Fault(Kind.PROBE_SIGNATURE, When.AFTER_LEDGER, Duration.ZERO, 0, "");
    }

    /**
     * @param status 400–599
     * @param code e.g. {@code RATELIMIT_EXCEEDED}, {@code BANK_ERROR}, {@code NO_AUTH}
     * @return a correctly signed refusal {@code {"code","message"}}
     */
    public static Fault refusal(int status, String code, When when) {
        return new Fault(Kind.REFUSAL, when, Duration.ZERO, status, code);
    }

    /** @return a signed 500 SYSTEM_ERROR */
    public static Fault systemError(When when) {
        return new Fault(Kind.SYSTEM_ERROR, when, Duration.ZERO, 500, "SYSTEM_ERROR");
    }
}
