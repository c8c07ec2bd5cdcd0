package dev.tenderkit.core.payment.spi;

import dev.tenderkit.core.money.Money;
import java.util.Objects;

/** The answer to a refund query. */
public sealed interface RefundQueryResult {

    /**
     * The refund was made.
     *
     * @param amount its amount
     * @param raw the gateway's code
     */
    record Refunded(Money amount, GatewayCode raw) implements RefundQueryResult {
        /** Validates. */
        public Refunded {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * The wallet has the refund and is still paying it out (WeChat Pay: {@code PROCESSING}): ask
     * again later; never send it again.
     *
     * @param raw the gateway's code
     */
    record Processing(GatewayCode raw) implements RefundQueryResult {
        /** Validates. */
        public Processing {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * The wallet accepted the refund and then could not make it (WeChat Pay: {@code CLOSED}, or
     * {@code ABNORMAL} — the buyer's account or card can no longer take the money). Final; a person
     * settles it with the buyer, so the engine flags it.
     *
     * @param error the mapped cause and raw code
     */
    record Failed(GatewayError error) implements RefundQueryResult {
        /** Validates. */
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * The gateway has no such refund: the request never reached it, and may be sent again with the
     * same refund request number.
     *
     * @param raw the gateway's code
     */
    record NotFound(GatewayCode raw) implements RefundQueryResult {
        /** Validates. */
        public NotFound {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * No verified answer: ask again later.
     *
     * @param reason what went wrong
     */
    record Unknown(String reason) implements RefundQueryResult {
        /** Validates. */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
