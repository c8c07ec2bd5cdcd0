package dev.tenderkit.benchmarks.capability;

import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.MethodRequirements;
import dev.tenderkit.core.capability.TerminalCertification;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The yardstick the capability benchmarks are read against: the map lookups one accepted
 * single-method resolution makes, done bare, with none of the resolver around them.
 *
 * <p>Counted from the built-in rules (sdk-core as of this module's commit) for one method and a
 * merchant with {@code c} channels, all accepting:
 *
 * <ul>
 *   <li>the method's requirements, looked up by four method-wide rules (certification, software
 *       version, configuration, amount): 4 hash lookups;
 *   <li>the certification's minimum version for the method (certification, software version): 2;
 *   <li>each required setting in the terminal's configured settings: 1 per setting (4 for Huabei);
 *   <li>one peripheral per requirement group of the method's entry mode: 1 for a buyer's code;
 *   <li>each merchant channel in the catalogue: {@code c};
 *   <li>the method in each channel's offerings (offering, qualification, channel amount rules):
 *       {@code 3c};
 *   <li>the clean-verdict cache at the end: 1;
 *   <li>and, in case-insensitive sorted maps, brand then model, by two rules: 4 tree lookups.
 * </ul>
 *
 * <p>For Huabei with three channels that is 24 hash lookups and 4 tree lookups. Here they are all
 * {@link HashMap#get} and {@link TreeMap#get} on maps holding the same entries as the policy,
 * with the very key objects the resolver uses (so, as in the resolver, keys are found by
 * identity and their hash codes are cached). The resolver uses other map types in places
 * (immutable sets and maps, a concurrent map), and also dispatches to eleven rules, keeps its
 * per-thread scratch, and scans the merchant's qualifications linearly; the baseline does none of
 * that. So it is a floor for the data-structure work, not a target: its value is that it does not
 * depend on sdk-core's code and scales with the machine, so a slow or noisy run shows in it too.
 *
 * <p>Not thread-safe to build; {@link #lookUp()} only reads and may be called from any thread.
 */
public final class LookupBaseline {

    /** One map lookup: a map and the key to look up in it. */
    private record Lookup(Map<String, ?> map, String key) {
    }

    private final Lookup[] hashed;
    private final Lookup[] sorted;

    private LookupBaseline(List<Lookup> hashed, List<Lookup> sorted) {
        this.hashed = hashed.toArray(Lookup[]::new);
        this.sorted = sorted.toArray(Lookup[]::new);
    }

    /**
     * @param policy the policy whose data the maps hold
     * @param registry the methods the policy covers
     * @param context the checkout (terminal and merchant) being resolved
     * @param method the method being resolved
     * @return the lookups one accepted resolution of the method makes in this context
     * @throws IllegalArgumentException if the method has no requirements or the terminal no
     *     certification in the policy (the counts above assume both)
     */
    public static LookupBaseline of(CapabilityPolicy policy, PaymentMethodRegistry registry, CheckoutContext context,
            PaymentMethod method) {
        TerminalProfile terminal = context.terminal();
        MethodRequirements requirements = policy.requirementsOrNull(method);
        TerminalCertification certification = policy.certificationOrNull(terminal);
        if (requirements == null || certification == null) {
            throw new IllegalArgumentException("the baseline mirrors a resolution with requirements for "
                    + method.id() + " and a certification for " + terminal.displayName());
        }
        List<Lookup> hashed = new ArrayList<>();
        List<Lookup> sorted = new ArrayList<>();

        Map<String, MethodRequirements> byMethod = new HashMap<>();
        for (PaymentMethod m : registry.all()) {
            byMethod.put(m.id(), policy.requirementsOrNull(m));
        }
        for (int rule = 0; rule < 4; rule++) {
            hashed.add(new Lookup(byMethod, method.id()));
        }

        Map<String, ?> minimumVersions = new HashMap<>(certification.minimumVersions());
        hashed.add(new Lookup(minimumVersions, method.id()));
        hashed.add(new Lookup(minimumVersions, method.id()));

        Map<String, Boolean> configured = presence(terminal.configuredSettings());
        for (String setting : requirements.requiredSettings()) {
            hashed.add(new Lookup(configured, setting));
        }

        Map<String, Boolean> peripherals = new HashMap<>();
        for (Peripheral p : terminal.peripherals()) {
            peripherals.put(p.name(), Boolean.TRUE);
        }
        for (Set<Peripheral> group : method.entryMode().requirements()) {
            hashed.add(new Lookup(peripherals, group.stream().sorted().findFirst().orElseThrow().name()));
        }

        Map<String, ChannelProfile> catalogue = new HashMap<>();
        for (ChannelProfile c : policy.channels()) {
            catalogue.put(c.id(), c);
        }
        for (String id : context.merchant().channelIds()) {
            hashed.add(new Lookup(catalogue, id));
            Map<String, ChannelOffering> offerings = new HashMap<>();
            for (ChannelOffering o : catalogue.get(id).offerings()) {
                offerings.put(o.method().id(), o);
            }
            for (int rule = 0; rule < 3; rule++) {
                hashed.add(new Lookup(offerings, method.id()));
            }
        }

        Map<String, Boolean> cleanVerdicts = new HashMap<>();
        for (PaymentMethod m : registry.all()) {
            cleanVerdicts.put(m.id(), Boolean.TRUE);
        }
        hashed.add(new Lookup(cleanVerdicts, method.id()));

        TreeMap<String, TreeMap<String, TerminalCertification>> byBrand = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (TerminalCertification c : policy.certifications()) {
            byBrand.computeIfAbsent(c.brand(), k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER)).put(c.model(), c);
        }
        for (int rule = 0; rule < 2; rule++) {
            sorted.add(new Lookup(byBrand, terminal.brand()));
            sorted.add(new Lookup(byBrand.get(terminal.brand()), terminal.model()));
        }
        return new LookupBaseline(hashed, sorted);
    }

    private static Map<String, Boolean> presence(Set<String> keys) {
        Map<String, Boolean> m = new HashMap<>();
        for (String k : keys) {
            m.put(k, Boolean.TRUE);
        }
        return m;
    }

    /** @return how many hash-map lookups {@link #lookUp()} makes */
    public int hashLookups() {
        return hashed.length;
    }

    /** @return how many sorted-map lookups {@link #lookUp()} makes */
    public int treeLookups() {
        return sorted.length;
    }

    /**
     * Makes every lookup once.
     *
     * @return how many found their key (all of them, for a baseline built from an accepted world)
     */
    public int lookUp() {
        int found = 0;
        for (Lookup l : hashed) {
            if (l.map().get(l.key()) != null) {
                found++;
            }
        }
        for (Lookup l : sorted) {
            if (l.map().get(l.key()) != null) {
                found++;
            }
        }
        return found;
    }
}
