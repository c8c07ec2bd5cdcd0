/**
 * TenderKit's model and engine: money, payment methods, terminal / merchant / channel profiles,
 * the capability resolver and its rule SPI, fees and routing, health checks, key handling, time,
 * and the payment engine with its journal and the wallet SPI. Depends on slf4j-api and
 * jackson-core only.
 *
 * <p>Every package is exported except {@code dev.tenderkit.core.internal} and its subpackages
 * (text and JSON reading used inside core alone). Capability rules are also found through
 * {@link java.util.ServiceLoader} ({@code uses}), which is how a wallet module contributes its own.
 */
module dev.tenderkit.core {
    requires org.slf4j;
    requires com.fasterxml.jackson.core;

    exports dev.tenderkit.core;
    exports dev.tenderkit.core.capability;
    exports dev.tenderkit.core.capability.rules;
    exports dev.tenderkit.core.channel;
    exports dev.tenderkit.core.crypto;
    exports dev.tenderkit.core.fee;
    exports dev.tenderkit.core.health;
    exports dev.tenderkit.core.health.checks;
    exports dev.tenderkit.core.merchant;
    exports dev.tenderkit.core.method;
    exports dev.tenderkit.core.money;
    exports dev.tenderkit.core.operator;
    exports dev.tenderkit.core.payment;
    exports dev.tenderkit.core.payment.journal;
    exports dev.tenderkit.core.payment.spi;
    exports dev.tenderkit.core.reconcile;
    exports dev.tenderkit.core.terminal;
    exports dev.tenderkit.core.time;

    uses dev.tenderkit.core.capability.CapabilityRule;
}
