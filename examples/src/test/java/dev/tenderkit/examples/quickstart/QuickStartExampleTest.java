package dev.tenderkit.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartExampleTest {

    @Test
    void aMerchantWithOneDirectAlipayAccountPaysWithoutAPolicyFile(@TempDir Path dir) {
        SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
        try (SimulatedAlipay alipay = SimulatedAlipay.builder(keys).appId("2021000000000001").start()) {
            TradeOutcome outcome = QuickStartExample.run(dir, alipay.gatewayUrl(), keys.appPrivateKeyPem(), keys.alipayPublicKeyPem());
            TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, outcome);
            assertEquals(Money.parse("12.50"), paid.payment().amount());
            assertEquals("alipay-direct", paid.trade().channelId());
        }
    }

    @Test
    void theQuickStartTheReadmeShowsIsAtMostFifteenLines() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/main/java/dev/tenderkit/examples/quickstart/"
                + "QuickStartExample.java"));
        int begin = source.indexOf("        // quick start: begin");
        int end = source.indexOf("        // quick start: end");
        assertTrue(begin > 0 && end > begin, "markers present");
        assertTrue(end - begin - 1 <= 15, "the quick start is " + (end - begin - 1) + " lines");
    }
}
