package dev.tenderkit.alipay;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A verified asynchronous notification (notify_url), as {@link AlipayNotificationHandler} hands it
 * on once its signature verified; the handler runs the business checks of alipay.md §6 with
 * {@link #check}, which says which check failed. Only {@code TRADE_SUCCESS} and
 * {@code TRADE_FINISHED} mean paid; {@link #notifyId()} is constant across Alipay's resends, for
 * deduplication.
 */
public final class AlipayNotification {
    private final SortedMap<String, String> params;

    private AlipayNotification(SortedMap<String, String> params) {
        this.params = params;
    }

    static AlipayNotification of(TreeMap<String, String> verifiedParams) {
        return new AlipayNotification(java.util.Collections.unmodifiableSortedMap(verifiedParams));
    }

    /** @return every verified parameter except {@code sign}, sorted by name */
    public SortedMap<String, String> params() {
        return params;
    }

    /** @return the parameter, if present and not blank */
    public Optional<String> get(String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** @return {@code notify_id}, constant across resends of one notification */
    public Optional<String> notifyId() {
        return get("notify_id");
    }

    /** @return {@code out_trade_no} */
    public Optional<String> outTradeNo() {
        return get("out_trade_no");
    }

    /** @return {@code trade_status} */
    public Optional<String> tradeStatus() {
        return get("trade_status");
    }

    /** @return whether {@code trade_status} is {@code TRADE_SUCCESS} or {@code TRADE_FINISHED} */
    public boolean isPaid() {
        String s = params.get("trade_status");
        return "TRADE_SUCCESS".equals(s) || "TRADE_FINISHED".equals(s);
    }

    /** Which business check a notification failed. */
    public enum Check {
        /** {@code app_id} is not ours. */
        APP_ID,
        /** {@code out_trade_no} is missing or not one of our orders. */
        OUT_TRADE_NO,
        /** {@code total_amount} is missing, malformed or differs from the order's amount. */
        TOTAL_AMOUNT,
        /** {@code seller_id} is missing or not our seller (merchant PID). */
        SELLER_ID
    }

    /** Result of the business checks. */
    public sealed interface CheckResult {
        /** All checks passed. @param outTradeNo the order @param amount the order's amount */
        record Passed(String outTradeNo, Money amount) implements CheckResult {
            /** Validates. */
            public Passed {
                Objects.requireNonNull(outTradeNo, "outTradeNo");
                Objects.requireNonNull(amount, "amount");
            }
        }

        /** A check failed: ignore the notification. @param check which @param detail for logs */
        record Failed(Check check, String detail) implements CheckResult {
            /** Validates. */
            public Failed {
                Objects.requireNonNull(check, "check");
                Objects.requireNonNull(detail, "detail");
            }
        }
    }

    /**
     * The business checks of alipay.md §6, in order: app id, order known, amount equal, seller.
     *
     * @param appId our app id
     * @param sellerId our seller id (the merchant's PID, 2088…)
     * @param orderAmount the amount of one of our orders by out_trade_no; empty if it is not ours
     * @return {@link CheckResult.Passed} or the first {@link CheckResult.Failed}
     */
    public CheckResult check(String appId, String sellerId, Function<String, Optional<Money>> orderAmount) {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(sellerId, "sellerId");
        if (!appId.equals(params.get("app_id"))) {
            return new CheckResult.Failed(Check.APP_ID, "app_id " + params.get("app_id") + " is not " + appId);
        }
        Optional<String> outTradeNo = outTradeNo();
        if (outTradeNo.isEmpty()) {
            return new CheckResult.Failed(Check.OUT_TRADE_NO, "no out_trade_no");
        }
        Optional<Money> expected = orderAmount.apply(outTradeNo.get());
        if (expected.isEmpty()) {
            return new CheckResult.Failed(Check.OUT_TRADE_NO, "out_trade_no " + outTradeNo.get() + " is not one of our orders");
        }
        Money total;
        try {
            total = Money.parse(params.get("total_amount"));
        } catch (InvalidInputException e) {
            return new CheckResult.Failed(Check.TOTAL_AMOUNT, "total_amount is not an amount: " + e.getMessage());
        }
        if (!total.equals(expected.get())) {
            return new CheckResult.Failed(Check.TOTAL_AMOUNT, "total_amount " + total + " differs from the order's " + expected.get());
        }
        if (!sellerId.equals(params.get("seller_id"))) {
            return new CheckResult.Failed(Check.SELLER_ID, "seller_id " + params.get("seller_id") + " is not " + sellerId);
        }
        return new CheckResult.Passed(outTradeNo.get(), total);
    }

    @Override
    public String toString() {
        return "AlipayNotification" + Map.of("out_trade_no", params.getOrDefault("out_trade_no", "?"),
                "trade_status", params.getOrDefault("trade_status", "?"));
    }
}
