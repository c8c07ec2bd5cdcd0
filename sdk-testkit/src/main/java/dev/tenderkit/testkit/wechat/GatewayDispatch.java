package dev.tenderkit.testkit.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of the simulated WeChat Pay: routes the request ({@link Routes}), checks its
 * {@code Authorization} ({@link RequestAuth}), acts out a scripted {@link Fault} before or after the
 * ledger, runs the endpoint under the wallet's lock, writes the ledger file when it changed, and
 * sends the answer signed ({@link AnswerSigner}) with the serial the request asked for in
 * {@code Wechatpay-Serial} (the public-key id by default).
 */
final class GatewayDispatch implements HttpHandler {
    private final WalletState state;
    private final Map<String, Endpoint> endpoints;
    private final RequestAuth auth;
    private final AnswerSigner signer;
    private final SerialChoice serials;
    private final FaultRules faults;
    private final ConnectionRelay relay;
    private final TradeBillApply bills;
    private final List<SimulatedWeChatPay.Received> received = new ArrayList<>();

    GatewayDispatch(WalletState state, Map<String, Endpoint> endpoints, RequestAuth auth, AnswerSigner signer,
            SerialChoice serials, FaultRules faults, ConnectionRelay relay, TradeBillApply bills) {
        this.state = state;
        this.endpoints = endpoints;
        this.auth = auth;
        this.signer = signer;
        this.serials = serials;
        this.faults = faults;
        this.relay = relay;
        this.bills = bills;
    }

    List<SimulatedWeChatPay.Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] bytes;
            try (InputStream in = ex.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            String method = ex.getRequestMethod();
            String rawPath = ex.getRequestURI().getRawPath();
            String rawQuery = ex.getRequestURI().getRawQuery();
            String url = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
            String serial = serials.forRequest(Optional.ofNullable(ex.getRequestHeaders().getFirst("Wechatpay-Serial")));
            Optional<Routes.Route> route = Routes.match(method, rawPath);
            Optional<Answer> refusal = auth.refusal(method, url,
                    Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")), body);
            String endpoint = route.map(Routes.Route::endpoint).orElse("");
            record(endpoint, method, url, body, refusal.isEmpty(), ex);
            if (refusal.isPresent()) {
                send(ex, refusal.get(), serial, AnswerSigner.Spoil.NONE);
                return;
            }
            if (route.isEmpty()) {
                send(ex, Answer.error(404, "NOT_FOUND", "请求的资源不存在: " + rawPath), serial, AnswerSigner.Spoil.NONE);
                return;
            }
            if (!route.get().methodAllowed()) {
                send(ex, Answer.error(405, "METHOD_NOT_ALLOWED", "不支持的请求方法 " + method), serial,
                        AnswerSigner.Spoil.NONE);
                return;
            }
            Map<String, Object> json;
            try {
                json = body.isEmpty() ? Map.of() : Json.parseObject(body);
            } catch (IllegalArgumentException e) {
                send(ex, Answer.error(400, "PARAM_ERROR", "请求体不是合法的JSON: " + e.getMessage()), serial,
                        AnswerSigner.Spoil.NONE);
                return;
            }
            Call call = new Call(route.get().pathId(), query(rawQuery), json);
            Optional<Fault> fault = faults.take(endpoint, Json.text(json, "payer", "auth_code"));
            if (fault.isPresent() && fault.get().when() == Fault.When.BEFORE_LEDGER
                    && !actOut(ex, fault.get(), Optional.empty(), serial)) {
                return;
            }
            if (endpoint.equals("bill-download")) {
                // WeChat Pay signs no file: the bill goes out bare, and the client checks its hash
                TradeBillApply.Served served = bills.file(call);
                if (served.file().isPresent()) {
                    sendRaw(ex, 200, Map.of(), "application/octet-stream", served.file().get());
                } else {
                    send(ex, served.refusal().orElseThrow(), serial, AnswerSigner.Spoil.NONE);
                }
                return;
            }
            Answer answer = apply(route.get(), call);
            if (fault.isPresent() && fault.get().when() == Fault.When.AFTER_LEDGER
                    && !actOut(ex, fault.get(), Optional.of(answer), serial)) {
                return;
            }
            send(ex, answer, serial, AnswerSigner.Spoil.NONE);
        } catch (RuntimeException e) {
            sendRaw(ex, 500, Map.of(), "text/plain;charset=utf-8", ("simulator failure: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private Answer apply(Routes.Route route, Call call) {
        String key = route.endpoint().equals("query") && route.byTransactionId() ? "query-by-id" : route.endpoint();
        synchronized (state.lock) {
            Answer a = endpoints.get(key).handle(call);
            if (a.changed()) {
                state.persist();
            }
            return a;
        }
    }

    /** Acts out a fault; true when the normal answer should still be sent (a slow answer, after its delay). */
    private boolean actOut(HttpExchange ex, Fault f, Optional<Answer> answer, String serial) throws IOException {
        switch (f.kind()) {
            case SLOW:
                try {
                    Thread.sleep(f.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                return true;
            case RESET:
                relay.reset(ex.getRemoteAddress().getPort());
                return false;
            case HTTP_ERROR:
                sendRaw(ex, f.httpStatus(), Map.of(), "text/html;charset=utf-8",
                        ("<html><body><h1>" + f.httpStatus() + " Bad Gateway</h1></body></html>").getBytes(StandardCharsets.UTF_8));
                return false;
            case GARBAGE: {
                String junk = "<!DOCTYPE html>\u0000\u00ff{\"trade_state\":\"SUCC";
                sendRaw(ex, 200, signer.headers(junk, serial, AnswerSigner.Spoil.NONE), "application/json;charset=utf-8",
                        junk.getBytes(StandardCharsets.UTF_8));
                return false;
            }
            case UNSIGNED_ERROR:
                sendRaw(ex, f.httpStatus(), Map.of(), "application/json;charset=utf-8",
                        Json.write(Answer.errorBody(f.code(), "模拟的未签名错误")).getBytes(StandardCharsets.UTF_8));
                return false;
            case FORGED_ERROR:
                send(ex, Answer.error(f.httpStatus(), f.code(), "模拟的伪造错误"), serial, AnswerSigner.Spoil.FOREIGN_KEY);
                return false;
            case SYSTEM_ERROR:
                send(ex, Answer.error(500, "SYSTEM_ERROR", "系统错误"), serial, AnswerSigner.Spoil.NONE);
                return false;
            case REFUSAL:
                send(ex, Answer.error(f.httpStatus(), f.code(), "模拟的" + f.code()), serial, AnswerSigner.Spoil.NONE);
                return false;
            case BAD_SIGNATURE:
                send(ex, answer.orElseThrow(), serial, AnswerSigner.Spoil.WRONG_TEXT);
                return false;
            case STALE_TIMESTAMP:
                send(ex, answer.orElseThrow(), serial, AnswerSigner.Spoil.STALE);
                return false;
            case PROBE_SIGNATURE:
                send(ex, answer.orElseThrow(), serial, AnswerSigner.Spoil.PROBE);
                return false;
            default:
                throw new IllegalStateException("unknown fault " + f.kind());
        }
    }

    private void send(HttpExchange ex, Answer a, String serial, AnswerSigner.Spoil spoil) throws IOException {
        String text = a.body().map(Json::write).orElse("");
        sendRaw(ex, a.status(), signer.headers(text, serial, spoil), "application/json;charset=utf-8",
                text.getBytes(StandardCharsets.UTF_8));
    }

    private void sendRaw(HttpExchange ex, int status, Map<String, String> headers, String contentType, byte[] bytes)
            throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Request-ID", state.crypto.nonce(24));
        if (status == 204) {
            ex.sendResponseHeaders(204, -1);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void record(String endpoint, String method, String url, String body, boolean authentic, HttpExchange ex) {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Authorization")) {
                headers.put(k, String.join(",", v));
            }
        });
        synchronized (received) {
            received.add(new SimulatedWeChatPay.Received(endpoint, method, url, body, headers, authentic));
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }
}
