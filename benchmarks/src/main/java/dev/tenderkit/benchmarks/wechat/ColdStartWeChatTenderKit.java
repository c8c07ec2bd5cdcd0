package dev.tenderkit.benchmarks.wechat;

import dev.tenderkit.transport.http.GatewayTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One whole process, JVM start to the first verified WeChat Pay answer: reads the keys (PEM) and the
 * URL that {@link ColdStartWeChatGateway} wrote, builds a {@code WeChatPayGateway} (public-key mode,
 * the JDK's provider), makes one native payment ({@code precreate}), checks the verified code URL and
 * exits. Measured against {@link ColdStartWeChatOfficialSdk} by benchmarks/cold-start/run, each on
 * its own minimal class path.
 */
public final class ColdStartWeChatTenderKit {

    private ColdStartWeChatTenderKit() {
    }

    /**
     * @param args the directory {@link ColdStartWeChatGateway} wrote
     * @throws IOException when the files cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        TenderKitWeChatClient client = new TenderKitWeChatClient(URI.create(ColdStartWeChatGateway.read(dir, "url")),
                GatewayTransport.builder().build(), ColdStartWeChatGateway.read(dir, "merchant-private.pem"),
                ColdStartWeChatGateway.read(dir, "merchant-serial"), ColdStartWeChatGateway.read(dir, "wechat-public.pem"),
                ColdStartWeChatGateway.read(dir, "public-key-id"), ColdStartWeChatGateway.read(dir, "api-v3-key"),
                Optional.empty());
        client.precreate(); // throws unless the code URL came back verified
        System.exit(0); // both programs end the same way, whatever threads their HTTP clients left
    }
}
