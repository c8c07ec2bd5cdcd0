package dev.tenderkit.examples.checkout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlipayCheckoutExampleTest {

    @Test
    void theSevenTradesEndAsDescribedOverHttpAgainstTheSimulatedAlipay(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AlipayCheckoutExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("=> PAID 88.00, Alipay trade "), out);
        assertTrue(out.contains("funding PCREDIT (花呗 Huabei, 6 installments)"), out);
        assertTrue(out.contains("AWAITING_BUYER"), out);
        assertTrue(out.contains("REFUSED before anything was sent:\n       - TERMINAL_SOFTWARE_OUTDATED"), out);
        assertTrue(out.contains("=> FAILED MERCHANT_QUALIFICATION_MISSING (Alipay said 40004/ACQ.ACCESS_FORBIDDEN"), out);
        assertTrue(out.contains("- MERCHANT_QUALIFICATION_MISSING on channel alipay-direct"), out);
        assertTrue(out.contains("remedy SUBMIT_QUALIFICATION"), out);
        assertTrue(out.contains("show the buyer: https://qr.alipay.com/"), out);
        assertTrue(out.contains("=> PAID 25.00"), out);
        assertTrue(out.contains("=> REFUNDED 20.00"), out);
        assertTrue(out.contains("TRADE_SUCCESS 88.00, refunded 20.00, holds 68.00"), out);
        assertTrue(out.contains("=> REVERSED"), out);
        assertTrue(out.contains("holds 0.00"), out);
        assertTrue(out.contains("every request reached it correctly signed: true"), out);
        assertFalse(out.contains("281234567890123456"), "the whole payment code must never be printed");
    }
}
