package dev.tenderkit.alipay.mitm;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A man in the middle on loopback, between {@code AlipayGateway} (its {@code gatewayUrl} pointed
 * here) and the simulated Alipay: a small HTTP/1.1 server on a raw {@link ServerSocket} that reads
 * each request's method, out_trade_no and out_request_no, asks the {@link AttackPlan} what to do,
 * forwards the request to the simulator unless the plan withholds it, records every genuine signed
 * answer in the {@link AnswerPool}, and sends the engine either the wallet's answer or the plan's
 * replacement. Every exchange is kept, per trade, for the audit's messages; {@link #passThrough()}
 * ends the attacks.
 *
 * <p>A raw socket rather than the JDK's {@code HttpServer}: that one writes a response's head and
 * body apart, and Nagle's algorithm against the client's delayed ACK then costs 40 ms an answer.
 * Here each response is one write on a TCP_NODELAY socket; connections are kept alive.
 */
final class MitmProxy implements AutoCloseable {
    /**
     * One request and what the engine was told.
     *
     * @param request the request
     * @param attack the attack, if this answer was replaced
     * @param wallet the wallet's own answer ("withheld" if the request never reached it)
     */
    record Exchange(AttackPlan.Request request, Optional<Attack> attack, String wallet) {
        String describe() {
            return "#" + request.seq() + " " + request.describe() + ": " + attack.map(Attack::describe)
                    .orElse("let through") + "; the wallet's answer: " + wallet;
        }
    }

    /**
     * An attacked answer.
     *
     * @param mode forwarded or withheld
     * @param kind what was sent instead
     * @param detail where the replacement came from
     * @param source what the replayed (or forged-from) answer says
     */
    record Attack(AttackPlan.Mode mode, AttackPlan.Kind kind, String detail, String source) {
        String describe() {
            return mode + " " + kind + " [" + detail + "]";
        }
    }

    private final URI upstream;
    private final AttackPlan plan;
    private final AnswerPool pool;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final HttpClient client;
    private final Object lock = new Object();
    private long seq;
    private volatile boolean passThrough;
    private volatile boolean closed;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final Map<String, List<Exchange>> byTrade = new HashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private MitmProxy(URI upstream, AttackPlan plan, AnswerPool pool) throws IOException {
        this.upstream = upstream;
        this.plan = plan;
        this.pool = pool;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mitm-proxy");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(threads).build();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /**
     * @param upstream the simulated Alipay's gateway URL
     * @return a running proxy
     */
    static MitmProxy start(URI upstream, AttackPlan plan, AnswerPool pool) {
        try {
            return new MitmProxy(upstream, plan, pool);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the proxy", e);
        }
    }

    /** @return the URL to configure the gateway with */
    URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/gateway.do");
    }

    /** Ends the attack phase: from now on every request is forwarded and its answer sent on untouched. */
    void passThrough() {
        passThrough = true;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                connections.add(s);
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    failures.add("accept: " + e);
                }
                return;
            }
        }
    }

    /** Serves one keep-alive connection, a request at a time. */
    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (!closed) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;   // the client closed the connection between requests
                }
                Map<String, String> headers = new HashMap<>();
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    if (colon > 0) {
                        headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                h.substring(colon + 1).trim());
                    }
                }
                String[] parts = requestLine.split(" ");
                if (parts.length != 3 || !parts[0].equals("POST") || headers.containsKey("transfer-encoding")) {
                    failures.add("unexpected request: " + requestLine + " " + headers);
                    write(out, 400, "text/plain", "the proxy takes POSTs with a Content-Length", true);
                    return;
                }
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                URI target = URI.create(parts[1]);
                Answer a = handle(Optional.ofNullable(target.getRawQuery()).orElse(""), body,
                        headers.get("content-type"));
                boolean close = "close".equalsIgnoreCase(headers.get("connection"));
                write(out, a.status(), a.contentType(), a.body(), close);
                if (close) {
                    return;
                }
            }
        } catch (SocketException e) {
            // the client went away (the gateway's call timed out, or the test is closing)
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                failures.add(e.toString());
            }
        } finally {
            connections.remove(s);
        }
    }

    /** @return one CRLF-terminated line without its CRLF, or null at the end of the stream */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, int status, String contentType, String body, boolean close)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String reason = status == 200 ? " OK" : status == 500 ? " Internal Server Error" : " Bad Request";
        String head = "HTTP/1.1 " + status + reason + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + bytes.length + (close ? "\r\nConnection: close" : "") + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + bytes.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(bytes, 0, all, h.length, bytes.length);
        out.write(all);
        out.flush();
    }

    /** What the engine is sent. */
    private record Answer(int status, String contentType, String body) {
    }

    private Answer handle(String rawQuery, byte[] body, String contentType) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(form(rawQuery));
        params.putAll(form(new String(body, StandardCharsets.US_ASCII)));
        Map<String, String> biz = AnswerPool.scalars(params.getOrDefault("biz_content", "{}"));
        String method = params.getOrDefault("method", "");
        Optional<String> amount = Optional.ofNullable(biz.get(method.equals("alipay.trade.refund")
                ? "refund_amount" : "total_amount"));
        // One request at a time: the engine runs on one thread, so the order of arrival, and with it
        // every decision of the seeded plan, is the same on every run with the same seed.
        synchronized (lock) {
            AttackPlan.Request r = new AttackPlan.Request(seq++, method, biz.getOrDefault("out_trade_no", ""),
                    Optional.ofNullable(biz.get("out_request_no")), amount);
            Optional<AttackPlan.Decision> decision = passThrough ? Optional.empty() : plan.decide(r);
            Upstream answer = null;
            Optional<AnswerPool.Entry> genuine = Optional.empty();
            if (decision.isEmpty() || decision.get().mode() == AttackPlan.Mode.FORWARDED) {
                answer = forward(rawQuery, body, contentType);
                if (answer.status() == 200) {
                    genuine = pool.add(r.seq(), method, r.outTradeNo(), r.outRequestNo(), answer.body());
                }
            }
            String wallet = answer == null ? "withheld"
                    : genuine.map(AnswerPool.Entry::describe).orElse("HTTP " + answer.status() + " " + answer.body());
            if (decision.isEmpty()) {
                record(new Exchange(r, Optional.empty(), wallet));
                return new Answer(answer.status(), answer.contentType(), answer.body());
            }
            AttackPlan.Replacement rep = plan.replace(decision.get(), r, genuine, pool);
            Attack attack = new Attack(decision.get().mode(), rep.kind(), rep.detail(), rep.source());
            record(new Exchange(r, Optional.of(attack), wallet));
            return new Answer(rep.status(), rep.status() == 200 ? "text/html;charset=utf-8" : "text/html", rep.body());
        }
    }

    private record Upstream(int status, String contentType, String body) {
    }

    private Upstream forward(String rawQuery, byte[] body, String contentType) throws IOException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(upstream + "?" + rawQuery))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            req.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Upstream(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse("text/plain"),
                    new String(resp.body(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted forwarding to the simulator", e);
        }
    }

    private void record(Exchange e) {
        exchanges.add(e);
        byTrade.computeIfAbsent(e.request().outTradeNo(), k -> new ArrayList<>()).add(e);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    // ---------------------------------------------------------------- what happened

    /** @return every exchange of a trade, in order */
    List<Exchange> exchanges(String outTradeNo) {
        synchronized (lock) {
            return List.copyOf(byTrade.getOrDefault(outTradeNo, List.of()));
        }
    }

    /** @return the latest exchange of a trade (of one of its refunds, when {@code outRequestNo} is given) */
    Optional<Exchange> lastExchange(String outTradeNo, Optional<String> outRequestNo) {
        synchronized (lock) {
            List<Exchange> list = byTrade.getOrDefault(outTradeNo, List.of());
            for (int i = list.size() - 1; i >= 0; i--) {
                if (outRequestNo.isEmpty() || list.get(i).request().outRequestNo().equals(outRequestNo)) {
                    return Optional.of(list.get(i));
                }
            }
            return Optional.empty();
        }
    }

    /** @return every exchange so far */
    List<Exchange> exchanges() {
        synchronized (lock) {
            return List.copyOf(exchanges);
        }
    }

    /** @return requests the proxy could not handle (it forwards to a live simulator: expected none) */
    List<String> failures() {
        return Collections.unmodifiableList(failures);
    }

    private static List<Closeable> concat(ServerSocket server, Set<Socket> sockets) {
        List<Closeable> all = new ArrayList<>(List.of(server));
        all.addAll(sockets);
        return all;
    }

    @Override
    public void close() {
        closed = true;
        for (Closeable c : concat(server, connections)) {
            try {
                c.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
