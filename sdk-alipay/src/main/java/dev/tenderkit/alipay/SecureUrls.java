package dev.tenderkit.alipay;

import dev.tenderkit.core.ConfigurationException;
import java.net.URI;
import java.util.Locale;

/**
 * The one rule for every URL the adapter talks to (the gateway, a bill's download link): {@code https}, or
 * plain {@code http} only to a loopback simulator (127.0.0.1, localhost, [::1]).
 */
final class SecureUrls {
    private SecureUrls() {
    }

    /** @return whether the URL may be used */
    static boolean allowed(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        return scheme.equals("https") || scheme.equals("http") && loopback;
    }

    /**
     * @param setting the builder setting, for the error
     * @param url the URL
     * @throws ConfigurationException naming the setting when the URL is not allowed
     */
    static void require(String setting, URI url) {
        if (url == null) {
            throw new ConfigurationException(setting, "is required");
        }
        if (!allowed(url)) {
            throw new ConfigurationException(setting, "must be an https URL (plain http only to a loopback "
                    + "simulator: 127.0.0.1, localhost or [::1]), got " + url);
        }
    }
}
