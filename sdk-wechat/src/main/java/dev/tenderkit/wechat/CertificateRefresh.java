package dev.tenderkit.wechat;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one download of WeChat Pay's platform certificates came to.
 *
 * @param serials the serial numbers of the platform certificates the gateway verifies with now
 *     (after this download, or still the earlier ones if it failed)
 * @param failure why the download did not replace them, if it did not (no answer, an answer that
 *     did not verify, a certificate that did not decrypt with the APIv3 key, ...)
 */
public record CertificateRefresh(Set<String> serials, Optional<String> failure) {
    /** Validates and copies. */
    public CertificateRefresh {
        serials = Set.copyOf(Objects.requireNonNull(serials, "serials"));
        Objects.requireNonNull(failure, "failure");
    }

    /** @return whether the download replaced the certificates */
    public boolean succeeded() {
        return failure.isEmpty();
    }
}
