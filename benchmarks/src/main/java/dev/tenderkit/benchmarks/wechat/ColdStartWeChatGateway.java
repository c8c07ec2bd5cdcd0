package dev.tenderkit.benchmarks.wechat;

import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The WeChat Pay the cold-start measurement (benchmarks/README.md, "Cold start") calls, in its own
 * process: {@link WeChatAnswerServer} on fresh keys, which it writes to a directory for the clients to
 * read as a POS reads its configuration.
 *
 * <p>{@code java -cp benchmarks.jar dev.tenderkit.benchmarks.wechat.ColdStartWeChatGateway DIR};
 * writes {@code DIR/url}, the merchant's private key, WeChat Pay's public key (PEM), the public-key id,
 * the merchant serial and the APIv3 key, then serves until its standard input closes.
 */
public final class ColdStartWeChatGateway {

    private ColdStartWeChatGateway() {
    }

    /**
     * @param args the directory for the keys and the URL
     * @throws IOException when the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ColdStartWeChatGateway <directory for the keys and the url>");
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        SimulatedWeChatPayKeys keys = SimulatedWeChatPayKeys.generate();
        try (WeChatAnswerServer server = WeChatAnswerServer.start(keys.wechatKeyPair(), keys.publicKeyId(), false)) {
            write(dir.resolve("merchant-private.pem"), keys.merchantPrivateKeyPem());
            write(dir.resolve("merchant-serial"), keys.merchantCertificateSerial());
            write(dir.resolve("wechat-public.pem"), keys.wechatPublicKeyPem());
            write(dir.resolve("public-key-id"), keys.publicKeyId());
            write(dir.resolve("api-v3-key"), keys.apiV3Key());
            write(dir.resolve("url"), server.baseUrl().toString());
            System.out.println("WeChat Pay answers on " + server.baseUrl() + "; close stdin to stop");
            while (System.in.read() >= 0) {
                // serve until the measuring script closes our standard input
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the text of one file the gateway wrote */
    static String read(Path dir, String name) throws IOException {
        return new String(Files.readAllBytes(dir.resolve(name)), StandardCharsets.UTF_8);
    }
}
