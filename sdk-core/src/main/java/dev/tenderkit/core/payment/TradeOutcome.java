package dev.tenderkit.core.payment;

import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a payment ended, as the cashier screen needs it. Every outcome but {@link Refused} (refused
 * before anything was sent) has a trade: {@link #record()} reads it without a branch per kind.
 */
public sealed interface TradeOutcome {

    /** @return the trade record as it stood when the outcome was decided; empty for {@link Refused} */
    Optional<TradeRecord> record();

    /**
     * Paid.
     *
     * @param trade the trade record
     * @param payment the payment, with the funding source (e.g. Huabei)
     * @param fee the merchant's fee, when priced
     * @param net what the merchant receives, when priced
     */
    record Paid(TradeRecord trade, Payment payment, Optional<Money> fee, Optional<Money> net) implements TradeOutcome {
        /** Validates. */
        public Paid {
            Objects.requireNonNull(trade, "trade");
            Objects.requireNonNull(payment, "payment");
            Objects.requireNonNull(fee, "fee");
            Objects.requireNonNull(net, "net");
        }

        @Override
        public Optional<TradeRecord> record() {
            return Optional.of(trade);
        }
    }

    /**
     * Refused by the wallet after an attempt; nothing was charged. {@code error.isBuyerSide()} tells
     * the cashier whether the buyer must act (balance, payment code) or the merchant.
     *
     * @param trade the trade record
     * @param error the mapped cause and the wallet's raw code
     */
    record Failed(TradeRecord trade, GatewayError error) implements TradeOutcome {
        /** Validates. */
        public Failed {
            Objects.requireNonNull(trade, "trade");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public Optional<TradeRecord> record() {
            return Optional.of(trade);
        }
    }

    /**
     * Not paid by the deadline (or the outcome stayed unknown), or cancelled by the cashier
     * ({@link TradeRecord#cancelled()}), and reversed: nothing stays charged.
     *
     * @param trade the trade record
     */
    record Reversed(TradeRecord trade) implements TradeOutcome {
        /** Validates. */
        public Reversed {
            Objects.requireNonNull(trade, "trade");
        }

        @Override
        public Optional<TradeRecord> record() {
            return Optional.of(trade);
        }
    }

    /**
     * Refused before anything was sent: the capability resolver's findings say why and what to do.
     *
     * @param method the method that was resolved
     * @param findings the blocking findings
     */
    record Refused(PaymentMethod method, List<Finding> findings) implements TradeOutcome {
        /** Copies. */
        public Refused {
            Objects.requireNonNull(method, "method");
            findings = List.copyOf(findings);
        }

        @Override
        public Optional<TradeRecord> record() {
            return Optional.empty();
        }
    }

    /**
     * The reversal could not be confirmed after the configured attempts: the trade is flagged for a
     * person ({@link TradeRecord#attention()}), and the engine keeps retrying the reversal.
     *
     * @param trade the trade record
     */
    record Unresolved(TradeRecord trade) implements TradeOutcome {
        /** Validates. */
        public Unresolved {
            Objects.requireNonNull(trade, "trade");
        }

        @Override
        public Optional<TradeRecord> record() {
            return Optional.of(trade);
        }
    }
}
