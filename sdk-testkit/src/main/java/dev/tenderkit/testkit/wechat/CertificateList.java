package dev.tenderkit.testkit.wechat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v3/certificates}: WeChat Pay's platform certificate, its PEM encrypted with
 * AEAD_AES_256_GCM under the APIv3 key (associated data {@code certificate}, a fresh 12-character
 * nonce each time), as WeChat serves it. With platform certificates switched off (a new merchant,
 * public-key mode only) it is 404 RESOURCE_NOT_EXISTS, as WeChat answers such merchants.
 */
final class CertificateList implements Endpoint {
    private final WalletState s;
    private final SimulatedWeChatPayKeys keys;
    private final boolean enabled;

    CertificateList(WalletState s, SimulatedWeChatPayKeys keys, boolean enabled) {
        this.s = s;
        this.keys = keys;
        this.enabled = enabled;
    }

    @Override
    public Answer handle(Call call) {
        if (!enabled) {
            return Answer.error(404, "RESOURCE_NOT_EXISTS", "无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥");
        }
        String nonce = s.crypto.nonce(12);
        Map<String, Object> encrypted = new LinkedHashMap<>();
        encrypted.put("algorithm", s.crypto.resourceAlgorithm());
        encrypted.put("nonce", nonce);
        encrypted.put("associated_data", "certificate");
        encrypted.put("ciphertext", s.crypto.encrypt(keys.apiV3KeyBytes(), nonce, "certificate", keys.platformCertificatePem()));
        Map<String, Object> cert = new LinkedHashMap<>();
        cert.put("serial_no", keys.platformCertificateSerial());
        cert.put("effective_time", WalletState.rfc3339(keys.platformCertificate().getNotBefore().toInstant()));
        cert.put("expire_time", WalletState.rfc3339(keys.platformCertificate().getNotAfter().toInstant()));
        cert.put("encrypt_certificate", encrypted);
        return Answer.ok(Map.of("data", List.of(cert)), false);
    }
}
