package dev.tenderkit.alipay;

import dev.tenderkit.alipay.NotificationAnswer.Reason;
import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.money.Money;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Alipay's asynchronous notifications (the POSTs to {@code notify_url}) for an integrator's
 * HTTP endpoint: give it the raw form body, write back {@link NotificationAnswer#body()}.
 *
 * <p>In order (alipay.md §6): the signature is verified with the Alipay public key (or the Alipay
 * certificate's) from the credentials; then {@code app_id} is ours, {@code out_trade_no} is one of
 * our orders, {@code total_amount} equals that order's amount, {@code seller_id} is our merchant's.
 * A verified notification whose {@code notify_id} was already accepted is a
 * {@link NotificationAnswer.Duplicate} before any business check (answered {@code success}, so Alipay
 * stops resending, and not passed on again). Only a first, fully checked one is told to the
 * {@link AlipayNotificationListener}. Anything rejected is answered {@code fail} with the
 * reason, and Alipay resends on its schedule.
 *
 * <pre>{@code
 * AlipayNotificationHandler notifications = AlipayNotificationHandler.builder()
 *         .credentials(credentials)
 *         .sellerId("2088123456789012")                                  // the merchant's PID
 *         .orders(no -> engine.trade(no).map(TradeRecord::amount))       // our orders' amounts
 *         .listener(new AlipayNotificationListener() {
 *             public void onPaid(AlipayNotification n) { engine.checkNow(n.outTradeNo().orElseThrow()); }
 *         })
 *         .build();
 * // in the HTTP endpoint:
 * NotificationAnswer answer = notifications.handle(rawBody);
 * respond(200, answer.body());
 * }</pre>
 *
 * <p>Thread-safe: deliveries of one {@code notify_id} racing each other are handled once (the
 * others are answered {@code fail} while the first is in progress). The memory of accepted ids is
 * bounded ({@link Builder#rememberedNotifications}).
 */
public final class AlipayNotificationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AlipayNotificationHandler.class);

    private final AlipayCredentials credentials;
    private final String sellerId;
    private final Function<String, Optional<Money>> orders;
    private final AlipayNotificationListener listener;
    private final NotifyIdMemory seen;

    private AlipayNotificationHandler(Builder b) {
        this.credentials = b.credentials;
        this.sellerId = b.sellerId;
        this.orders = b.orders;
        this.listener = b.listener;
        this.seen = new NotifyIdMemory(b.remembered);
    }

    /** @return a builder; credentials, seller id and orders are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles one notification POST body as received ({@code application/x-www-form-urlencoded},
     * UTF-8, as TenderKit's requests ask for).
     *
     * @param formBody the raw body
     * @return what to answer, and why
     */
    public NotificationAnswer handle(String formBody) {
        Objects.requireNonNull(formBody, "formBody");
        Map<String, String> params = new HashMap<>();
        for (String pair : formBody.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k;
            String v;
            try {
                // The charset-name form: Android (API 26) has no URLDecoder.decode(String, Charset).
                k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), "UTF-8");
                v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), "UTF-8");
            } catch (IllegalArgumentException | UnsupportedEncodingException e) {
                return reject(Reason.MALFORMED, "the body is not form-encoded: " + e.getMessage(), Optional.empty());
            }
            if (params.put(k, v) != null) {
                return reject(Reason.MALFORMED, "parameter " + k + " occurs more than once", Optional.empty());
            }
        }
        return handle(params);
    }

    /**
     * Handles one notification whose form parameters were already decoded (by a servlet container,
     * for example). The map is not modified.
     *
     * @param params the decoded parameters, {@code sign} and {@code sign_type} included
     * @return what to answer, and why
     */
    public NotificationAnswer handle(Map<String, String> params) {
        Objects.requireNonNull(params, "params");
        NotificationVerification v = credentials.verifier().verifyNotification(params);
        if (v instanceof NotificationVerification.Unverified u) {
            return reject(u.failure() == NotificationVerification.Failure.SIGN_MISSING ? Reason.SIGN_MISSING
                    : Reason.BAD_SIGNATURE, u.detail(), Optional.empty());
        }
        AlipayNotification n = ((NotificationVerification.Verified) v).notification();
        Optional<String> notifyId = n.notifyId();
        // A resend of what we accepted stops here, even if the order has since left our books:
        // answering anything but success would make Alipay resend it for a day.
        if (notifyId.isPresent() && seen.isAccepted(notifyId.get())) {
            LOG.debug("Alipay notification {} for {} again: already accepted", notifyId.get(), n.outTradeNo().orElse("?"));
            return new NotificationAnswer.Duplicate(notifyId.get(), n);
        }
        AlipayNotification.CheckResult checked = n.check(credentials.appId(), sellerId, orders);
        if (checked instanceof AlipayNotification.CheckResult.Failed f) {
            return reject(reasonOf(f.check()), f.detail() + " (out_trade_no " + n.outTradeNo().orElse("?") + ")",
                    Optional.of(n));
        }
        Money amount = ((AlipayNotification.CheckResult.Passed) checked).amount();
        if (notifyId.isEmpty()) {
            return reject(Reason.NOTIFY_ID_MISSING, "a verified notification for " + n.outTradeNo().orElse("?")
                    + " without notify_id", Optional.of(n));
        }
        switch (seen.claim(notifyId.get())) {
            case ACCEPTED:
                LOG.debug("Alipay notification {} for {} again: already accepted", notifyId.get(), n.outTradeNo().orElse("?"));
                return new NotificationAnswer.Duplicate(notifyId.get(), n);
            case IN_PROGRESS:
                return reject(Reason.IN_PROGRESS, "notification " + notifyId.get() + " is being handled by another delivery",
                        Optional.of(n));
            default:
                break;
        }
        try {
            tell(n);
        } catch (RuntimeException e) {
            seen.release(notifyId.get());
            LOG.warn("the listener failed on Alipay notification {} for {}; answering fail so Alipay resends",
                    notifyId.get(), n.outTradeNo().orElse("?"), e);
            return new NotificationAnswer.Rejected(Reason.LISTENER_FAILED, "the listener failed: " + e, Optional.of(n));
        }
        seen.accepted(notifyId.get());
        LOG.info("Alipay notification {} accepted: {} {}", notifyId.get(), n.outTradeNo().orElse("?"),
                n.tradeStatus().orElse("?"));
        return new NotificationAnswer.Accepted(n, amount);
    }

    private void tell(AlipayNotification n) {
        boolean refund = n.get("out_biz_no").isPresent() || n.get("gmt_refund").isPresent()
                || n.get("refund_fee").isPresent();
        if (refund) {
            listener.onRefunded(n);
        } else if (n.isPaid()) {
            listener.onPaid(n);
        } else if (n.tradeStatus().filter("TRADE_CLOSED"::equals).isPresent()) {
            listener.onClosed(n);
        }
    }

    private static Reason reasonOf(AlipayNotification.Check check) {
        switch (check) {
            case APP_ID:
                return Reason.APP_ID;
            case OUT_TRADE_NO:
                return Reason.OUT_TRADE_NO;
            case TOTAL_AMOUNT:
                return Reason.TOTAL_AMOUNT;
            case SELLER_ID:
                return Reason.SELLER_ID;
            default:
                throw new IllegalStateException("unknown check " + check);
        }
    }

    private static NotificationAnswer reject(Reason reason, String detail, Optional<AlipayNotification> n) {
        LOG.warn("Alipay notification rejected ({}): {}", reason, detail);
        return new NotificationAnswer.Rejected(reason, detail, n);
    }

    /** Configures an {@link AlipayNotificationHandler}; {@link #build()} names the missing setting. */
    public static final class Builder {
        private AlipayCredentials credentials;
        private String sellerId;
        private Function<String, Optional<Money>> orders;
        private AlipayNotificationListener listener = AlipayNotificationListener.NONE;
        private int remembered = 10_000;

        private Builder() {
        }

        /** @param credentials the app's: its app id and the Alipay key notifications are verified with @return this */
        public Builder credentials(AlipayCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** @param sellerId the merchant's Alipay PID ({@code 2088…}), which {@code seller_id} must equal @return this */
        public Builder sellerId(String sellerId) {
            this.sellerId = sellerId;
            return this;
        }

        /**
         * @param orders the amount of our order with this out_trade_no, empty if it is not ours (for
         *     example {@code no -> engine.trade(no).map(TradeRecord::amount)})
         * @return this
         */
        public Builder orders(Function<String, Optional<Money>> orders) {
            this.orders = orders;
            return this;
        }

        /** @param listener told of each accepted notification once; default {@link AlipayNotificationListener#NONE} @return this */
        public Builder listener(AlipayNotificationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @param count how many accepted notify_ids to remember for recognising duplicates; default 10,000 @return this */
        public Builder rememberedNotifications(int count) {
            this.remembered = count;
            return this;
        }

        /**
         * @return the handler
         * @throws ConfigurationException naming the missing or wrong setting
         */
        public AlipayNotificationHandler build() {
            if (credentials == null) {
                throw new ConfigurationException("credentials", "the handler verifies notifications with the app's"
                        + " credentials (app id and Alipay public key or certificate)");
            }
            if (sellerId == null || sellerId.isBlank()) {
                throw new ConfigurationException("sellerId", "is missing; set the merchant's Alipay PID (2088…),"
                        + " which every notification's seller_id must equal");
            }
            if (orders == null) {
                throw new ConfigurationException("orders", "is missing; give the amount of our order by out_trade_no"
                        + " (e.g. no -> engine.trade(no).map(TradeRecord::amount))");
            }
            if (remembered < 1) {
                throw new ConfigurationException("rememberedNotifications", "must be at least 1, was " + remembered);
            }
            return new AlipayNotificationHandler(this);
        }
    }
}
