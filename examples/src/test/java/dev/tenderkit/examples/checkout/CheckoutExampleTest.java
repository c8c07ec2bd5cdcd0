package dev.tenderkit.examples.checkout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckoutExampleTest {

    @Test
    void theFiveTradesEndAsDescribedAndTheLedgerAgrees(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckoutExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("=> PAID 88.00"), out);
        assertTrue(out.contains("AWAITING_BUYER  等待买家确认 waiting for the buyer to confirm"), out);
        assertTrue(out.contains("funding PCREDIT (花呗 Huabei), fee 1.61, net 266.39"), out);
        assertTrue(out.contains("REFUSED before anything was sent:\n       - TERMINAL_SOFTWARE_OUTDATED"), out);
        assertTrue(out.contains("REVERSING") && out.contains("=> REVERSED"), out);
        assertTrue(out.contains("-- restart 30 s later; recover():") && out.contains("=> PAID 19.90"), out);
        assertTrue(out.contains("CLOSED charged 0.00"), out);
        assertTrue(!out.contains("281234567890123456"), "the whole payment code must never be printed");
    }
}
