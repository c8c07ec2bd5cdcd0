package dev.tenderkit.examples.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the fees example as the README does and checks the lines an integrator relies on. */
class FeesExampleTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FeesExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertHas(String text, String line) {
        assertTrue(text.contains(line), "missing: " + line + "\n--- output ---\n" + text);
    }

    @Test
    void quotesRanksAndExplainsTheBundledSamples() {
        Run r = run();
        assertEquals(0, r.status(), r.err());
        assertHas(r.out(), "[SAMPLE DATA — not real commercial terms]");
        // Alipay: the waiver makes shengfutong cheapest (38.00 × 0.35% after 50.00 waived)
        assertHas(r.out(), "processing 0.13 = 0.35% × 38.00 → 0.13 (50.00 waived by the monthly allowance of 5000.00)");
        assertHas(r.out(), "1. shengfutong    fee     0.13  net     87.87");
        assertHas(r.out(), "→ route via shengfutong: merchant fee 0.13, net 87.87");
        assertHas(r.out(), "- CHANNEL_METHOD_UNSUPPORTED: channel bank-acquirer (A bank acquirer (sample)) does not offer Alipay");
        assertHas(r.out(), "- NO_FEE_TERMS (METHOD_NOT_PRICED): channel wechat-direct's fee schedule in effect on 2026-11-25"
                + " does not price Alipay (alipay)");
        // Huabei: lakala and alipay-direct tie at 0.53; the merchant's preference puts lakala first
        assertHas(r.out(), "→ route via lakala: merchant fee 0.53, net 87.47");
        // Huabei in 6 installments, seller pays, at 88.00: priced, but below the policy's 100.00 minimum
        assertHas(r.out(), "installment fee 3.96 = 4.5% × 88.00, borne seller 100%: merchant 3.96, buyer 0.00");
        assertHas(r.out(), "- AMOUNT_OUT_OF_RANGE (every channel): amount 88.00 is below the minimum of 100.00");
        assertHas(r.out(), "→ not routable (NO_CHANNEL_CAN_TAKE_IT)");
        assertHas(r.out(), "- MERCHANT_QUALIFICATION_PENDING: the merchant's Huabei installments qualification on "
                + "channel alipay-direct is under review");
        // debit card: a tie at 0.44 between lakala and the bank, broken by preference
        assertHas(r.out(), "1. lakala         fee     0.44  net     87.56");
        assertHas(r.out(), "2. bank-acquirer  fee     0.44  net     87.56");
        // 888.00 in 6 installments, seller pays
        assertHas(r.out(), "→ route via lakala: merchant fee 45.29, net 842.71");
        assertHas(r.out(), "costs 0.33 on 2026-11-25 (lakala-2026-06) and 0.40 from 2026-12-01 (lakala-2026-12)");
        assertHas(r.out(), "routed 4 of 5 payment(s); every excluded channel explained");
    }

    @Test
    void anotherDayIsPricedByTheVersionInEffectThen() {
        Run r = run("--now", "2026-12-01T10:00+08:00");
        assertEquals(0, r.status(), r.err());
        assertHas(r.out(), "lakala         lakala-2026-12         fee     0.40  net     87.60");
    }

    @Test
    void aMalformedScheduleIsRefusedWithFieldLineAndColumn(@TempDir Path dir) throws IOException {
        String sample;
        try (InputStream in = FeesExample.class.getResourceAsStream(FeesExample.SAMPLE_SCHEDULE)) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path bad = dir.resolve("fees.json");
        Files.writeString(bad, sample.replace("\"cap\": \"25.00\"", "\"cap\": 25.00"));
        Run r = run("--schedule", bad.toString());
        assertEquals(2, r.status());
        assertHas(r.err(), "fees: malformed document");
        assertHas(r.err(), "field:   /channels/shengfutong/versions/0/methods/unionpay.card.debit/cap");
        assertHas(r.err(), "problem: amounts are written as strings");
        assertTrue(r.err().matches("(?s).*line: +\\d+, column \\d+.*"), r.err());
    }

    @Test
    void aBadNowIsNamedWithTheValueGivenAndTheFormatExpected() {
        Run r = run("--now", "tomorrow");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals("fees: --now: expected an ISO-8601 date-time with offset such as 2026-11-25T10:00+08:00,"
                + " got \"tomorrow\" (Text 'tomorrow' could not be parsed at index 0)\n", r.err());
    }

    @Test
    void aFileOptionWithoutItsValueSaysWhatFileItTakes() {
        Run r = run("--now", "2026-12-01T10:00+08:00", "--schedule");
        assertEquals(2, r.status());
        assertEquals("fees: --schedule needs a value: a fee schedule file (tenderkit.fee-schedule/1) such as"
                + " my-fees.json\n", r.err());
        assertEquals("fees: --checkout needs a value: a checkout description file (tenderkit.checkout-description/1)"
                + " such as checkout.json\n", run("--checkout").err());
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals(2, run("--schedule").status());
        assertEquals(2, run("--frobnicate").status());
        assertEquals(2, run("--schedule", "/nonexistent/fees.json").status());
        assertEquals(0, run("--help").status());
    }
}
