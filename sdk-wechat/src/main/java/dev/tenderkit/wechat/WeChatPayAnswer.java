package dev.tenderkit.wechat;

import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import java.util.Objects;

/**
 * What one call to WeChat Pay came to, after transport, signature and the code table: a verified
 * success, a verified definite refusal, or no outcome ({@link Unknown}, or {@link NotSent} when the
 * transport proves nothing left). Binding an answer to its request is the gateway's.
 */
sealed interface WeChatPayAnswer {

    /** @return why there is no verified outcome, or the answer itself */
    default String reason() {
        return String.valueOf(this);
    }

    /**
     * A verified 2xx answer.
     *
     * @param status the HTTP status (200, 202, 204)
     * @param body its JSON body ({@link JsonObject#EMPTY} for none)
     */
    record Ok(int status, JsonObject body) implements WeChatPayAnswer {
        /** Validates. */
        public Ok {
            Objects.requireNonNull(body, "body");
        }

        /** @return the raw code of this answer: the status and {@code trade_state} or {@code status} */
        GatewayCode raw() {
            return new GatewayCode(Integer.toString(status), body.string("trade_state").or(() -> body.string("status")),
                    body.string("trade_state_desc").orElse(""));
        }
    }

    /**
     * A verified 4xx answer with WeChat's error code: a definite refusal.
     *
     * @param error the mapped cause and raw code
     * @param body its JSON body
     */
    record Refused(GatewayError error, JsonObject body) implements WeChatPayAnswer {
        /** Validates. */
        public Refused {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(body, "body");
        }

        /** @return WeChat's code */
        String code() {
            return error.raw().subCode().orElse("");
        }
    }

    /** @param reason why the outcome is unknown */
    record Unknown(String reason) implements WeChatPayAnswer {
    }

    /** @param reason why nothing left */
    record NotSent(String reason) implements WeChatPayAnswer {
    }
}
