package dev.tenderkit.core.payment.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A gateway's own answer code, kept verbatim next to the mapped cause so that support can always
 * see what the wallet actually said (e.g. Alipay {@code 40004} / {@code ACQ.PAYMENT_AUTH_CODE_INVALID}).
 *
 * @param code the gateway's code, e.g. {@code 40004} or an HTTP status
 * @param subCode the gateway's sub-code, if any
 * @param message the gateway's message, if any (may be Chinese)
 */
public record GatewayCode(String code, Optional<String> subCode, String message) {
    /** Validates. */
    public GatewayCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subCode, "subCode");
        Objects.requireNonNull(message, "message");
    }

    /** @return a code with neither sub-code nor message */
    public static GatewayCode of(String code) {
        return new GatewayCode(code, Optional.empty(), "");
    }

    /** @return {@code code/subCode message} */
    @Override
    public String toString() {
        return code + subCode.map(s -> "/" + s).orElse("") + (message.isEmpty() ? "" : " " + message);
    }
}
