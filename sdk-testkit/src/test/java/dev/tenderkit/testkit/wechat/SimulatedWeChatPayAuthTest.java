package dev.tenderkit.testkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.wechat.TestWeChatClient.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request's Authorization is verified; every refusal is a signed 401 SIGN_ERROR and changes nothing. */
class SimulatedWeChatPayAuthTest {
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayTest.KEYS;
    private static final SimulatedWeChatPayKeys OTHER = SimulatedWeChatPayKeys.generate();
    private static final String PATH = "/v3/pay/transactions/codepay";

    private final ManualTaskScheduler time = new ManualTaskScheduler(Instant.parse("2026-12-03T04:00:00Z"));
    private SimulatedWeChatPay wechat;
    private TestWeChatClient client;
    private String body;

    @BeforeEach
    void start() throws Exception {
        wechat = SimulatedWeChatPay.builder(KEYS).scheduler(time).start();
        client = client(KEYS.merchantCertificateSerial(), KEYS.merchantPrivateKeyPem(), time.clock());
        body = SimulatedWeChatPayTest.codepay(wechat, "A1", SimulatedWeChatPayTest.CODE, 100);
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    private TestWeChatClient client(String serial, String keyPem, Clock clock) throws Exception {
        return new TestWeChatClient(wechat.baseUrl(), wechat.mchid(), serial, keyPem, KEYS.wechatPublicKeyPem(), clock);
    }

    private void assertSignError(Reply r) {
        assertEquals(401, r.status(), r.body());
        assertTrue(r.verified(), "the refusal is signed");
        assertEquals("SIGN_ERROR", Json.text(Json.parseObject(r.body()), "code").orElseThrow());
        assertTrue(wechat.ledger().trades().isEmpty(), "nothing was applied");
        assertFalse(wechat.received().get(wechat.received().size() - 1).authentic());
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefused() throws Exception {
        assertSignError(client(KEYS.merchantCertificateSerial(), OTHER.merchantPrivateKeyPem(), time.clock()).post(PATH, body));
    }

    @Test
    void aSignatureOverOtherBytesIsRefused() throws Exception {
        String auth = client.authorization("POST", PATH, body);
        assertSignError(client.send("POST", PATH, body.replace("100", "101"), Duration.ofSeconds(5), auth));
    }

    @Test
    void aSignatureOverAnotherUrlIsRefused() throws Exception {
        String url = "/v3/pay/transactions/out-trade-no/A1?mchid=" + wechat.mchid();
        String auth = client.authorization("GET", url + "&x=1", "");
        Reply r = client.send("GET", url, "", Duration.ofSeconds(5), auth);
        assertEquals(401, r.status());
    }

    @Test
    void anotherCertificateSerialIsRefused() throws Exception {
        assertSignError(client(OTHER.merchantCertificateSerial(), KEYS.merchantPrivateKeyPem(), time.clock()).post(PATH, body));
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffIsRefused() throws Exception {
        Clock late = Clock.fixed(time.now().minusSeconds(301), ZoneOffset.UTC);
        TestWeChatClient stale = client(KEYS.merchantCertificateSerial(), KEYS.merchantPrivateKeyPem(), late);
        Reply r = stale.post(PATH, body);
        assertEquals(401, r.status());
        assertTrue(r.body().contains("5分钟"), r.body());
        Clock nearlyLate = Clock.fixed(time.now().minusSeconds(299), ZoneOffset.UTC);
        assertEquals(200, client(KEYS.merchantCertificateSerial(), KEYS.merchantPrivateKeyPem(), nearlyLate)
                .post(PATH, body).status());
    }

    @Test
    void aMissingOrOtherSchemeAuthorizationIsRefused() throws Exception {
        String auth = client.authorization("POST", PATH, body);
        assertSignError(client.send("POST", PATH, body, Duration.ofSeconds(5), auth.replace("WECHATPAY2-SHA256-RSA2048", "WECHATPAY2-SM2-WITH-SM3")));
        assertSignError(client.send("POST", PATH, body, Duration.ofSeconds(5), auth.replaceAll(",?signature=\"[^\"]*\"", "")));
    }

    @Test
    void theFieldsMayComeInAnyOrder() throws Exception {
        String auth = client.authorization("POST", PATH, body);
        String fields = auth.substring(auth.indexOf(' ') + 1);
        String[] parts = fields.split(",");
        StringBuilder reversed = new StringBuilder("WECHATPAY2-SHA256-RSA2048 ");
        for (int i = parts.length - 1; i >= 0; i--) {
            reversed.append(parts[i]).append(i > 0 ? "," : "");
        }
        assertEquals(200, client.send("POST", PATH, body, Duration.ofSeconds(5), reversed.toString()).status());
    }

    @Test
    void aBodyWithSlashesPlusAndEmojiVerifiesOverItsExactBytes() throws Exception {
        String tricky = body.replace("咖啡 x1 ☕", "a/b+c 😀 \\u00e9 “引号”");
        Reply r = client.post(PATH, tricky);
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void unknownPathsAndWrongMethodsAreSignedRefusals() throws Exception {
        Reply unknown = client.get("/v3/pay/transactions/nothing-here");
        assertEquals(404, unknown.status());
        assertTrue(unknown.verified());
        Reply wrong = client.get("/v3/pay/transactions/codepay");
        assertEquals(405, wrong.status());
        assertTrue(wrong.verified());
    }
}
