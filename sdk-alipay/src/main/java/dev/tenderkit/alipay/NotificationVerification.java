package dev.tenderkit.alipay;

import java.util.Objects;

/**
 * The outcome of verifying an asynchronous notification's signature. Only {@link Verified} gives
 * access to the notification; business checks come after, in {@link AlipayNotification#check}.
 */
sealed interface NotificationVerification {

    /** @param notification the verified notification */
    record Verified(AlipayNotification notification) implements NotificationVerification {
        /** Validates. */
        public Verified {
            Objects.requireNonNull(notification, "notification");
        }
    }

    /**
     * Not verified: ignore the notification (do not answer {@code success}).
     *
     * @param failure why
     * @param detail a sentence for logs
     */
    record Unverified(Failure failure, String detail) implements NotificationVerification {
        /** Validates. */
        public Unverified {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why a notification was not verified. */
    enum Failure {
        /** No {@code sign} parameter. */
        SIGN_MISSING,
        /** The signature does not verify. */
        BAD_SIGNATURE
    }
}
