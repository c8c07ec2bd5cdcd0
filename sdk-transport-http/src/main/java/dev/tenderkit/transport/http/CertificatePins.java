package dev.tenderkit.transport.http;

import dev.tenderkit.core.ConfigurationException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.CertificatePinner;

/** The certificate pins given to {@link GatewayTransport.Builder#certificatePin}, checked and made into OkHttp's pinner. */
final class CertificatePins {

    private CertificatePins() {
    }

    /**
     * @param pins host pattern to its pins
     * @return OkHttp's pinner, or null when no pins are given
     * @throws ConfigurationException naming the host pattern or the pin that cannot work
     */
    static CertificatePinner pinner(Map<String, List<String>> pins) {
        if (pins.isEmpty()) {
            return null;
        }
        CertificatePinner.Builder pinner = new CertificatePinner.Builder();
        pins.forEach((host, list) -> {
            if (host.isBlank() || host.contains("/") || host.contains(":")) {
                throw new ConfigurationException("certificatePin", "'" + host
                        + "' is not a host pattern; give a host name such as openapi.alipay.com or *.alipay.com");
            }
            if (list.isEmpty()) {
                throw new ConfigurationException("certificatePin", "no pins given for " + host);
            }
            for (String pin : list) {
                checkPin(host, pin);
            }
            pinner.add(host, list.toArray(String[]::new));
        });
        return pinner.build();
    }

    private static void checkPin(String host, String pin) {
        String problem = null;
        if (pin == null || !pin.startsWith("sha256/")) {
            problem = "must start with sha256/ (SHA-1 pins are not accepted)";
        } else {
            try {
                if (Base64.getDecoder().decode(pin.substring("sha256/".length())).length != 32) {
                    problem = "is not the base64 of a 32-byte SHA-256 hash";
                }
            } catch (IllegalArgumentException notBase64) {
                problem = "is not valid base64 after sha256/";
            }
        }
        if (problem != null) {
            throw new ConfigurationException("certificatePin", "pin '" + pin + "' for " + host + " " + problem);
        }
    }
}
