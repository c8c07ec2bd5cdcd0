package dev.tenderkit.core.merchant;

import dev.tenderkit.core.InvalidInputException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The merchant's signing for one product (e.g. {@code huabei}) on one channel, and its review.
 * An approved qualification whose {@link #expiresOn()} has passed counts as expired.
 *
 * @param channelId the channel the review is held with
 * @param product the product code, as in {@link dev.tenderkit.core.method.PaymentMethod#product()}
 * @param status review status
 * @param rejectionReason the reviewer's reason; required when rejected
 * @param submittedOn when the materials were submitted, if known
 * @param expiresOn last day the approval is valid, if it expires
 */
public record Qualification(String channelId, String product, ReviewStatus status, Optional<String> rejectionReason,
        Optional<LocalDate> submittedOn, Optional<LocalDate> expiresOn) {

    /** Validates. */
    public Qualification {
        if (channelId == null || channelId.isBlank()) {
            throw new InvalidInputException("channelId", "must not be blank");
        }
        if (product == null || product.isBlank()) {
            throw new InvalidInputException("product", "must not be blank");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rejectionReason, "rejectionReason");
        Objects.requireNonNull(submittedOn, "submittedOn");
        Objects.requireNonNull(expiresOn, "expiresOn");
        if (status == ReviewStatus.REJECTED && rejectionReason.filter(r -> !r.isBlank()).isEmpty()) {
            throw new InvalidInputException("rejectionReason",
                    "a rejected qualification must carry the reviewer's reason (" + channelId + "/" + product + ")");
        }
    }

    /** @return an approved qualification without expiry */
    public static Qualification approved(String channelId, String product) {
        return new Qualification(channelId, product, ReviewStatus.APPROVED, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * @param businessEpochDay today's date in the merchant's business time zone, as an epoch day
     * @return the effective status: {@link ReviewStatus#EXPIRED} for an approval past its expiry
     */
    public ReviewStatus effectiveStatus(long businessEpochDay) {
        if (status == ReviewStatus.APPROVED && expiresOn.isPresent()
                && expiresOn.get().toEpochDay() < businessEpochDay) {
            return ReviewStatus.EXPIRED;
        }
        return status;
    }
}
