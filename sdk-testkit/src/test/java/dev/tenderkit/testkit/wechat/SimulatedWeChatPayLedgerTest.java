package dev.tenderkit.testkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.ManualTaskScheduler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger file: written before each answer leaves, read back here and by another JVM. */
class SimulatedWeChatPayLedgerTest {
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayTest.KEYS;
    private static final String CODE = SimulatedWeChatPayTest.CODE;

    @TempDir
    Path dir;

    private final ManualTaskScheduler time = new ManualTaskScheduler(Instant.parse("2026-12-03T04:00:00Z"));

    @Test
    void theFileShowsEachChangeBeforeItsAnswerArrivesAndAnotherProcessReadsIt() throws Exception {
        Path file = dir.resolve("wechat-ledger.json");
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).scheduler(time).ledgerFile(file).start()) {
            TestWeChatClient client = new TestWeChatClient(wechat.baseUrl(), wechat.mchid(), KEYS.merchantCertificateSerial(),
                    KEYS.merchantPrivateKeyPem(), KEYS.wechatPublicKeyPem(), time.clock());
            assertTrue(WeChatLedger.load(file).trades().isEmpty(), "an empty ledger is written at start");
            assertEquals(200, client.post("/v3/pay/transactions/codepay", SimulatedWeChatPayTest.codepay(wechat, "L1", CODE, 700))
                    .status());
            assertEquals(Money.ofFen(700), WeChatLedger.load(file).charged("L1"), "written before the answer left");

            wechat.script("104000000000000001", BuyerScript.neverPays());
            client.post("/v3/pay/transactions/codepay", SimulatedWeChatPayTest.codepay(wechat, "L2", "104000000000000001", 300));
            wechat.script("104000000000000002", BuyerScript.neverPays().withBankType("ICBC_DEBIT"));
            client.post("/v3/pay/transactions/codepay", SimulatedWeChatPayTest.codepay(wechat, "L3", "104000000000000002", 200));
            assertTrue(wechat.buyerEntersPin("L3"));
            client.post("/v3/refund/domestic/refunds", "{\"out_trade_no\":\"L1\",\"out_refund_no\":\"RF1\","
                    + "\"amount\":{\"refund\":100,\"total\":700,\"currency\":\"CNY\"}}");
            time.advance(Duration.ofMinutes(1));
            assertEquals(WeChatTrade.State.REVOKED, WeChatLedger.load(file).trade("L2").orElseThrow().state(),
                    "the 45 s auto-revoke reaches the file with no request");

            assertEquals(wechat.ledger().toJson(), WeChatLedger.load(file).toJson());
            assertEquals(List.of(
                    "trade L1 MICROPAY SUCCESS 600 OTHERS",
                    "trade L2 MICROPAY REVOKED 0 -",
                    "trade L3 MICROPAY SUCCESS 200 ICBC_DEBIT",
                    "refund RF1 L1 SUCCESS 100"), dumpInChildJvm(file));
        }
    }

    @Test
    void aFileThatIsNotALedgerIsRefused() throws Exception {
        Path file = dir.resolve("nope.json");
        Files.writeString(file, "{\"version\":2,\"trades\":[]}");
        assertThrows(IllegalArgumentException.class, () -> WeChatLedger.load(file));
        Files.writeString(file, "{\"version\":1,\"trades\":[{\"out_trade_no\":\"X\"}],\"refunds\":[]}");
        assertThrows(IllegalArgumentException.class, () -> WeChatLedger.load(file));
    }

    private static List<String> dumpInChildJvm(Path file) throws Exception {
        Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WeChatLedgerDump.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text.lines().toList();
    }
}
