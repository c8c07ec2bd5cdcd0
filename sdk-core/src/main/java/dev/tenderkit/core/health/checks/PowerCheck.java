package dev.tenderkit.core.health.checks;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.health.HealthCheck;
import dev.tenderkit.core.health.HealthCheckContext;
import dev.tenderkit.core.health.HealthItem;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Will the terminal stay on through a payment? On battery power, WARN at or below
 * {@code lowPercent}, FAIL at or below {@code criticalPercent}, affecting every method: a terminal
 * that dies between "pay" and the wallet's answer leaves a payment whose outcome must be recovered.
 * On external power, or without a battery, it is OK. Item {@code power}.
 *
 * <p>Defaults 15 % and 5 %: Android's own low- and critical-battery levels
 * ({@code config_lowBatteryWarningLevel} 15 and {@code config_criticalBatteryWarningLevel} 5 in
 * AOSP's {@code frameworks/base/core/res/res/values/config.xml}), which most Android POS terminals
 * keep, so the SDK agrees with the warnings the cashier already sees. A battery reading is cheap and
 * a battery drains within minutes: register it for {@link dev.tenderkit.core.health.CheckDepth#QUICK}
 * runs. Immutable and thread-safe.
 */
public final class PowerCheck implements HealthCheck {
    /** The check id and its item's id. */
    public static final String ID = "power";
    /** Default WARN level, in percent. */
    public static final int DEFAULT_LOW_PERCENT = 15;
    /** Default FAIL level, in percent. */
    public static final int DEFAULT_CRITICAL_PERCENT = 5;

    private final PowerSource source;
    private final int lowPercent;
    private final int criticalPercent;

    private PowerCheck(Builder b) {
        this.source = b.source;
        this.lowPercent = b.lowPercent;
        this.criticalPercent = b.criticalPercent;
    }

    /** @return a builder; a source is required */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HealthItem> check(HealthCheckContext context) {
        Optional<PowerReading> reading = source.read();
        if (reading.isEmpty()) {
            return List.of(HealthItem.ok(ID, LocalizedText.of("无电池，由外部电源供电", "no battery: powered from mains")));
        }
        PowerReading r = reading.get();
        int level = r.levelPercent();
        if (r.externallyPowered()) {
            return List.of(HealthItem.ok(ID, LocalizedText.of("电量 " + level + "%，已接外部电源" + (r.charging() ? "，正在充电" : ""),
                    "battery " + level + " %, on external power" + (r.charging() ? ", charging" : ""))));
        }
        LocalizedText detail = LocalizedText.of("电量 " + level + "%，使用电池供电", "battery " + level + " %, on battery power");
        if (level <= criticalPercent) {
            return List.of(HealthItem.fail(ID, detail,
                    LocalizedText.of("立即接上电源：终端可能在支付过程中关机", "connect the terminal to power now: it may "
                            + "shut down in the middle of a payment"),
                    Set.of()));
        }
        if (level <= lowPercent) {
            return List.of(HealthItem.warn(ID, detail,
                    LocalizedText.of("尽快接上充电器；电量降到 " + criticalPercent + "% 时将停止收款",
                            "connect the charger soon; at " + criticalPercent + " % payments stop"),
                    Set.of()));
        }
        return List.of(HealthItem.ok(ID, detail));
    }

    /** Configures the check; {@link #build()} validates and names the wrong setting. Not thread-safe. */
    public static final class Builder {
        private PowerSource source;
        private int lowPercent = DEFAULT_LOW_PERCENT;
        private int criticalPercent = DEFAULT_CRITICAL_PERCENT;

        private Builder() {
        }

        /** @param source the platform's battery reading; required */
        public Builder source(PowerSource source) {
            this.source = source;
            return this;
        }

        /** @param percent WARN at or below this level on battery; default {@link #DEFAULT_LOW_PERCENT} */
        public Builder lowPercent(int percent) {
            this.lowPercent = percent;
            return this;
        }

        /** @param percent FAIL at or below this level on battery; default {@link #DEFAULT_CRITICAL_PERCENT} */
        public Builder criticalPercent(int percent) {
            this.criticalPercent = percent;
            return this;
        }

        /** @return the check */
        public PowerCheck build() {
            if (source == null) {
                throw new ConfigurationException("source", "a power check needs a power source");
            }
            if (criticalPercent < 0 || criticalPercent >= 100) {
                throw new ConfigurationException("criticalPercent", "must be 0..99, got " + criticalPercent);
            }
            if (lowPercent <= criticalPercent || lowPercent > 100) {
                throw new ConfigurationException("lowPercent", "must be above criticalPercent " + criticalPercent
                        + " and at most 100, got " + lowPercent);
            }
            return new PowerCheck(this);
        }
    }
}
