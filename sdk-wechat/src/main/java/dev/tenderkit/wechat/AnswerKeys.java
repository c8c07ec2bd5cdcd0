package dev.tenderkit.wechat;

import dev.tenderkit.core.crypto.BoundVerifier;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The keys one merchant's answers are verified with, chosen by {@code Wechatpay-Serial}
 * (wechatpay.md §2): the public key when the serial is its {@code PUB_KEY_ID_…}, otherwise a
 * platform certificate with that serial, otherwise none. The platform certificates are replaced as a
 * whole when {@link PlatformCertificates} downloads them. One per gateway, never global;
 * thread-safe.
 */
final class AnswerKeys {
    private final SigningScheme scheme;
    private final Optional<String> publicKeyId;
    private final Optional<BoundVerifier> publicKey;
    private final AtomicReference<Map<String, BoundVerifier>> platform = new AtomicReference<>(Map.of());
    private final AtomicReference<String> newest = new AtomicReference<>();

    AnswerKeys(WeChatPayCredentials credentials) {
        this.scheme = credentials.signingScheme();
        this.publicKeyId = credentials.publicKeyId();
        this.publicKey = credentials.publicKeyVerifier();
    }

    private AnswerKeys(AnswerKeys base, Map<String, BoundVerifier> platform) {
        this.scheme = base.scheme;
        this.publicKeyId = base.publicKeyId;
        this.publicKey = base.publicKey;
        this.platform.set(Map.copyOf(platform));
    }

    /** @return the scheme every key here verifies: answers must be signed in it */
    SigningScheme scheme() {
        return scheme;
    }

    /** @return keys like these but with the given platform certificates: to verify a download with what it carries */
    AnswerKeys withPlatformCertificates(Map<String, BoundVerifier> bySerial) {
        return new AnswerKeys(this, bySerial);
    }

    /**
     * @return the serial to send as {@code Wechatpay-Serial}, which picks the key WeChat Pay signs
     *     its answer with: the public-key id when configured, else the platform certificate that
     *     expires last
     */
    Optional<String> requestSerial() {
        return publicKeyId.isPresent() ? publicKeyId : Optional.ofNullable(newest.get());
    }

    /** @param serial the platform certificate that expires last */
    void newest(String serial) {
        newest.set(serial);
    }

    /** @param serial the {@code Wechatpay-Serial} @return the verifier it names, if known */
    Optional<BoundVerifier> forSerial(String serial) {
        if (publicKeyId.isPresent() && publicKeyId.get().equals(serial)) {
            return publicKey;
        }
        return Optional.ofNullable(platform.get().get(WeChatPayCredentials.normalSerialOrSelf(serial)));
    }

    /** @param bySerial the platform certificates' verifiers by uppercase serial */
    void replacePlatformCertificates(Map<String, BoundVerifier> bySerial) {
        platform.set(Map.copyOf(Objects.requireNonNull(bySerial, "bySerial")));
    }

    /** @return the serials of the platform certificates known now */
    java.util.Set<String> platformSerials() {
        return platform.get().keySet();
    }
}
