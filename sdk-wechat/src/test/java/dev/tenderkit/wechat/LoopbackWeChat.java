package dev.tenderkit.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WeChat Pay stand-in on loopback for the gateway's tests: answers each path with what the test
 * scripted, signed by the official SDK's RSASigner (the oracle, not our crypto) or deliberately not,
 * and checks every request's Authorization with the official SDK's verifier.
 */
final class LoopbackWeChat implements AutoCloseable {
    /** How an answer is signed. */
    enum Signing { SIGNED, UNSIGNED, FORGED, STALE, PROBE }

    record Scripted(int status, String body, Signing signing) {
    }

    record Received(String method, String pathAndQuery, String body, boolean signatureValid, String wechatpaySerial) {
    }

    private static final Pattern AUTH = Pattern.compile("WECHATPAY2-SHA256-RSA2048 mchid=\"(\\d+)\",nonce_str=\"(\\w+)\","
            + "timestamp=\"(\\d+)\",serial_no=\"([0-9A-F]+)\",signature=\"([^\"]+)\"");
    private final HttpServer server;
    private final Map<String, Scripted> answers = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Fixtures.WeChatSide wechat;
    private final Fixtures.WeChatSide forger = new Fixtures.WeChatSide("other-merchant-key.pem", Fixtures.PUB_KEY_ID);
    private final RSAVerifier merchantVerifier =
            new RSAVerifier(Fixtures.officialPublicKey("merchant-cert-pub.pem"), Fixtures.SERIAL);
    private final Clock clock;
    private volatile java.util.function.Function<Received, Scripted> responder = r -> null;

    LoopbackWeChat(Fixtures.WeChatSide wechat, Clock clock) throws IOException {
        this.wechat = wechat;
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @param pathAndQuery the exact path (and query) to answer */
    void answer(String pathAndQuery, int status, String body, Signing signing) {
        answers.put(pathAndQuery, new Scripted(status, body, signing));
    }

    /** @param responder answers what it returns non-null for, before the scripted paths (a stateful scenario) */
    void responder(java.util.function.Function<Received, Scripted> responder) {
        this.responder = responder;
    }

    void answer(String pathAndQuery, int status, String body) {
        answer(pathAndQuery, status, body, Signing.SIGNED);
    }

    private void handle(HttpExchange ex) throws IOException {
        String pq = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        boolean valid = false;
        if (auth != null) {
            Matcher m = AUTH.matcher(auth);
            if (m.matches() && m.group(1).equals(Fixtures.MCHID) && m.group(4).equals(Fixtures.SERIAL)) {
                String message = ex.getRequestMethod() + "\n" + pq + "\n" + m.group(3) + "\n" + m.group(2) + "\n" + body
                        + "\n";
                valid = merchantVerifier.verify(Fixtures.SERIAL, message, m.group(5));
            }
        }
        Received got = new Received(ex.getRequestMethod(), pq, body, valid,
                String.valueOf(ex.getRequestHeaders().getFirst("Wechatpay-Serial")));
        received.add(got);
        Scripted dynamic = valid ? responder.apply(got) : null;
        Scripted s = dynamic != null ? dynamic : valid ? answers.get(pq)
                : new Scripted(401, "{\"code\":\"SIGN_ERROR\",\"message\":\"签名错误\"}", Signing.SIGNED);
        if (s == null) {
            s = new Scripted(404, "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}", Signing.SIGNED);
        }
        Instant now = clock.instant();
        Map<String, String> h = switch (s.signing()) {
            case SIGNED -> wechat.headers(s.body(), now, "nonce" + System.nanoTime());
            case UNSIGNED -> Map.of();
            case FORGED -> forger.headers(s.body(), now, "nonce" + System.nanoTime());
            case STALE -> wechat.headers(s.body(), now.minusSeconds(600), "nonce" + System.nanoTime());
            case PROBE -> OfficialSdkInteropTest.with(wechat.headers(s.body(), now, "n" + System.nanoTime()),
                    AnswerVerifier.SIGNATURE, "WECHATPAY/SIGNTEST/" + "AAAA");
        };
        h.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        byte[] out = s.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(s.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
