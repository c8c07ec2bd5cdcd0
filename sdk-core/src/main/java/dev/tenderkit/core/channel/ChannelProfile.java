package dev.tenderkit.core.channel;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.method.PaymentMethod;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel through which a merchant takes payments (an acquirer, a payment institution, or a
 * wallet's direct account) and what it offers. Immutable; lookups by method never allocate.
 */
public final class ChannelProfile {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,31}");

    private final String id;
    private final LocalizedText name;
    private final LicenceKind licence;
    private final List<ChannelOffering> offerings;
    private final Map<String, ChannelOffering> byMethodId;

    /**
     * @param id stable channel id: lower-case letters, digits, '_', '.', '-', at most 32 chars
     * @param name display name
     * @param licence the licence it operates under
     * @param offerings the methods it offers, at most one offering per method
     */
    public ChannelProfile(String id, LocalizedText name, LicenceKind licence, List<ChannelOffering> offerings) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInputException("id", "channel id must be 1-32 of [a-z0-9_.-], got \"" + id + "\"");
        }
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.licence = Objects.requireNonNull(licence, "licence");
        Map<String, ChannelOffering> index = new LinkedHashMap<>();
        for (ChannelOffering o : offerings) {
            if (index.put(o.method().id(), o) != null) {
                throw new InvalidInputException("offerings", "channel " + id + " offers " + o.method().id() + " twice");
            }
        }
        this.offerings = List.copyOf(offerings);
        this.byMethodId = Collections.unmodifiableMap(index);
    }

    /** @return the stable channel id */
    public String id() {
        return id;
    }

    /** @return the display name */
    public LocalizedText name() {
        return name;
    }

    /** @return the licence it operates under */
    public LicenceKind licence() {
        return licence;
    }

    /** @return every offering, in declaration order */
    public List<ChannelOffering> offerings() {
        return offerings;
    }

    /** @return the offering of this method, or {@code null} when the channel doesn't offer it */
    public ChannelOffering offeringOrNull(PaymentMethod method) {
        return byMethodId.get(method.id());
    }

    /** @return whether the channel offers the method */
    public boolean offers(PaymentMethod method) {
        return byMethodId.containsKey(method.id());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelProfile other && id.equals(other.id) && name.equals(other.name)
                && licence == other.licence && offerings.equals(other.offerings);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "ChannelProfile[" + id + "]";
    }
}
