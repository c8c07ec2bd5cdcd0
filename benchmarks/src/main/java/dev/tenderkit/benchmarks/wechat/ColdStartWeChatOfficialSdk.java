package dev.tenderkit.benchmarks.wechat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The same as {@link ColdStartWeChatTenderKit} with the official WeChat Pay SDK: {@code RSAPublicKeyConfig},
 * its default OkHttp client and {@code NativePayService.prepay} ({@link OfficialWeChatClient}), the
 * verified code URL checked, exit. Run on the official SDK's own class path (its jar and what its POM
 * declares: OkHttp 4, Kotlin's standard library, Gson, Apache HttpClient, slf4j-api 1.7), not on the
 * benchmarks' shaded jar.
 */
public final class ColdStartWeChatOfficialSdk {

    private ColdStartWeChatOfficialSdk() {
    }

    /**
     * @param args the directory {@link ColdStartWeChatGateway} wrote
     * @throws IOException when the files cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        new OfficialWeChatClient(URI.create(ColdStartWeChatGateway.read(dir, "url")),
                ColdStartWeChatGateway.read(dir, "merchant-private.pem"), ColdStartWeChatGateway.read(dir, "merchant-serial"),
                ColdStartWeChatGateway.read(dir, "wechat-public.pem"), ColdStartWeChatGateway.read(dir, "public-key-id"),
                ColdStartWeChatGateway.read(dir, "api-v3-key")).prepay(); // throws unless verified
        System.exit(0);
    }
}
