package dev.tenderkit.testkit.alipay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of the simulated gateway: serves {@code POST /gateway.do}, reads the common
 * parameters from the query string and {@code biz_content} from the form body, checks the request
 * ({@link RequestCheck}), acts out a scripted {@link Fault} before or after the ledger, runs the
 * method under the wallet's lock, writes the ledger file when it changed, and sends the signed
 * answer ({@link ResponseRenderer}).
 */
final class GatewayDispatch implements HttpHandler {
    private final WalletState state;
    private final Map<String, GatewayMethod> methods;
    private final RequestCheck check;
    private final ResponseRenderer renderer;
    private final FaultRules faults;
    private final ResettableFront front;
    private final List<SimulatedAlipay.Received> received = new ArrayList<>();

    GatewayDispatch(WalletState state, RequestCheck check, ResponseRenderer renderer, FaultRules faults,
            ResettableFront front, GatewayMethod billUrlQuery) {
        this.state = state;
        this.check = check;
        this.renderer = renderer;
        this.faults = faults;
        this.front = front;
        this.methods = Map.of(
                "alipay.trade.pay", new TradePay(state),
                "alipay.trade.precreate", new TradePrecreate(state),
                "alipay.trade.query", new TradeQuery(state),
                "alipay.trade.cancel", new TradeCancel(state),
                "alipay.trade.close", new TradeClose(state),
                "alipay.trade.refund", new TradeRefund(state),
                "alipay.trade.fastpay.refund.query", new TradeRefundQuery(state),
                BillDownloads.METHOD, billUrlQuery);
    }

    List<SimulatedAlipay.Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"/gateway.do".equals(ex.getRequestURI().getPath())) {
                sendPlain(ex, 404, "not found: the simulated Alipay serves POST /gateway.do");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                sendPlain(ex, 405, "method not allowed: use POST");
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> query = Forms.parse(Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse(""));
            Map<String, String> params = new LinkedHashMap<>(query);
            String contentType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
            if (body.length > 0 && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                params.putAll(Forms.parse(new String(body, StandardCharsets.US_ASCII)));
            }
            String method = params.getOrDefault("method", "");
            String node = methods.containsKey(method) ? method.replace('.', '_') + "_response" : "error_response";

            Optional<Map<String, Object>> refusal = check.refusal(query, params, method);
            synchronized (received) {
                received.add(new SimulatedAlipay.Received(method, params, refusal.isEmpty()));
            }
            if (refusal.isPresent()) {
                sendSigned(ex, node, refusal.get(), false);
                return;
            }
            Map<String, Object> biz;
            try {
                biz = Json.parseObject(params.getOrDefault("biz_content", "{}"));
            } catch (IllegalArgumentException e) {
                sendSigned(ex, node, Answers.error("40002", "Invalid Arguments", "isv.invalid-parameter",
                        "biz_content is not a JSON object: " + e.getMessage()), false);
                return;
            }
            Optional<Fault> fault = faults.take(method, BizFields.str(biz, "auth_code"));
            if (fault.isPresent() && fault.get().when() == Fault.When.BEFORE_LEDGER
                    && !actOut(ex, fault.get(), node, Optional.empty())) {
                return;
            }
            Map<String, Object> answer = apply(method, biz, params);
            if (fault.isPresent() && fault.get().when() == Fault.When.AFTER_LEDGER
                    && !actOut(ex, fault.get(), node, Optional.of(answer))) {
                return;
            }
            sendSigned(ex, node, answer, false);
        } catch (RuntimeException e) {
            sendPlain(ex, 500, "simulator failure: " + e);
        }
    }

    private Map<String, Object> apply(String method, Map<String, Object> biz, Map<String, String> params) {
        synchronized (state.lock) {
            Answer a = methods.get(method).apply(biz, params);
            if (a.changed()) {
                state.persist();
            }
            return a.node();
        }
    }

    /**
     * Acts out a fault. Returns true when the normal answer should still be sent (a slow answer
     * after its delay).
     */
    private boolean actOut(HttpExchange ex, Fault f, String node, Optional<Map<String, Object>> answer) throws IOException {
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
                front.reset(ex.getRemoteAddress().getPort());
                return false;
            case HTTP_ERROR:
                sendPlain(ex, f.httpStatus(), "<html><body>" + f.httpStatus() + " Bad Gateway</body></html>");
                return false;
            case GARBAGE:
                byte[] junk = "<!DOCTYPE html>\u0000\u00ff{\"alipay_trade_\u00e9".getBytes(StandardCharsets.UTF_8);
                send(ex, 200, "application/json;charset=utf-8", junk);
                return false;
            case BAD_SIGNATURE:
                sendSigned(ex, node, answer.orElseThrow(), true);
                return false;
            case SYSTEM_ERROR:
                sendSigned(ex, node, Answers.error("20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙"),
                        false);
                return false;
            default:
                throw new IllegalStateException("unknown fault " + f.kind());
        }
    }

    private void sendSigned(HttpExchange ex, String node, Map<String, Object> fields, boolean wrongSignature)
            throws IOException {
        send(ex, 200, "text/html;charset=utf-8",
                renderer.render(node, fields, wrongSignature).getBytes(StandardCharsets.UTF_8));
    }

    private static void sendPlain(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
