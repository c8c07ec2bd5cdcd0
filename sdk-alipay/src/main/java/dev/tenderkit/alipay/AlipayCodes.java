package dev.tenderkit.alipay;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps Alipay's answer codes to outcomes (alipay.md §4/§5): {@code 10000} success, {@code 10003}
 * the buyer is confirming, {@code 20000}, {@code ACQ.SYSTEM_ERROR}, any unknown code and any
 * unverified response → unknown (query), {@code 4xxxx} → a definite refusal with the sub-code
 * mapped to a capability or buyer-side cause ({@link Cause#GATEWAY_REJECTED} for the rest). The
 * raw code is always kept.
 */
final class AlipayCodes {
    /**
     * Sub-codes with a known cause. Sources: alipay.md §4/§5; the certificate-mode sub-codes from
     * gateway answers quoted in github.com/alipay/alipay-sdk-nodejs-all/issues/56 and
     * github.com/yansongda/pay/issues/491.
     */
    private static final Map<String, Cause> SUB_CODES = Map.ofEntries(
            Map.entry("ACQ.ACCESS_FORBIDDEN", Cause.MERCHANT_QUALIFICATION_MISSING),
            Map.entry("ACQ.RESTRICTED_MERCHANT_INDUSTRY", Cause.MERCHANT_CATEGORY_RESTRICTED),
            Map.entry("ACQ.TOTAL_FEE_EXCEED", Cause.AMOUNT_OUT_OF_RANGE),
            Map.entry("ACQ.BUYER_BALANCE_NOT_ENOUGH", Cause.BUYER_INSUFFICIENT_FUNDS),
            Map.entry("ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH", Cause.BUYER_INSUFFICIENT_FUNDS),
            Map.entry("ACQ.PAYMENT_AUTH_CODE_INVALID", Cause.BUYER_PAYMENT_CODE_INVALID),
            Map.entry("ACQ.PAYMENT_REQUEST_HAS_RISK", Cause.BUYER_PAYMENT_DECLINED),
            Map.entry("ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE", Cause.BUYER_PAYMENT_DECLINED),
            // certificate mode: the gateway does not know the app certificate or the root bundle the
            // terminal is configured with (rotated, or another app's): a configuration to fix here
            Map.entry("isv.app-cert-not-exist", Cause.TERMINAL_NOT_CONFIGURED),
            Map.entry("isv.invalid-alipay-root-cert-sn", Cause.TERMINAL_NOT_CONFIGURED));

    /** Sub-codes that say nothing definite: the outcome is unknown and must be queried. */
    private static final java.util.Set<String> UNKNOWN_SUB_CODES =
            java.util.Set.of("ACQ.SYSTEM_ERROR", "isp.unknow-error", "aop.unknow-error");

    private AlipayCodes() {
    }

    /**
     * @param subCode an Alipay sub-code
     * @return the cause it maps to, if it has a specific one
     */
    public static Optional<Cause> causeOf(String subCode) {
        return Optional.ofNullable(SUB_CODES.get(subCode));
    }

    /**
     * Classifies a verification result. An {@link ResponseVerification.Unverified} response is
     * always {@link AlipayOutcome.Unknown}.
     *
     * @param verification the result of {@link AlipayVerifier#verifyResponse}
     * @return the outcome
     */
    public static AlipayOutcome classify(ResponseVerification verification) {
        Objects.requireNonNull(verification, "verification");
        if (verification instanceof ResponseVerification.Unverified u) {
            return new AlipayOutcome.Unknown("unverified response: " + u.failure() + " (" + u.detail() + ")", Optional.empty());
        }
        AlipayReply reply;
        try {
            reply = AlipayReply.parse((ResponseVerification.Verified) verification);
        } catch (dev.tenderkit.core.TenderKitException e) {
            return new AlipayOutcome.Unknown(e.getMessage(), Optional.empty());
        }
        return classify(reply);
    }

    /**
     * Classifies a parsed, verified reply.
     *
     * @param reply the reply
     * @return the outcome
     */
    public static AlipayOutcome classify(AlipayReply reply) {
        String code = reply.code();
        GatewayCode raw = reply.gatewayCode();
        Optional<String> sub = reply.subCode();
        if (sub.isPresent() && UNKNOWN_SUB_CODES.contains(sub.get())) {
            return new AlipayOutcome.Unknown("Alipay answered " + raw + ": query the trade", Optional.of(raw));
        }
        switch (code) {
            case "10000":
                return new AlipayOutcome.Success(reply);
            case "10003":
                return new AlipayOutcome.UserPaying(reply);
            case "20000":
                return new AlipayOutcome.Unknown("Alipay answered " + raw + ": query the trade", Optional.of(raw));
            default:
                break;
        }
        if (code.length() == 5 && code.charAt(0) == '4' && code.chars().allMatch(Character::isDigit)) {
            Cause cause = sub.flatMap(AlipayCodes::causeOf).orElse(Cause.GATEWAY_REJECTED);
            return new AlipayOutcome.Refused(new GatewayError(cause, raw), reply);
        }
        return new AlipayOutcome.Unknown("Alipay answered an unknown code " + raw + ": query the trade", Optional.of(raw));
    }
}
