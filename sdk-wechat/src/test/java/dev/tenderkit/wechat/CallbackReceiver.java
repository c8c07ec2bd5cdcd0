package dev.tenderkit.wechat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The integrator's callback endpoint in tests: a loopback HTTP server that hands each POST to the
 * {@link WeChatPayCallbackHandler} set with {@link #handler(WeChatPayCallbackHandler)} and answers what it
 * says, remembering the statuses.
 */
final class CallbackReceiver implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<WeChatPayCallbackHandler> handler = new AtomicReference<>();
    private final List<Integer> answered = new CopyOnWriteArrayList<>();

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/wechat/notify", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = ex.getRequestHeaders();
            CallbackAnswer a = handler.get().handle(body, h.getFirst("Wechatpay-Timestamp"),
                    h.getFirst("Wechatpay-Nonce"), h.getFirst("Wechatpay-Signature"), h.getFirst("Wechatpay-Serial"));
            answered.add(a.status());
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(out);
                }
            }
            ex.close();
        });
        server.start();
    }

    void handler(WeChatPayCallbackHandler h) {
        handler.set(h);
    }

    /** @return the notify_url to give WeChat Pay */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/wechat/notify";
    }

    /** @return the HTTP statuses answered so far */
    List<Integer> answered() {
        return List.copyOf(answered);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
