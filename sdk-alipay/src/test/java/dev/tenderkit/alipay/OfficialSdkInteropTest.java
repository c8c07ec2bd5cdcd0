package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.internal.util.AntCertificationUtil;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Byte-for-byte interop with the official alipay-sdk-java (test scope only): our request signatures
 * verify with its checker on the content it builds from the same parameters; responses and
 * notifications it signs verify with ours, and any one-character change fails; certificate serial
 * numbers equal its own. Fixed seeds; every run checks the same parameter sets.
 */
class OfficialSdkInteropTest {
    static final int SETS = 1000;
    private static final String CHARSET = "utf-8";
    private static final String[] ATOMS = {
        "a", "Z", "9", " ", "&", "=", "/", "+", "%", "?", "#", "\"", "\\", "{", "}", "[", "]", ":", ",",
        "花呗", "支付宝", "当面付", "测试商品", "￥", "，", "😀", "🧧", "é", "\t", "\\/", "\\u82b1", "\u00a0", "-", "_", ".",
    };
    private static final String[] KEYS = {
        "app_id", "method", "format", "charset", "sign_type", "timestamp", "version", "notify_url", "biz_content",
        "app_auth_token", "alipay_sdk", "prod_code", "terminal_type", "a", "B", "_x", "z9", "subject", "中文键",
    };

    private final String appPrivB64 = Fixtures.base64("app-private-pkcs8.pem");
    private final String appPubB64 = Fixtures.base64("app-public.pem");
    private final String alipayPrivB64 = Fixtures.base64("alipay-private-pkcs8.pem");
    private final AlipayCredentials creds = Fixtures.publicKeyMode();

    static String randomText(Random r, int maxAtoms) {
        int n = r.nextInt(maxAtoms + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ATOMS[r.nextInt(ATOMS.length)]);
        }
        return sb.toString();
    }

    private static Map<String, String> randomParams(Random r) {
        return randomParams(r, "RSA2");
    }

    static Map<String, String> randomParams(Random r, String signType) {
        Map<String, String> p = new HashMap<>();
        int n = 1 + r.nextInt(KEYS.length);
        for (int i = 0; i < n; i++) {
            String v = switch (r.nextInt(8)) {
                case 0 -> "";
                case 1 -> " ";
                default -> randomText(r, 12);
            };
            p.put(KEYS[r.nextInt(KEYS.length)], v);
        }
        p.put("sign_type", signType);
        return p;
    }

    @Test
    void ourRequestSignaturesVerifyWithTheOfficialChecker() throws Exception {
        Random r = new Random(20261125L);
        AlipaySigner signer = creds.signer();
        for (int set = 0; set < SETS; set++) {
            Map<String, String> params = randomParams(r);
            String sign = signer.signRequest(params);
            String officialContent = AlipaySignature.getSignContent(new HashMap<>(params));
            assertEquals(officialContent, AlipaySigner.requestSignContent(params), "content of set " + set);
            assertTrue(AlipaySignature.rsaCheck(officialContent, sign, appPubB64, CHARSET, "RSA2"), "set " + set);
            assertTrue(AlipaySignature.rsa256CheckContent(officialContent, sign, appPubB64, CHARSET), "set " + set);
        }
    }

    @Test
    void officialRequestSignaturesEqualOurs() throws Exception {
        // PKCS#1 v1.5 signatures are deterministic: the same content and key give the same bytes.
        Random r = new Random(7L);
        for (int set = 0; set < 200; set++) {
            Map<String, String> params = randomParams(r);
            String official = AlipaySignature.rsaSign(AlipaySignature.getSignContent(new HashMap<>(params)), appPrivB64, CHARSET, "RSA2");
            assertEquals(official, creds.signer().signRequest(params), "set " + set);
        }
    }

    /** A random JSON object text, including nested objects, escapes, braces and quotes inside strings. */
    static String randomObject(Random r, int depth) {
        StringBuilder sb = new StringBuilder("{");
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(r.nextBoolean() ? "," : " , ");
            }
            sb.append('"').append(i == 0 ? "code" : "k" + i).append("\":");
            int kind = r.nextInt(6);
            if (kind == 0 && depth < 3) {
                sb.append(randomObject(r, depth + 1));
            } else if (kind == 1 && depth < 3) {
                sb.append('[').append(randomObject(r, depth + 1)).append(",\"}\"]");
            } else if (kind == 2) {
                sb.append(r.nextInt(100000));
            } else {
                sb.append('"').append(jsonString(randomText(r, 10))).append('"');
            }
        }
        return sb.append('}').toString();
    }

    /** Escapes quotes and lone backslashes but keeps the atoms' deliberate escapes ({@code \/}, {@code \\u82b1}). */
    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == 'u')) {
                sb.append(c);
            } else if (c == '\\' || c == '"') {
                sb.append('\\').append(c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Test
    void responsesSignedByTheOfficialSdkVerifyWithOursAndAnyChangeFails() throws Exception {
        Random r = new Random(42L);
        AlipayVerifier verifier = creds.verifier();
        String method = "alipay.trade.pay";
        String node = "alipay_trade_pay_response";
        int slashRetries = 0;
        for (int set = 0; set < SETS; set++) {
            boolean error = r.nextInt(5) == 0;
            String n = error ? "error_response" : node;
            String content = randomObject(r, 0);
            // Alipay signs the unescaped text and may send \/ (alipay.md §2); cover both.
            boolean escapeSlashes = r.nextInt(4) == 0 && content.contains("/");
            String signed = content;
            String sent = escapeSlashes ? content.replace("/", "\\/").replace("\\\\/", "\\/") : content;
            if (escapeSlashes && sent.replace("\\/", "/").equals(signed)) {
                slashRetries++;
            } else {
                sent = content;
            }
            String sign = AlipaySignature.rsaSign(signed, alipayPrivB64, CHARSET, "RSA2");
            String body = r.nextBoolean()
                    ? "{\"" + n + "\":" + sent + ",\"sign\":\"" + sign + "\"}"
                    : "{ \"sign\" : \"" + sign.replace("/", "\\/") + "\", \"" + n + "\" : " + sent + " }";
            ResponseVerification v = verifier.verifyResponse(body, method);
            ResponseVerification.Verified ok = assertInstanceOf(ResponseVerification.Verified.class, v, "set " + set + ": " + body);
            assertEquals(sent, ok.content());
            assertEquals(error, ok.isErrorResponse());
            // The official extractor finds the same raw text.
            int at = body.indexOf(n) + n.length() + 2;
            assertEquals(sent, AlipaySignature.extractSignContent(body, at).getSourceData(), "set " + set);

            int start = body.indexOf(sent);
            int pos = start + r.nextInt(sent.length());
            assertFalse(verifier.verifyResponse(mutate(body, pos, r), method) instanceof ResponseVerification.Verified,
                    "one changed character in the content must fail, set " + set);
            int signAt = body.indexOf(sign.substring(0, 8));
            int spos = signAt + r.nextInt(sign.length() - 4);
            String badSign = mutateBase64(body, spos, r);
            assertFalse(verifier.verifyResponse(badSign, method) instanceof ResponseVerification.Verified,
                    "one changed character in the sign must fail, set " + set);
        }
        assertTrue(slashRetries > 30, "the escaped-slash case was exercised " + slashRetries + " times");
    }

    private static String mutate(String s, int pos, Random r) {
        char old = s.charAt(pos);
        char c;
        do {
            c = (char) (0x21 + r.nextInt(0x5e));
        } while (c == old);
        return s.substring(0, pos) + c + s.substring(pos + 1);
    }

    /** Changes one base64 character of the sign at or before {@code pos}, skipping its {@code \/} escapes. */
    private static String mutateBase64(String s, int pos, Random r) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+";
        while (s.charAt(pos) == '\\' || s.charAt(pos) == '/') {
            pos--;
        }
        char old = s.charAt(pos);
        char c;
        do {
            c = alphabet.charAt(r.nextInt(alphabet.length()));
        } while (c == old);
        return s.substring(0, pos) + c + s.substring(pos + 1);
    }

    @Test
    void notificationsSignedByTheOfficialSdkVerifyWithOursAndAnyChangeFails() throws Exception {
        Random r = new Random(99L);
        AlipayVerifier verifier = creds.verifier();
        for (int set = 0; set < SETS; set++) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("app_id", "2021000000000001");
            params.put("out_trade_no", "T" + set);
            params.put("total_amount", r.nextInt(10000) + "." + (10 + r.nextInt(90)));
            params.put("trade_status", "TRADE_SUCCESS");
            params.put("notify_id", Long.toHexString(r.nextLong()));
            int extra = r.nextInt(6);
            for (int i = 0; i < extra; i++) {
                params.put(KEYS[r.nextInt(KEYS.length)], randomText(r, 8));
            }
            String sign = AlipaySignature.rsaSign(AlipaySignature.getSignCheckContentV1(new HashMap<>(params)), alipayPrivB64, CHARSET, "RSA2");
            params.put("sign", sign);
            params.put("sign_type", "RSA2");
            assertEquals(AlipaySignature.getSignCheckContentV1(new HashMap<>(params)), AlipayVerifier.notificationSignContent(params),
                    "content of set " + set);
            assertTrue(AlipaySignature.rsaCheckV1(new HashMap<>(params), Fixtures.base64("alipay-public.pem"), CHARSET, "RSA2"));
            assertInstanceOf(NotificationVerification.Verified.class, verifier.verifyNotification(params), "set " + set);

            List<String> nonEmpty = new ArrayList<>();
            params.forEach((k, v) -> {
                if (!k.equals("sign") && !k.equals("sign_type") && !v.isBlank()) {
                    nonEmpty.add(k);
                }
            });
            String key = nonEmpty.get(r.nextInt(nonEmpty.size()));
            Map<String, String> changed = new HashMap<>(params);
            String v = changed.get(key);
            changed.put(key, mutate(v, r.nextInt(v.length()), r));
            assertInstanceOf(NotificationVerification.Unverified.class, verifier.verifyNotification(changed),
                    "one changed character in " + key + " must fail, set " + set);
        }
    }

    @Test
    void certificateSerialNumbersEqualTheOfficialSdks() throws Exception {
        for (String name : List.of("app-cert.crt", "alipay-cert.crt", "root-rsa.crt", "root-rsa2.crt", "root-ec.crt")) {
            X509Certificate cert = AlipayKeys.parseCertificate(name, Fixtures.text(name));
            assertEquals(AntCertificationUtil.getCertSN(AntCertificationUtil.getCertFromContent(Fixtures.text(name))),
                    AlipayCertSn.of(cert), name);
        }
        String bundle = Fixtures.text("root-bundle.crt");
        String official = AntCertificationUtil.getRootCertSN(bundle);
        assertEquals(official, AlipayCertSn.ofRoot(AlipayKeys.parseCertificates("root", bundle)));
        assertEquals(2, official.split("_").length, "the EC-signed root is skipped: " + official);

        AlipayCredentials cert = Fixtures.certificateMode();
        assertEquals(AntCertificationUtil.getCertSN(AntCertificationUtil.getCertFromContent(Fixtures.text("app-cert.crt"))),
                cert.appCertSn().orElseThrow());
        assertEquals(official, cert.alipayRootCertSn().orElseThrow());
        PublicKey alipayKeyFromCert = AntCertificationUtil.getCertFromContent(Fixtures.text("alipay-cert.crt")).getPublicKey();
        assertEquals(alipayKeyFromCert, AlipayKeys.parseRsaPublicKey("k", Fixtures.text("alipay-public.pem")));
        assertTrue(Optional.of(AlipayCertSn.of(AlipayKeys.parseCertificate("a", Fixtures.text("alipay-cert.crt"))))
                .equals(cert.alipayCertSn()));
    }
}
