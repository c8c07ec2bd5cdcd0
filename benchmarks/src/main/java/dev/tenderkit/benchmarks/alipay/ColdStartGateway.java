package dev.tenderkit.benchmarks.alipay;

import com.sun.net.httpserver.HttpServer;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The gateway the cold-start measurement (benchmarks/README.md, "Cold start") pays against, in its
 * own process: a loopback server answering every request with the pre-signed pay success, on fresh
 * key pairs written to a directory for the clients to read as a POS reads its configuration.
 *
 * <p>{@code java -cp benchmarks.jar dev.tenderkit.benchmarks.alipay.ColdStartGateway DIR}; writes
 * {@code DIR/url}, the app's private key and Alipay's public key as PEM (TenderKit) and as bare
 * base64 (the official SDK), then serves until its standard input closes.
 */
public final class ColdStartGateway {

    private ColdStartGateway() {
    }

    /**
     * @param args the directory for the keys and the URL
     * @throws IOException when the server cannot start or the files cannot be written
     * @throws GeneralSecurityException when the answer cannot be signed
     */
    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ColdStartGateway <directory for the keys and the url>");
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
        HttpServer server = LoopbackPayCall.serve(LoopbackPayCall.signedAnswer(keys, false));
        write(dir.resolve("app-private.pem"), keys.appPrivateKeyPem());
        write(dir.resolve("app-private.b64"), keys.appPrivateKeyBase64());
        write(dir.resolve("alipay-public.pem"), keys.alipayPublicKeyPem());
        write(dir.resolve("alipay-public.b64"), keys.alipayPublicKeyBase64());
        write(dir.resolve("url"), "http://127.0.0.1:" + server.getAddress().getPort() + "/gateway.do");
        System.out.println("serving on port " + server.getAddress().getPort() + "; close stdin to stop");
        while (System.in.read() >= 0) {
            // serve until the measuring script closes our standard input
        }
        server.stop(0);
    }

    private static void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
