package dev.tenderkit.core.merchant;

import dev.tenderkit.core.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A merchant as the capability resolver sees it: who it is, its merchant category code (MCC,
 * four digits, ISO 18245), the channels it has signed with, and its qualification reviews per
 * channel and product. Immutable.
 *
 * @param id the merchant id in the vendor's system
 * @param name the merchant's name
 * @param mcc four-digit merchant category code
 * @param channelIds the channels the merchant has contracts with, in order of preference (at most 64)
 * @param qualifications at most one per (channel, product)
 */
public record MerchantProfile(String id, String name, String mcc, List<String> channelIds,
        List<Qualification> qualifications) {

    /** The most channels a merchant may list; the resolver tracks channels in a 64-bit mask. */
    public static final int MAX_CHANNELS = 64;

    /** Validates and copies. */
    public MerchantProfile {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("id", "merchant id must not be blank");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "merchant name must not be blank");
        }
        if (mcc == null || mcc.length() != 4 || !mcc.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("mcc", "merchant category code must be 4 digits, got \"" + mcc + "\"");
        }
        channelIds = List.copyOf(channelIds);
        if (channelIds.size() > MAX_CHANNELS) {
            throw new InvalidInputException("channelIds", "at most " + MAX_CHANNELS + " channels, got "
                    + channelIds.size());
        }
        if (new HashSet<>(channelIds).size() != channelIds.size()) {
            throw new InvalidInputException("channelIds", "a channel is listed twice: " + channelIds);
        }
        for (String c : channelIds) {
            if (c.isBlank()) {
                throw new InvalidInputException("channelIds", "channel id must not be blank");
            }
        }
        qualifications = List.copyOf(qualifications);
        Set<String> seen = new HashSet<>();
        for (Qualification q : qualifications) {
            if (!seen.add(q.channelId() + "\u0000" + q.product())) {
                throw new InvalidInputException("qualifications", "two qualifications for channel "
                        + q.channelId() + " and product " + q.product());
            }
        }
    }

    /** @return the MCC as a number 0..9999 */
    public int mccNumber() {
        return (mcc.charAt(0) - '0') * 1000 + (mcc.charAt(1) - '0') * 100 + (mcc.charAt(2) - '0') * 10
                + (mcc.charAt(3) - '0');
    }

    /**
     * Looks up the qualification without allocating (a linear scan: merchants hold a handful).
     *
     * @return the qualification for the product on the channel, or {@code null} when none was
     *     submitted; package users should prefer {@link #qualification(String, String)}
     */
    public Qualification qualificationOrNull(String channelId, String product) {
        for (int i = 0, n = qualifications.size(); i < n; i++) {
            Qualification q = qualifications.get(i);
            if (q.product().equals(product) && q.channelId().equals(channelId)) {
                return q;
            }
        }
        return null;
    }

    /** @return the qualification for the product on the channel, if one was submitted */
    public Optional<Qualification> qualification(String channelId, String product) {
        return Optional.ofNullable(qualificationOrNull(channelId, product));
    }
}
