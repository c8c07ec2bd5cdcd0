package dev.tenderkit.alipay;

import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import java.util.Objects;
import java.util.Optional;

/** What one Alipay call's answer means, after verification and code mapping ({@link AlipayCodes}). */
sealed interface AlipayOutcome {

    /** {@code 10000}. @param reply the verified reply */
    record Success(AlipayReply reply) implements AlipayOutcome {
        /** Validates. */
        public Success {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** {@code 10003}: the buyer must confirm (password); query until paid or the deadline. @param reply the reply */
    record UserPaying(AlipayReply reply) implements AlipayOutcome {
        /** Validates. */
        public UserPaying {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * A definite, verified refusal.
     *
     * @param error the mapped cause and the raw code
     * @param reply the reply
     */
    record Refused(GatewayError error, AlipayReply reply) implements AlipayOutcome {
        /** Validates. */
        public Refused {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * Nothing definite: {@code 20000}, a system error, an unknown code or an unverifiable answer.
     * Query; never assume.
     *
     * @param reason for logs
     * @param raw the code, when a verified reply carried one
     */
    record Unknown(String reason, Optional<GatewayCode> raw) implements AlipayOutcome {
        /** Validates. */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(raw, "raw");
        }
    }
}
