package dev.tenderkit.core.capability;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The platform policy: which terminals are certified for which methods from which software
 * version, what each method requires, which merchant categories may not take which methods, the
 * channel catalogue, and what each product's qualification asks for. It is data, versioned and
 * dated: a policy older than {@link #maxAge()} is stale, which is itself a finding.
 *
 * <p>Read one from JSON with {@link CapabilityPolicyReader}, or build one with {@link #builder()}.
 * Immutable and thread-safe; lookups used while resolving never allocate.
 */
public final class CapabilityPolicy {
    private final String version;
    private final Instant issuedAt;
    private final Duration maxAge;
    private final boolean sample;
    private final Map<String, MethodRequirements> methodRequirements;
    private final List<TerminalCertification> certifications;
    private final TreeMap<String, TreeMap<String, TerminalCertification>> certificationIndex;
    private final List<MccRestriction> mccRestrictions;
    private final List<List<MccRestriction>> mccIndex;
    private final List<ChannelProfile> channels;
    private final Map<String, ChannelProfile> channelIndex;
    private final Map<String, QualificationRequirement> qualificationRequirements;
    private final long expiresAtMillis;

    private CapabilityPolicy(Builder b) {
        this.version = b.version;
        this.issuedAt = b.issuedAt;
        this.maxAge = b.maxAge;
        this.sample = b.sample;
        this.methodRequirements = Collections.unmodifiableMap(new HashMap<>(b.methodRequirements));
        this.certifications = List.copyOf(b.certifications);
        this.certificationIndex = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (TerminalCertification c : certifications) {
            TreeMap<String, TerminalCertification> models = certificationIndex.computeIfAbsent(c.brand(),
                    k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
            if (models.put(c.model(), c) != null) {
                throw new ConfigurationException("certifications", "terminal " + c.displayName()
                        + " is certified twice; merge the entries");
            }
        }
        this.mccRestrictions = List.copyOf(b.mccRestrictions);
        this.mccIndex = indexMcc(mccRestrictions);
        this.channels = List.copyOf(b.channels.values());
        this.channelIndex = Collections.unmodifiableMap(new HashMap<>(b.channels));
        this.qualificationRequirements = Collections.unmodifiableMap(new HashMap<>(b.qualificationRequirements));
        this.expiresAtMillis = Math.addExact(issuedAt.toEpochMilli(), maxAge.toMillis());
    }

    private static List<List<MccRestriction>> indexMcc(List<MccRestriction> restrictions) {
        List<List<MccRestriction>> byMcc = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            byMcc.add(List.of());
        }
        for (MccRestriction r : restrictions) {
            for (int mcc = r.fromMcc(); mcc <= r.toMcc(); mcc++) {
                List<MccRestriction> l = new ArrayList<>(byMcc.get(mcc));
                l.add(r);
                byMcc.set(mcc, List.copyOf(l));
            }
        }
        return Collections.unmodifiableList(byMcc);
    }

    /** @return a builder for a policy */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the policy version, e.g. {@code 2026.11.3} */
    public String version() {
        return version;
    }

    /** @return when the policy was issued */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return how long after issue the policy may be used before it counts as stale */
    public Duration maxAge() {
        return maxAge;
    }

    /** @return whether this is sample data, not real commercial terms */
    public boolean isSample() {
        return sample;
    }

    /** @return whether the policy is stale at the given time (epoch millis) */
    public boolean isStaleAt(long epochMillis) {
        return epochMillis > expiresAtMillis;
    }

    /** @return the requirements of the method, or {@code null} when the policy sets none */
    public MethodRequirements requirementsOrNull(PaymentMethod method) {
        return methodRequirements.get(method.id());
    }

    /** @return the requirements of the method, if the policy sets any */
    public Optional<MethodRequirements> requirements(PaymentMethod method) {
        return Optional.ofNullable(requirementsOrNull(method));
    }

    /** @return every terminal certification, in document order */
    public List<TerminalCertification> certifications() {
        return certifications;
    }

    /**
     * @return the certification that applies to the terminal (its exact model, else its brand's
     *     {@code *} entry), or {@code null} when the brand is not certified at all
     */
    public TerminalCertification certificationOrNull(TerminalProfile terminal) {
        TreeMap<String, TerminalCertification> models = certificationIndex.get(terminal.brand());
        if (models == null) {
            return null;
        }
        TerminalCertification exact = models.get(terminal.model());
        return exact != null ? exact : models.get(TerminalCertification.ANY_MODEL);
    }

    /** @return every MCC restriction, in document order */
    public List<MccRestriction> mccRestrictions() {
        return mccRestrictions;
    }

    /**
     * @param mcc a merchant category code, 0..9999
     * @return the restrictions covering it, in document order (a shared list: no allocation)
     */
    public List<MccRestriction> restrictionsForMcc(int mcc) {
        if (mcc < 0 || mcc > 9999) {
            throw new dev.tenderkit.core.InvalidInputException("mcc", "must be within 0..9999, got " + mcc);
        }
        return mccIndex.get(mcc);
    }

    /** @return the channel catalogue, in document order */
    public List<ChannelProfile> channels() {
        return channels;
    }

    /** @return the catalogued channel with this id, or {@code null} */
    public ChannelProfile channelOrNull(String id) {
        return channelIndex.get(id);
    }

    /** @return the catalogued channel with this id */
    public Optional<ChannelProfile> channel(String id) {
        return Optional.ofNullable(channelIndex.get(id));
    }

    /** @return what the product's qualification asks for, if the policy says */
    public Optional<QualificationRequirement> qualificationRequirement(String product) {
        return Optional.ofNullable(qualificationRequirements.get(product));
    }

    @Override
    public String toString() {
        return "CapabilityPolicy[" + version + " issued " + issuedAt + (sample ? ", sample" : "") + "]";
    }

    /** Collects a policy; {@link #build()} validates it. Not thread-safe. */
    public static final class Builder {
        private String version;
        private Instant issuedAt;
        private Duration maxAge;
        private boolean sample;
        private final Map<String, MethodRequirements> methodRequirements = new LinkedHashMap<>();
        private final List<TerminalCertification> certifications = new ArrayList<>();
        private final List<MccRestriction> mccRestrictions = new ArrayList<>();
        private final Map<String, ChannelProfile> channels = new LinkedHashMap<>();
        private final Map<String, QualificationRequirement> qualificationRequirements = new LinkedHashMap<>();

        private Builder() {
        }

        /** @param version the policy version; required */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** @param issuedAt when the policy was issued; required */
        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /** @param maxAge how long the policy may be used; required, positive */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /** @param sample whether this is sample data */
        public Builder sample(boolean sample) {
            this.sample = sample;
            return this;
        }

        /** @param requirements one method's requirements; at most one per method */
        public Builder methodRequirements(MethodRequirements requirements) {
            if (methodRequirements.put(requirements.method().id(), requirements) != null) {
                throw new ConfigurationException("methods", "requirements for " + requirements.method().id()
                        + " given twice");
            }
            return this;
        }

        /** @param certification a terminal certification; at most one per brand/model */
        public Builder certification(TerminalCertification certification) {
            certifications.add(Objects.requireNonNull(certification, "certification"));
            return this;
        }

        /** @param restriction an MCC restriction */
        public Builder mccRestriction(MccRestriction restriction) {
            mccRestrictions.add(Objects.requireNonNull(restriction, "restriction"));
            return this;
        }

        /** @param channel a catalogued channel; ids must be unique */
        public Builder channel(ChannelProfile channel) {
            if (channels.put(channel.id(), channel) != null) {
                throw new ConfigurationException("channels", "channel " + channel.id() + " catalogued twice");
            }
            return this;
        }

        /** @param requirement a product's qualification requirement; at most one per product */
        public Builder qualificationRequirement(QualificationRequirement requirement) {
            if (qualificationRequirements.put(requirement.product(), requirement) != null) {
                throw new ConfigurationException("qualifications", "requirement for product "
                        + requirement.product() + " given twice");
            }
            return this;
        }

        /** @return the validated policy */
        public CapabilityPolicy build() {
            if (version == null || version.isBlank()) {
                throw new ConfigurationException("version", "a policy needs a version");
            }
            if (issuedAt == null) {
                throw new ConfigurationException("issuedAt", "a policy needs an issue time");
            }
            if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
                throw new ConfigurationException("maxAge", "a policy needs a positive maximum age, got " + maxAge);
            }
            try {
                Math.addExact(issuedAt.toEpochMilli(), maxAge.toMillis());
            } catch (ArithmeticException e) {
                throw new ConfigurationException("maxAge", "issue time " + issuedAt + " plus maximum age " + maxAge
                        + " is beyond what TenderKit can represent");
            }
            return new CapabilityPolicy(this);
        }
    }
}
