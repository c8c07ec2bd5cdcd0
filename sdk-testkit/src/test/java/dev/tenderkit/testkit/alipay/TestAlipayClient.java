package dev.tenderkit.testkit.alipay;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal Alipay client for the simulator's tests, written separately from the simulator: its own
 * PEM parsing, signing string, signing, raw-substring extraction and verification. Common
 * parameters go in the query string, biz_content in the form body.
 */
final class TestAlipayClient {
    /** What came back. */
    record Reply(int status, String body, String node, String rawContent, boolean signatureValid, Map<String, Object> fields) {
        String code() {
            return String.valueOf(fields.get("code"));
        }

        String subCode() {
            return String.valueOf(fields.get("sub_code"));
        }

        String field(String name) {
            return String.valueOf(fields.get(name));
        }
    }

    private final URI gateway;
    private final String appId;
    private final PrivateKey appKey;
    private final PublicKey alipayKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Duration timeout = Duration.ofSeconds(10);
    /** Further common parameters (certificate SNs, notify_url), sent in the query string and signed. */
    final Map<String, String> extra = new LinkedHashMap<>();

    TestAlipayClient(URI gateway, String appId, String appPrivatePem, String alipayPublicPem) throws Exception {
        this.gateway = gateway;
        this.appId = appId;
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        this.appKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(appPrivatePem)));
        this.alipayKey = rsa.generatePublic(new X509EncodedKeySpec(der(alipayPublicPem)));
    }

    private static byte[] der(String pem) {
        StringBuilder b64 = new StringBuilder();
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----")) {
                b64.append(line.trim());
            }
        }
        return Base64.getDecoder().decode(b64.toString());
    }

    /** The request's sign content, computed here: sorted keys, blank values out, sign out, raw values. */
    static String content(Map<String, String> params) {
        List<String> keys = new ArrayList<>(params.keySet());
        keys.sort(null);
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            String v = params.get(k);
            if (k.equals("sign") || v == null || v.trim().isEmpty()) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v);
        }
        return sb.toString();
    }

    Map<String, String> common(String method) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("app_id", appId);
        p.put("method", method);
        p.put("format", "JSON");
        p.put("charset", "utf-8");
        p.put("sign_type", "RSA2");
        p.put("timestamp", "2026-11-25 10:00:00");
        p.put("version", "1.0");
        p.putAll(extra);
        return p;
    }

    Reply call(String method, String biz) throws IOException, InterruptedException {
        Map<String, String> q = common(method);
        Map<String, String> all = new LinkedHashMap<>(q);
        all.put("biz_content", biz);
        q.put("sign", sign(content(all), appKey));
        return send(q, Map.of("biz_content", biz), method);
    }

    /** Sends exactly these query and body parameters (already signed or not). */
    Reply send(Map<String, String> query, Map<String, String> body, String method) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(gateway + "?" + form(query)))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return parse(resp.statusCode(), resp.body(), method);
    }

    Reply parse(int status, String body, String method) {
        String node = method.replace('.', '_') + "_response";
        String raw = extract(body, node);
        if (raw == null) {
            node = "error_response";
            raw = extract(body, node);
        }
        if (raw == null) {
            return new Reply(status, body, "", "", false, Map.of());
        }
        String sign = signOf(body);
        boolean ok = sign != null && verify(raw, sign);
        return new Reply(status, body, node, raw, ok, Json.parseObject(raw));
    }

    /** The raw text of the node's object value: from its '{' to the matching '}', strings respected. */
    static String extract(String body, String node) {
        int at = body.indexOf("\"" + node + "\"");
        if (at < 0) {
            return null;
        }
        int start = body.indexOf('{', at + node.length() + 2);
        if (start < 0) {
            return null;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return body.substring(start, i + 1);
            }
        }
        return null;
    }

    private static String signOf(String body) {
        int at = body.lastIndexOf("\"sign\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + 8;
        return body.substring(from, body.indexOf('"', from));
    }

    boolean verify(String raw, String sign) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(alipayKey);
            s.update(raw.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(sign));
        } catch (Exception e) {
            return false;
        }
    }

    static String sign(String content, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    PrivateKey appKey() {
        return appKey;
    }

    static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }
}
