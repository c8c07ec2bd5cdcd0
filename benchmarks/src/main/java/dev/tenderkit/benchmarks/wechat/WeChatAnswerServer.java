package dev.tenderkit.benchmarks.wechat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The loopback WeChat Pay both SDKs talk to in the whole-call and cold-start benchmarks: HTTP/1.1 with
 * keep-alive on 127.0.0.1, answering {@code POST /v3/pay/transactions/native} with the prepay's
 * {@code code_url} and {@code GET /v3/pay/transactions/out-trade-no/…} with the paid trade, each
 * signed with WeChat Pay's key under its public-key id, as the real one does.
 *
 * <p>Written on a plain socket, not the JDK's {@code HttpServer}: that one rewrites header names
 * ({@code Wechatpay-timestamp}), and the official SDK looks the {@code Wechatpay-*} headers up by
 * their exact case, so it refuses every answer of a JDK server (as it would refuse sdk-testkit's
 * {@code SimulatedWeChatPay}'s). An answer is signed once and served again until it is a minute old,
 * then signed afresh (both clients refuse answers dated five minutes or more from their clock): the
 * server does no RSA per request, only HTTP, so what the figures compare is the clients. It reads
 * each request whole and checks nothing of it (the clients' own tests prove their requests verify).
 * One daemon thread per connection, TCP_NODELAY.
 */
final class WeChatAnswerServer implements AutoCloseable {
    static final String NATIVE_PATH = "/v3/pay/transactions/native";
    static final String QUERY_PATH = "/v3/pay/transactions/out-trade-no/";
    private static final Duration RESIGN_AFTER = Duration.ofMinutes(1);
    private static final byte[] NOT_FOUND = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final KeyPair wechat;
    private final String publicKeyId;
    private final boolean tamper;
    private Served nativeAnswer;
    private Served queryAnswer;

    /** A signed answer and its HTTP bytes, built once. */
    private record Served(SignedAnswer answer, byte[] http) {
    }

    private WeChatAnswerServer(KeyPair wechat, String publicKeyId, boolean tamper) throws IOException {
        this.wechat = wechat;
        this.publicKeyId = publicKeyId;
        this.tamper = tamper;
        this.nativeAnswer = sign(WeChatTrade.NATIVE_ANSWER);
        this.queryAnswer = sign(WeChatTrade.QUERY_ANSWER);
        socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        daemon("wechat-answers", this::accept).start();
    }

    /**
     * @param wechat WeChat Pay's key pair (the private half signs the answers)
     * @param publicKeyId the {@code PUB_KEY_ID_…} announced in {@code Wechatpay-Serial}
     * @param tamper whether one character of every answer is changed after signing
     * @return the started server
     */
    static WeChatAnswerServer start(KeyPair wechat, String publicKeyId, boolean tamper) {
        try {
            return new WeChatAnswerServer(wechat, publicKeyId, tamper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code http://127.0.0.1:port}, the base URL of both endpoints */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private Served sign(String body) {
        try {
            SignedAnswer a = SignedAnswer.sign(Signature.getInstance("SHA256withRSA"), wechat.getPrivate(), publicKeyId,
                    body, Instant.now(), tamper);
            return new Served(a, a.http());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an answer", e);
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                daemon("wechat-answers-connection", () -> serve(s)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return; // the client closed the connection
                }
                int length = 0;
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(h.substring(h.indexOf(':') + 1).trim());
                    }
                }
                in.readNBytes(length);
                String[] parts = requestLine.split(" ");
                out.write(answerFor(parts[0], parts.length > 1 ? parts[1] : ""));
                out.flush();
            }
        } catch (IOException e) {
            // the connection is gone; nothing to answer
        }
    }

    private synchronized byte[] answerFor(String method, String target) {
        boolean prepay = method.equals("POST") && target.equals(NATIVE_PATH);
        if (!prepay && !(method.equals("GET") && target.startsWith(QUERY_PATH))) {
            return NOT_FOUND;
        }
        Served a = prepay ? nativeAnswer : queryAnswer;
        if (Duration.between(a.answer().signedAt(), Instant.now()).compareTo(RESIGN_AFTER) > 0) {
            a = sign(prepay ? WeChatTrade.NATIVE_ANSWER : WeChatTrade.QUERY_ANSWER);
            if (prepay) {
                nativeAnswer = a;
            } else {
                queryAnswer = a;
            }
        }
        return a.http();
    }


    /** @return one CRLF-terminated line without its end, or null at the end of the stream */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that was asked
        }
    }

    /** @return the whole HTTP answer of a signed body, headers in WeChat Pay's own case */
    static byte[] http(Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(body.length).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }
}
