package dev.tenderkit.examples.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the cash-register demo end to end on real pseudo-terminals. Fails when {@code CI=true} and
 * socat is missing; skips elsewhere, saying how to install it.
 */
class EcrDemoTest {

    private static Path requireSocat() {
        Optional<Path> socat = SocatPtyPair.socatOnPath();
        if (socat.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("socat is not installed but CI=true: the cash-register demo needs it "
                        + "(.ci/run installs it with apt-get install -y socat)");
            }
            assumeTrue(false, "socat is not installed; skipping the cash-register demo. Install it with: "
                    + "apt-get install socat");
        }
        return socat.get();
    }

    @Test
    @Timeout(60)
    void theRegisterSellsThroughTheTerminalAndTheReceiptReachesThePrinter(@TempDir Path dir) throws Exception {
        Path socat = requireSocat();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EcrDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), socat, dir);
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(out.contains("[register] -> SALE|id=POS1-0001|amount=8800|order=ORDER-20261125-1"), out);
        Matcher result = Pattern.compile("\\[register] <- RESULT\\|id=POS1-0001\\|status=APPROVED\\|amount=8800"
                + "\\|trade=(T0001\\w+)\\|funding=花呗").matcher(out);
        assertTrue(result.find(), out);
        String trade = result.group(1);
        assertTrue(out.contains("CREATED        order ECR-POS1-0001 -> trade " + trade), out);
        assertTrue(out.contains("PAID           wallet trade GW" + trade + ", funding PCREDIT (花呗 Huabei)"), out);
        assertTrue(out.contains("|found=Y|status=APPROVED|amount=8800|trade=" + trade + "|funding=花呗"), out);
        assertTrue(out.contains("last result of POS1-0000: never run on this terminal"), out);
        assertTrue(out.contains("[register] <- STATE|id=POS1-0004|state=READY"), out);

        // The receipt, as the printer received it: GB18030 decoded, commands named.
        assertTrue(out.contains("    | <ESC @ init><FS & Chinese mode><ESC a centre><ESC E bold on><GS ! double size>示例便利店"),
                out);
        assertTrue(out.contains("    | 合计 Amount                88.00"), out);
        assertTrue(out.contains("    | <ESC a right>花呗"), out);
        assertTrue(out.contains("    | GW" + trade), out);
        assertTrue(out.contains("<GS ( k QR store \"https://fapiao.example.cn/e/" + trade + "\">"), out);
        assertTrue(out.contains("<GS V partial cut, feed 4>"), out);
        assertTrue(out.contains("journal: order ECR-POS1-0001 -> trade " + trade + " PAID 88.00"), out);
        assertTrue(out.contains("closed the links, stopped socat"), out);
        assertFalse(out.contains(EcrDemo.SAMPLE_PAYMENT_CODE), "the whole payment code must never be printed");
        try (var left = Files.list(dir)) {
            assertEquals(java.util.List.of(), left.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("trades.journal")).toList(),
                    "socat's links and logs are removed; only the journal stays");
        }
    }
}
