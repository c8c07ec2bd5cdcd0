package dev.tenderkit.alipay;

import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AlipayNotificationHandler} made of one notification POST, and so what to answer
 * Alipay: {@link #body()} is {@code success} (stop resending) for an accepted notification or a
 * duplicate of one, {@code fail} (resend later) for anything rejected. Write exactly that body,
 * nothing else, as the HTTP response.
 */
public sealed interface NotificationAnswer {

    /** The body Alipay expects when it should stop resending. */
    String SUCCESS = "success";
    /** The body that makes Alipay resend later. */
    String FAIL = "fail";

    /** @return {@code success} or {@code fail}: the whole HTTP response body */
    String body();

    /**
     * Verified, every business check passed, seen for the first time; the listener was told.
     *
     * @param notification the notification
     * @param amount the order's amount, equal to {@code total_amount}
     */
    record Accepted(AlipayNotification notification, Money amount) implements NotificationAnswer {
        /** Validates. */
        public Accepted {
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(amount, "amount");
        }

        @Override
        public String body() {
            return SUCCESS;
        }
    }

    /**
     * Verified, and this {@code notify_id} was already accepted: answered {@code success} so Alipay
     * stops resending (even if the order has since left the books); the listener is not told again.
     *
     * @param notifyId the notification's id
     * @param notification the notification as delivered this time
     */
    record Duplicate(String notifyId, AlipayNotification notification) implements NotificationAnswer {
        /** Validates. */
        public Duplicate {
            Objects.requireNonNull(notifyId, "notifyId");
            Objects.requireNonNull(notification, "notification");
        }

        @Override
        public String body() {
            return SUCCESS;
        }
    }

    /**
     * Not accepted: answered {@code fail}, so Alipay resends (a verified notification rejected by a
     * business check is ignored and should be looked into: it is not one of ours, or it differs
     * from our order).
     *
     * @param reason why
     * @param detail a sentence for logs, without keys or whole payment codes
     * @param notification the notification when its signature verified (a business check or the
     *     listener failed); empty when it could not be trusted
     */
    record Rejected(Reason reason, String detail, Optional<AlipayNotification> notification) implements NotificationAnswer {
        /** Validates. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(notification, "notification");
        }

        @Override
        public String body() {
            return FAIL;
        }
    }

    /** Why a notification was rejected, in the order the handler checks. */
    enum Reason {
        /** The body is not a form of distinct parameters. */
        MALFORMED,
        /** No {@code sign}. */
        SIGN_MISSING,
        /** The signature does not verify with the Alipay public key. */
        BAD_SIGNATURE,
        /** {@code app_id} is not ours. */
        APP_ID,
        /** {@code out_trade_no} is missing or not one of our orders. */
        OUT_TRADE_NO,
        /** {@code total_amount} is missing, malformed or differs from the order's amount. */
        TOTAL_AMOUNT,
        /** {@code seller_id} is not our merchant's. */
        SELLER_ID,
        /** No {@code notify_id}, so duplicates could not be recognised. */
        NOTIFY_ID_MISSING,
        /** The same {@code notify_id} is being handled right now by another delivery; Alipay will resend. */
        IN_PROGRESS,
        /** The listener threw: the notification is not taken as handled, so Alipay resends. */
        LISTENER_FAILED
    }
}
