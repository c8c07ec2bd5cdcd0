package dev.tenderkit.testkit.alipay;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the gateway checks before it looks at a request's business content, in Alipay's order:
 * method present, {@code charset} in the query string and UTF-8, {@code sign} present, a known
 * {@code sign_type}, the app id, in certificate mode the app and root certificate SNs, the
 * signature (with the app public key), and a method the simulator implements. Each failure is the
 * error answer Alipay gives for it.
 */
final class RequestCheck {
    private final String appId;
    private final PublicKey appPublicKey;
    private final Optional<SimulatedAlipayCertificates> certificates;

    RequestCheck(String appId, PublicKey appPublicKey, Optional<SimulatedAlipayCertificates> certificates) {
        this.appId = appId;
        this.appPublicKey = appPublicKey;
        this.certificates = certificates;
    }

    /**
     * @param query the query-string parameters
     * @param params every parameter, query string and body
     * @param method the {@code method} parameter, empty if absent
     * @return the error answer, or empty when the request may be applied
     */
    Optional<Map<String, Object>> refusal(Map<String, String> query, Map<String, String> params, String method) {
        if (method.isEmpty()) {
            return Optional.of(Answers.error("40001", "Missing Required Arguments", "isv.missing-method", "缺少方法名参数"));
        }
        String charset = query.get("charset");
        if (charset == null) {
            return Optional.of(Answers.error("40001", "Missing Required Arguments", "isv.missing-charset",
                    "缺少字符集参数: 请确认charset参数放在了URL查询字符串中"));
        }
        if (!"utf-8".equalsIgnoreCase(charset)) {
            return Optional.of(Answers.error("40002", "Invalid Arguments", "isv.invalid-charset",
                    "字符集错误: the simulator speaks utf-8 only"));
        }
        String sign = params.get("sign");
        if (sign == null || sign.isBlank()) {
            return Optional.of(Answers.error("40001", "Missing Required Arguments", "isv.missing-signature", "缺少签名参数"));
        }
        String signType = params.getOrDefault("sign_type", "");
        String algorithm = switch (signType) {
            case "RSA2" -> "SHA256withRSA";
            case "RSA" -> "SHA1withRSA";
            default -> null;
        };
        if (algorithm == null) {
            return Optional.of(Answers.error("40002", "Invalid Arguments", "isv.invalid-signature-type", "无效签名类型: " + signType));
        }
        if (!appId.equals(params.get("app_id"))) {
            return Optional.of(Answers.error("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数"));
        }
        if (certificates.isPresent()) {
            Optional<Map<String, Object>> wrongCert = certificateRefusal(params, certificates.get());
            if (wrongCert.isPresent()) {
                return wrongCert;
            }
        }
        if (!SimulatorSignatures.verify(algorithm, signingString(params), sign, appPublicKey)) {
            return Optional.of(Answers.error("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错"));
        }
        if (!SimulatedAlipay.METHODS.contains(method)) {
            return Optional.of(Answers.error("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名"));
        }
        return Optional.empty();
    }

    /**
     * Certificate mode: Alipay finds the app's certificate by {@code app_cert_sn} (unknown or missing:
     * {@code isv.app-cert-not-exist}) and requires the current root bundle's
     * {@code alipay_root_cert_sn} ({@code isv.invalid-alipay-root-cert-sn}).
     */
    private static Optional<Map<String, Object>> certificateRefusal(Map<String, String> params,
            SimulatedAlipayCertificates certs) {
        if (!certs.appCertSn().equals(params.get("app_cert_sn"))) {
            return Optional.of(Answers.error("40002", "Invalid Arguments", "isv.app-cert-not-exist",
                    "应用公钥证书不存在: app_cert_sn '" + params.getOrDefault("app_cert_sn", "") + "' is not this app's"));
        }
        if (!certs.rootCertSn().equals(params.get("alipay_root_cert_sn"))) {
            return Optional.of(Answers.error("40002", "Invalid Arguments", "isv.invalid-alipay-root-cert-sn",
                    "无效支付宝根证书序列号: alipay_root_cert_sn '" + params.getOrDefault("alipay_root_cert_sn", "") + "'"));
        }
        return Optional.empty();
    }

    /**
     * The string Alipay signs a request over: every parameter but {@code sign}, whose key and value
     * are not blank, sorted by key (String order), joined raw as {@code k=v} with {@code &}.
     */
    static String signingString(Map<String, String> params) {
        return SimulatorSignatures.sortedContent(params, Set.of("sign"));
    }
}
