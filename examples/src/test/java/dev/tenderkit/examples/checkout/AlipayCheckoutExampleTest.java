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
    void theTwelveTradesEndAsDescribedOverHttpAgainstBothSimulatedWallets(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AlipayCheckoutExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("=> PAID 88.00, wallet trade "), out);
        assertTrue(out.contains("funding PCREDIT (花呗 Huabei, 6 installments)"), out);
        assertTrue(out.contains("AWAITING_BUYER"), out);
        assertTrue(out.contains("REFUSED before anything was sent:\n       - TERMINAL_SOFTWARE_OUTDATED"), out);
        assertTrue(out.contains("=> FAILED MERCHANT_QUALIFICATION_MISSING (the wallet said 40004/ACQ.ACCESS_FORBIDDEN"), out);
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
        // the WeChat Pay lane, on the same engine against the simulated WeChat Pay
        assertTrue(out.contains("=> PAID 32.00, wallet trade 42"), out);
        assertTrue(out.contains("=> PAID 1299.00, wallet trade 42") && out.contains("funding CMB_DEBIT"), out);
        assertTrue(out.contains("10. WeChat Pay, the buyer never enters her PIN") && out.contains(" REVOKED 58.00, holds 0.00"),
                out);
        assertTrue(out.contains("=> FAILED BUYER_INSUFFICIENT_FUNDS (the wallet said 403/NOT_ENOUGH"), out);
        assertTrue(out.contains("REFUSED before anything was sent:\n       - CHANNEL_METHOD_UNSUPPORTED: 通道 alipay-direct"), out);
        assertTrue(out.contains("sent to WeChat Pay for it: nothing"), out);
        assertTrue(out.contains(" SUCCESS 32.00, holds 32.00") && out.contains(" PAYERROR 5000.00, holds 0.00"), out);
        assertFalse(out.contains("134567890123456789"), "the whole WeChat payment code must never be printed");
    }
}
