package dev.tenderkit.core.capability;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.capability.rules.BuiltInRules;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers whether a payment method works on a terminal for a merchant and, when it does not,
 * every reason why and what to do: the heart of "why can't this POS take Huabei?".
 *
 * <p>Every rule runs for every resolution, for the method and again for each of its ancestors
 * ({@link PaymentMethod#parentId()}: Huabei installments inherit what Huabei requires); a method is
 * refused by any blocking method-wide finding, or when none of the merchant's channels is left
 * without a blocking finding. Each cause is reported once, each finding naming the method it is
 * about. An installment plan is a parameter of the request
 * ({@link #resolve(CheckoutContext, PaymentMethod, Money, Optional)}). The platform policy
 * is swapped atomically ({@link #swapPolicy}, {@link #reloadPolicy}): each resolution reads one
 * policy snapshot from start to end, so resolutions running during a reload see either the old
 * policy or the new one, never a mixture.
 *
 * <p>Thread-safe. On the path where a method is accepted without findings, resolution allocates
 * nothing.
 */
public final class CapabilityResolver {
    private static final Logger LOG = LoggerFactory.getLogger(CapabilityResolver.class);

    private final AtomicReference<CapabilityPolicy> policy;
    private final PaymentMethodRegistry registry;
    private final Clock clock;
    private final MethodResolution resolution;
    private final List<CapabilityRule> rules;
    private final CapabilityPolicyReader policyReader;
    private final ThreadLocal<Evaluation> scratch = ThreadLocal.withInitial(Evaluation::new);

    private CapabilityResolver(Builder b, List<CapabilityRule> rules) {
        this.policy = new AtomicReference<>(b.policy);
        this.registry = b.registry;
        this.clock = b.clock;
        this.rules = List.copyOf(rules);
        this.resolution = new MethodResolution(registry, b.businessZone, this.rules);
        this.policyReader = new CapabilityPolicyReader(registry);
    }

    /** @return a builder; a policy is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the policy in use now */
    public CapabilityPolicy policy() {
        return policy.get();
    }

    /** @return the rules in evaluation order (built-in first, then added, then service-loaded) */
    public List<CapabilityRule> rules() {
        return rules;
    }

    /** @return the registry of methods the matrix covers */
    public PaymentMethodRegistry registry() {
        return registry;
    }

    /**
     * Replaces the policy atomically. Resolutions already running finish on the old policy.
     *
     * @param next the new policy
     * @return the policy it replaced
     */
    public CapabilityPolicy swapPolicy(CapabilityPolicy next) {
        Objects.requireNonNull(next, "next");
        CapabilityPolicy previous = policy.getAndSet(next);
        LOG.info("capability policy swapped: {} -> {}", previous.version(), next.version());
        return previous;
    }

    /**
     * Reads a policy file and swaps it in. If the file is malformed the current policy stays in
     * use and the error says what is wrong where.
     *
     * @param file a policy document
     * @return the policy it replaced
     * @throws dev.tenderkit.core.MalformedDocumentException if the file is malformed
     * @throws UncheckedIOException if it cannot be read
     */
    public CapabilityPolicy reloadPolicy(Path file) {
        CapabilityPolicy next;
        try (InputStream in = Files.newInputStream(file)) {
            next = policyReader.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy " + file, e);
        }
        return swapPolicy(next);
    }

    /**
     * Resolves one method for a given amount.
     *
     * @param context terminal, merchant and health
     * @param method the method
     * @param amount the amount to be paid
     * @return the verdict with every finding
     */
    public CapabilityVerdict resolve(CheckoutContext context, PaymentMethod method, Money amount) {
        return resolve(context, method, Objects.requireNonNull(amount, "amount"), policy.get(), null);
    }

    /**
     * Resolves a payment of the wallet's method with an installment plan, or without one. The plan
     * is a parameter of the request: it picks the wallet's installment method with that many
     * periods, which the verdict is then about ({@code alipay} or {@code alipay.huabei} with 6
     * installments resolves {@code alipay.huabei.installment.6}, its own requirements and Huabei's).
     * A plan the wallet does not offer, or any plan for a wallet without installments, is refused
     * with {@link Cause#INSTALLMENT_PLAN_UNAVAILABLE}, whose remedy names the periods the wallet
     * offers (as the registry holds them); the verdict is then about {@code method}, with anything
     * else that is wrong with it. An amount below the installment minimum is
     * {@link Cause#AMOUNT_OUT_OF_RANGE}, as for any method.
     *
     * @param context terminal, merchant and health
     * @param method the wallet's method the buyer pays with: its plain or credit method (e.g.
     *     {@code PaymentMethods.ALIPAY} or {@code ALIPAY_HUABEI}); its wallet and entry mode choose the plans
     * @param amount the amount to be paid
     * @param plan the installment plan asked for, or empty to resolve {@code method} itself
     * @return the verdict with every finding
     */
    public CapabilityVerdict resolve(CheckoutContext context, PaymentMethod method, Money amount,
            Optional<InstallmentPlan> plan) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        if (Objects.requireNonNull(plan, "plan").isEmpty()) {
            return resolve(context, method, amount);
        }
        Optional<PaymentMethod> planned = InstallmentPlans.methodFor(registry, method, plan.get());
        return planned.isPresent()
                ? resolve(context, planned.get(), amount, policy.get(), null)
                : resolve(context, method, amount, policy.get(), plan.get());
    }

    /**
     * Resolves one method regardless of amount (amount limits are not checked).
     *
     * @param context terminal, merchant and health
     * @param method the method
     * @return the verdict with every finding
     */
    public CapabilityVerdict resolve(CheckoutContext context, PaymentMethod method) {
        return resolve(context, method, null, policy.get(), null);
    }

    /**
     * The verdict for every registered method, for an amount.
     *
     * @param context terminal, merchant and health
     * @param amount the amount to be paid
     * @return one verdict per method, in registry order, all under one policy snapshot
     */
    public CapabilityMatrix matrix(CheckoutContext context, Money amount) {
        return matrix(context, Objects.requireNonNull(amount, "amount"), policy.get());
    }

    /**
     * The verdict for every registered method, regardless of amount.
     *
     * @param context terminal, merchant and health
     * @return one verdict per method, in registry order, all under one policy snapshot
     */
    public CapabilityMatrix matrix(CheckoutContext context) {
        return matrix(context, null, policy.get());
    }

    private CapabilityMatrix matrix(CheckoutContext context, Money amount, CapabilityPolicy snapshot) {
        Objects.requireNonNull(context, "context");
        List<PaymentMethod> methods = registry.all();
        List<CapabilityVerdict> verdicts = new ArrayList<>(methods.size());
        Evaluation ev = acquire();
        try {
            long now = clock.millis();   // one instant for the whole matrix
            for (int i = 0, n = methods.size(); i < n; i++) {
                verdicts.add(resolution.evaluate(ev, context, methods.get(i), amount, snapshot, now, null));
            }
        } finally {
            ev.end();
        }
        return new CapabilityMatrix(context, Optional.ofNullable(amount), verdicts);
    }

    private Evaluation acquire() {
        Evaluation ev = scratch.get();
        if (ev.inUse) {
            // A rule resolving recursively: give the inner resolution its own scratch.
            ev = new Evaluation();
        }
        ev.inUse = true;
        return ev;
    }

    private CapabilityVerdict resolve(CheckoutContext context, PaymentMethod method, Money amount,
            CapabilityPolicy snapshot, InstallmentPlan unavailablePlan) {
        Objects.requireNonNull(context, "context");
        Evaluation ev = acquire();
        try {
            return resolution.evaluate(ev, context, method, amount, snapshot, clock.millis(), unavailablePlan);
        } finally {
            ev.end();
        }
    }

    /** Configures a resolver; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private CapabilityPolicy policy;
        private PaymentMethodRegistry registry = PaymentMethods.standardRegistry();
        private Clock clock = Clock.systemUTC();
        private ZoneOffset businessZone = ZoneOffset.ofHours(8);
        private Severity stalePolicySeverity = Severity.WARNING;
        private final List<CapabilityRule> added = new ArrayList<>();
        private boolean serviceLoader = true;
        private ClassLoader classLoader;

        private Builder() {
        }

        /** @param policy the platform policy; required */
        public Builder policy(CapabilityPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** @param registry the methods the matrix covers; default {@link PaymentMethods#standardRegistry()} */
        public Builder registry(PaymentMethodRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** @param clock the clock for policy age and qualification expiry; default UTC system clock */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @param businessZone the offset in which "today" is reckoned for qualification expiry;
         *     default UTC+8 (China Standard Time)
         */
        public Builder businessZone(ZoneOffset businessZone) {
            this.businessZone = businessZone;
            return this;
        }

        /**
         * @param severity how a stale policy counts: a warning (default: the wallets stay the final
         *     judge) or blocking (refuse everything until the policy is refreshed)
         */
        public Builder stalePolicySeverity(Severity severity) {
            this.stalePolicySeverity = severity;
            return this;
        }

        /** @param rule a rule evaluated after the built-in ones; ids must be unique */
        public Builder addRule(CapabilityRule rule) {
            added.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** @param enabled whether to load rules with {@link ServiceLoader} (default true) */
        public Builder serviceLoader(boolean enabled) {
            this.serviceLoader = enabled;
            return this;
        }

        /** @param loader the class loader for {@link ServiceLoader}; default the thread's context loader */
        public Builder serviceLoaderClassLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        /** @return the resolver */
        public CapabilityResolver build() {
            if (policy == null) {
                throw new ConfigurationException("policy", "a resolver needs a platform policy; read one with "
                        + "CapabilityPolicyReader or build one with CapabilityPolicy.builder()");
            }
            if (registry == null) {
                throw new ConfigurationException("registry", "must not be null");
            }
            if (clock == null) {
                throw new ConfigurationException("clock", "must not be null");
            }
            if (businessZone == null) {
                throw new ConfigurationException("businessZone", "must not be null");
            }
            if (stalePolicySeverity == null) {
                throw new ConfigurationException("stalePolicySeverity", "must not be null");
            }
            List<CapabilityRule> all = new ArrayList<>(BuiltInRules.create(registry, stalePolicySeverity));
            all.addAll(added);
            if (serviceLoader) {
                ClassLoader cl = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
                for (CapabilityRule r : ServiceLoader.load(CapabilityRule.class, cl)) {
                    all.add(r);
                }
            }
            Set<String> ids = new HashSet<>();
            for (CapabilityRule r : all) {
                if (r.id() == null || r.id().isBlank()) {
                    throw new ConfigurationException("rules", "rule " + r.getClass().getName() + " has no id");
                }
                if (r.scope() == null) {
                    throw new ConfigurationException("rules", "rule " + r.id() + " has no scope");
                }
                if (!ids.add(r.id())) {
                    throw new ConfigurationException("rules", "two rules share the id \"" + r.id() + "\"");
                }
            }
            return new CapabilityResolver(this, all);
        }
    }
}
