package dev.tenderkit.core.fee;

import dev.tenderkit.core.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A channel's fee schedule: its versions over time, ordered by start date, no two in effect on the
 * same day. Gaps are allowed (nothing is priced on a day no version covers). Immutable.
 *
 * @param channelId the channel, as in the capability policy's catalogue and the merchant's profile
 * @param versions the versions, in any order; stored ordered by {@code effectiveFrom}
 */
public record ChannelFeeSchedule(String channelId, List<FeeScheduleVersion> versions) {

    /**
     * Validates, copies and orders.
     *
     * @throws InvalidInputException naming the field: a blank {@code channelId}, no
     *     {@code versions}, two versions with one id, or two versions in effect on the same day
     */
    public ChannelFeeSchedule {
        if (channelId == null || channelId.isBlank()) {
            throw new InvalidInputException("channelId", "a channel fee schedule needs the channel id");
        }
        if (versions.isEmpty()) {
            throw new InvalidInputException("versions", "channel " + channelId + " has no fee schedule version");
        }
        List<FeeScheduleVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(FeeScheduleVersion::effectiveFrom));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            FeeScheduleVersion v = sorted.get(i);
            if (!ids.add(v.id())) {
                throw new InvalidInputException("versions", "channel " + channelId + " has two versions with id "
                        + v.id());
            }
            if (i > 0 && sorted.get(i - 1).overlaps(v)) {
                throw new InvalidInputException("versions", "channel " + channelId + ": version "
                        + sorted.get(i - 1).describe() + " overlaps version " + v.describe());
            }
        }
        versions = List.copyOf(sorted);
    }

    /** @return the version in effect on the business day, if any; never allocates when none changes */
    public Optional<FeeScheduleVersion> versionOn(LocalDate businessDate) {
        return Optional.ofNullable(versionOnOrNull(businessDate));
    }

    FeeScheduleVersion versionOnOrNull(LocalDate businessDate) {
        // Latest first: the current version is usually the last or the one before an announced change.
        for (int i = versions.size() - 1; i >= 0; i--) {
            FeeScheduleVersion v = versions.get(i);
            if (!businessDate.isBefore(v.effectiveFrom())) {
                return v.isInEffectOn(businessDate) ? v : null;
            }
        }
        return null;
    }
}
