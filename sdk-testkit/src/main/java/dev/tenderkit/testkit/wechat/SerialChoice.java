package dev.tenderkit.testkit.wechat;

import java.util.Optional;

/**
 * Which of WeChat Pay's two identities for its one key an answer announces in {@code Wechatpay-Serial}:
 * answers follow the request's {@code Wechatpay-Serial} when it names one the merchant can have
 * (wechatpay.md §2, "during a switch"), else the public-key id in public-key mode, else the platform
 * certificate's serial.
 */
record SerialChoice(String publicKeyId, String platformSerial, boolean publicKeyMode, boolean platformCertificates) {

    String forRequest(Optional<String> requested) {
        if (requested.isPresent()) {
            if (publicKeyMode && requested.get().equals(publicKeyId)) {
                return publicKeyId;
            }
            if (platformCertificates && requested.get().equalsIgnoreCase(platformSerial)) {
                return platformSerial;
            }
        }
        return fallback();
    }

    /** @return what callbacks (which answer no request) announce */
    String fallback() {
        return publicKeyMode ? publicKeyId : platformSerial;
    }
}
