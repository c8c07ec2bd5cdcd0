package dev.tenderkit.core.health.checks;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.MethodRequirements;
import dev.tenderkit.core.capability.TerminalCertification;
import dev.tenderkit.core.health.HealthCheck;
import dev.tenderkit.core.health.HealthCheckContext;
import dev.tenderkit.core.health.HealthItem;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Is the terminal software recent enough? Compares the terminal's software version with the
 * minimum versions the platform policy certifies for its brand and model
 * ({@link TerminalCertification}), for the methods that need certification:
 *
 * <ul>
 *   <li>{@code terminal.software.update-required}, FAIL: below the certified minimum of a method
 *       the terminal <em>needs</em> (the methods its merchant means to take). It affects exactly
 *       those methods.
 *   <li>{@code terminal.software.not-certified}, WARN: a needed method is certified at no version
 *       of this brand and model; an update will not help (the resolver refuses it as
 *       {@code TERMINAL_NOT_CERTIFIED}).
 *   <li>{@code terminal.software.update-available}, WARN: an update would enable methods the
 *       terminal does not need now. It affects exactly those methods.
 *   <li>{@code terminal.software}, OK: every needed method is certified at this version.
 * </ul>
 *
 * <p>The policy is read on every check through a supplier (such as {@code resolver::policy}), so
 * a hot-reloaded policy counts at the next run. The version changes only with an update: register it
 * for {@link dev.tenderkit.core.health.CheckDepth#FULL} runs. Immutable and thread-safe.
 */
public final class SoftwareVersionCheck implements HealthCheck {
    /** The check id and prefix of its items. */
    public static final String ID = "terminal.software";

    private final TerminalProfile terminal;
    private final Supplier<CapabilityPolicy> policy;
    private final Set<PaymentMethod> needed;
    private final PaymentMethodRegistry registry;

    private SoftwareVersionCheck(Builder b) {
        this.terminal = b.terminal;
        this.policy = b.policy;
        this.needed = Set.copyOf(b.needed);
        this.registry = b.registry;
    }

    /** @return a builder; the terminal, the policy and the needed methods are required */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HealthItem> check(HealthCheckContext context) {
        CapabilityPolicy p = Objects.requireNonNull(policy.get(), "the policy supplier returned null");
        SoftwareVersion current = terminal.softwareVersion();
        TerminalCertification cert = p.certificationOrNull(terminal);

        Map<PaymentMethod, SoftwareVersion> required = new LinkedHashMap<>();
        List<PaymentMethod> uncertified = new ArrayList<>();
        for (PaymentMethod m : registry.all()) { // registry order: stable messages
            if (!needed.contains(m) || !certificationRequired(p, m)) {
                continue;
            }
            SoftwareVersion min = cert == null ? null : cert.minimumVersions().get(m.id());
            if (min == null) {
                uncertified.add(m);
            } else if (current.isBelow(min)) {
                required.put(m, min);
            }
        }
        Map<PaymentMethod, SoftwareVersion> available = new LinkedHashMap<>();
        if (cert != null) {
            // By minimum version, then in registry order (the sort is stable).
            registry.all().stream()
                    .filter(m -> cert.minimumVersions().containsKey(m.id()))
                    .map(m -> Map.entry(m, cert.minimumVersions().get(m.id())))
                    .filter(e -> !needed.contains(e.getKey()) && certificationRequired(p, e.getKey())
                            && current.isBelow(e.getValue()))
                    .sorted(Map.Entry.comparingByValue())
                    .forEach(e -> available.put(e.getKey(), e.getValue()));
        }

        List<HealthItem> items = new ArrayList<>();
        if (!required.isEmpty()) {
            SoftwareVersion target = highest(required);
            items.add(HealthItem.fail(ID + ".update-required",
                    LocalizedText.of("终端软件 " + current + " 低于所需支付方式的认证最低版本：" + list(required, true),
                            "terminal software " + current + " is below the certified minimum for: " + list(required, false)),
                    LocalizedText.of("将终端软件从 " + current + " 升级到 " + target + " 或更高版本",
                            "upgrade the terminal software from " + current + " to " + target + " or later"),
                    Set.of()).onlyFor(required.keySet()));
        }
        if (!uncertified.isEmpty()) {
            String zh = uncertified.stream().map(m -> m.name().zh()).collect(Collectors.joining("、"));
            String en = uncertified.stream().map(m -> m.name().en()).collect(Collectors.joining(", "));
            items.add(HealthItem.warn(ID + ".not-certified",
                    LocalizedText.of("平台策略 " + p.version() + " 未认证 " + terminal.displayName() + " 的任何软件版本支持：" + zh,
                            "platform policy " + p.version() + " certifies no software version of "
                                    + terminal.displayName() + " for: " + en),
                    LocalizedText.of("升级软件无济于事：改用已认证的终端，或请 " + terminal.brand() + " 为该型号申请认证",
                            "a software update will not help: use a terminal certified for them, or ask "
                                    + terminal.brand() + " to get this model certified"),
                    Set.of()).onlyFor(new LinkedHashSet<>(uncertified)));
        }
        if (required.isEmpty() && uncertified.isEmpty()) {
            items.add(HealthItem.ok(ID, LocalizedText.of(
                    "终端软件 " + current + " 满足平台策略 " + p.version() + " 下所有所需支付方式的认证最低版本",
                    "terminal software " + current + " meets the certified minimum of every needed method under "
                            + "platform policy " + p.version())));
        }
        if (!available.isEmpty()) {
            SoftwareVersion target = highest(available);
            items.add(HealthItem.warn(ID + ".update-available",
                    LocalizedText.of("有可用更新：升级后可开通 " + list(available, true),
                            "an update is available that enables: " + list(available, false)),
                    LocalizedText.of("如需这些支付方式，将终端软件从 " + current + " 升级到 " + target,
                            "to offer them, upgrade the terminal software from " + current + " to " + target),
                    Set.of()).onlyFor(available.keySet()));
        }
        return items;
    }

    private static boolean certificationRequired(CapabilityPolicy p, PaymentMethod m) {
        MethodRequirements req = p.requirementsOrNull(m);
        return req != null && req.certificationRequired();
    }

    private static SoftwareVersion highest(Map<PaymentMethod, SoftwareVersion> versions) {
        return versions.values().stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    private static String list(Map<PaymentMethod, SoftwareVersion> versions, boolean zh) {
        Function<PaymentMethod, String> name = zh ? m -> m.name().zh() : m -> m.name().en();
        return versions.entrySet().stream().map(e -> name.apply(e.getKey()) + " ≥ " + e.getValue())
                .collect(Collectors.joining(zh ? "、" : ", "));
    }

    /** Configures the check; {@link #build()} validates and names the wrong setting. Not thread-safe. */
    public static final class Builder {
        private TerminalProfile terminal;
        private Supplier<CapabilityPolicy> policy;
        private final Set<PaymentMethod> needed = new LinkedHashSet<>();
        private PaymentMethodRegistry registry = PaymentMethods.standardRegistry();

        private Builder() {
        }

        /** @param terminal the terminal whose software version is checked; required */
        public Builder terminal(TerminalProfile terminal) {
            this.terminal = terminal;
            return this;
        }

        /** @param policy reads the policy in use at each check, e.g. {@code resolver::policy}; required */
        public Builder policy(Supplier<CapabilityPolicy> policy) {
            this.policy = policy;
            return this;
        }

        /** @param policy a fixed policy */
        public Builder policy(CapabilityPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            this.policy = () -> policy;
            return this;
        }

        /** @param methods methods the terminal must be able to take; at least one is required */
        public Builder neededMethods(Collection<PaymentMethod> methods) {
            for (PaymentMethod m : methods) {
                needed.add(Objects.requireNonNull(m, "method"));
            }
            return this;
        }

        /** @param methods methods the terminal must be able to take */
        public Builder neededMethods(PaymentMethod... methods) {
            return neededMethods(List.of(methods));
        }

        /** @param registry the methods a certification's method ids are looked up in; default the standard one */
        public Builder registry(PaymentMethodRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** @return the check */
        public SoftwareVersionCheck build() {
            if (terminal == null) {
                throw new ConfigurationException("terminal", "a software version check needs the terminal profile");
            }
            if (policy == null) {
                throw new ConfigurationException("policy", "a software version check needs the platform policy");
            }
            if (needed.isEmpty()) {
                throw new ConfigurationException("neededMethods", "name the methods the terminal must take, so "
                        + "\"update required\" can be told from \"update available\"");
            }
            if (registry == null) {
                throw new ConfigurationException("registry", "must not be null");
            }
            for (PaymentMethod m : needed) {
                if (!registry.contains(m)) {
                    throw new ConfigurationException("neededMethods", "method " + m.id() + " is not in the registry");
                }
            }
            return new SoftwareVersionCheck(this);
        }
    }
}
