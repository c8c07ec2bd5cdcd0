package dev.tenderkit.wechat;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WeChat Pay APIv3's error codes (wechatpay.md §5) mapped to TenderKit's vocabulary, the raw code
 * always kept as {@link GatewayCode}: code = the HTTP status, sub-code = WeChat's {@code code},
 * message = WeChat's {@code message}. Applied only to answers whose signature verified: an
 * unverified answer of any status is unknown before it reaches this table.
 *
 * <ul>
 *   <li>{@code SYSTEM_ERROR}, {@code BANK_ERROR}, {@code RATELIMIT_EXCEEDED}/{@code FREQUENCY_LIMITED}
 *       (429), {@code SERVICE_UNAVAILABLE} and every 5xx: unknown, the trade is queried with the same
 *       {@code out_trade_no}, never a new one;</li>
 *   <li>buyer-side refusals ({@code NOT_ENOUGH}, an invalid or expired payment code — v2's names, or
 *       a {@code PARAM_ERROR} whose {@code detail.field} is {@code /payer/auth_code} — the buyer's
 *       limit, risk): buyer causes. A definite refusal of codepay charges nothing; the engine
 *       confirms it with a query, and as WeChat creates no order for a refused code and answers a
 *       reverse of it with 404 {@code ORDER_NOT_EXIST}, the query's not-found after that 404 lets
 *       the refusal stand (core's {@code ReverseStep}), FAILED with this cause and code;</li>
 *   <li>{@code NO_AUTH}: the product is not enabled for the merchant;</li>
 *   <li>{@code APPID_MCHID_NOT_MATCH}, {@code MCH_NOT_EXISTS}, {@code SIGN_ERROR}: the terminal's WeChat
 *       Pay configuration is wrong, {@link #settingToFix} names the setting;</li>
 *   <li>any other verified 4xx: a definite refusal, {@link Cause#GATEWAY_REJECTED}.</li>
 * </ul>
 */
public final class WeChatPayCodes {
    /** Codes with a specific cause. */
    private static final Map<String, Cause> CAUSES = Map.ofEntries(
            Map.entry("NOT_ENOUGH", Cause.BUYER_INSUFFICIENT_FUNDS),
            Map.entry("ACCOUNT_ERROR", Cause.BUYER_PAYMENT_DECLINED),
            Map.entry("RULE_LIMIT", Cause.BUYER_PAYMENT_DECLINED),
            Map.entry("TRADE_ERROR", Cause.BUYER_PAYMENT_DECLINED),
            Map.entry("BUYER_MISMATCH", Cause.BUYER_PAYMENT_DECLINED),
            // the payment code (付款码): v3 codepay answers these as PARAM_ERROR-class 4xx; names as v2 used them
            Map.entry("AUTH_CODE_INVALID", Cause.BUYER_PAYMENT_CODE_INVALID),
            Map.entry("AUTH_CODE_EXPIRE", Cause.BUYER_PAYMENT_CODE_INVALID),
            Map.entry("AUTHCODEEXPIRE", Cause.BUYER_PAYMENT_CODE_INVALID),
            Map.entry("AUTH_CODE_ERROR", Cause.BUYER_PAYMENT_CODE_INVALID),
            Map.entry("NO_AUTH", Cause.MERCHANT_QUALIFICATION_MISSING),
            Map.entry("APPID_MCHID_NOT_MATCH", Cause.TERMINAL_NOT_CONFIGURED),
            Map.entry("MCH_NOT_EXISTS", Cause.TERMINAL_NOT_CONFIGURED),
            Map.entry("SIGN_ERROR", Cause.TERMINAL_NOT_CONFIGURED),
            Map.entry("ORDER_CLOSED", Cause.GATEWAY_REJECTED),
            Map.entry("OUT_TRADE_NO_USED", Cause.GATEWAY_REJECTED),
            Map.entry("PARAM_ERROR", Cause.GATEWAY_REJECTED),
            Map.entry("INVALID_REQUEST", Cause.GATEWAY_REJECTED));

    /** The credentials setting to fix, for the codes that mean a configuration mistake. */
    private static final Map<String, String> SETTINGS = Map.of(
            "APPID_MCHID_NOT_MATCH", "appid",
            "MCH_NOT_EXISTS", "mchid",
            "SIGN_ERROR", "merchantPrivateKey/merchantSerialNumber");

    /** The field a PARAM_ERROR's {@code detail.field} names when the payment code (付款码) is what is wrong. */
    private static final String PAYMENT_CODE_FIELD = "/payer/auth_code";

    /** Codes that say nothing definite: query the trade with the same out_trade_no. */
    private static final Set<String> UNKNOWN = Set.of("SYSTEM_ERROR", "BANK_ERROR", "RATELIMIT_EXCEEDED",
            "FREQUENCY_LIMITED", "SERVICE_UNAVAILABLE");

    /** Codes that say the trade (or refund) asked about does not exist. */
    private static final Set<String> NOT_FOUND = Set.of("ORDER_NOT_EXIST", "ORDERNOTEXIST", "RESOURCE_NOT_EXISTS");

    private WeChatPayCodes() {
    }

    /**
     * @param code a WeChat Pay error code
     * @return the cause it maps to, if it has a specific one
     */
    public static Optional<Cause> causeOf(String code) {
        return Optional.ofNullable(CAUSES.get(code));
    }

    /**
     * @param code a WeChat Pay error code
     * @return the {@link WeChatPayCredentials} setting to check, for the codes that mean the
     *     terminal's configuration is wrong ({@code APPID_MCHID_NOT_MATCH} → {@code appid}, ...)
     */
    public static Optional<String> settingToFix(String code) {
        return Optional.ofNullable(SETTINGS.get(code));
    }

    /**
     * @param status the HTTP status of a verified answer
     * @param code WeChat's code, if the body had one
     * @return whether the answer says nothing definite: 429, any 5xx, or a code of {@link #UNKNOWN}
     */
    static boolean isUnknown(int status, Optional<String> code) {
        return status == 429 || status >= 500 || code.filter(UNKNOWN::contains).isPresent();
    }

    /** @return whether the code says the trade or refund does not exist */
    static boolean isNotFound(String code) {
        return NOT_FOUND.contains(code);
    }

    /** @return the raw code of a verified error answer */
    static GatewayCode raw(int status, JsonObject body) {
        return new GatewayCode(Integer.toString(status), body.string("code"), body.string("message").orElse(""));
    }

    /**
     * @param status the HTTP status of a verified 4xx answer
     * @param body its body ({@code {"code":…,"message":…}})
     * @return the refusal, with its cause
     */
    static GatewayError refusal(int status, JsonObject body) {
        Cause cause = body.string("code").flatMap(WeChatPayCodes::causeOf).orElse(Cause.GATEWAY_REJECTED);
        if (cause == Cause.GATEWAY_REJECTED && body.object("detail").string("field").filter(PAYMENT_CODE_FIELD::equals)
                .isPresent()) {
            cause = Cause.BUYER_PAYMENT_CODE_INVALID;   // PARAM_ERROR about payer.auth_code: ask for a fresh code
        }
        return new GatewayError(cause, raw(status, body));
    }
}
