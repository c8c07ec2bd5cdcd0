package dev.tenderkit.examples.doctor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.capability.CheckoutDescription;
import dev.tenderkit.core.capability.CheckoutDescriptionReader;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The doctor as an integrator runs it: on the bundled samples it explains every refusal with its
 * stable cause code and a remedy; on a user's file it diagnoses that file; on bad input it exits 2
 * and says exactly what is wrong and where.
 */
class DoctorExampleTest {
    private static final String SAMPLE_NOW = "2026-11-25T10:00+08:00";
    /** The doctor on the bundled samples, run once: every test below reads the same report. */
    private static final Run SAMPLES = doctor();

    @TempDir
    Path dir;

    /** What one run of the doctor produced. */
    private record Run(int status, String out, String err) {
        /** @return the report of the n-th scenario (1-based), from its heading to the next one */
        String scenario(int n) {
            String[] parts = out.split("\n━━ ");
            assertTrue(n < parts.length, "the report has no scenario " + n);
            return parts[n];
        }
    }

    private static Run doctor(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DoctorExample.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        return new Run(status, out.toString(UTF_8).replace("\r\n", "\n"), err.toString(UTF_8).replace("\r\n", "\n"));
    }

    @Test
    void withoutArgumentsTheDoctorDiagnosesTheBundledSamplesAndSaysTheyAreSampleData() {
        assertEquals(0, SAMPLES.status(), SAMPLES.err());
        assertEquals("", SAMPLES.err());
        assertTrue(SAMPLES.out().contains("policy 2026.11-sample.1, issued 2026-11-20T00:00:00Z, max age 30 days"
                + "  [SAMPLE DATA — not real commercial terms]"), SAMPLES.out());
        assertTrue(SAMPLES.out().contains("diagnosing bundled sample scenarios as of 2026-11-25T10:00+08:00"),
                "the samples are diagnosed as of their sample date, so the report is stable");
        assertTrue(SAMPLES.out().contains("\ndiagnosed 8 scenario(s)"), SAMPLES.out());
    }

    @Test
    void everyBundledScenarioIsReportedInOrderUnderItsLabel() throws IOException {
        List<CheckoutDescription> scenarios;
        try (InputStream in = DoctorExample.class.getResourceAsStream(DoctorExample.SAMPLE_SCENARIOS)) {
            scenarios = new CheckoutDescriptionReader().read(in, DoctorExample.SAMPLE_SCENARIOS);
        }

        assertEquals(8, scenarios.size());
        for (int i = 0; i < scenarios.size(); i++) {
            String heading = (i + 1) + "/8  " + scenarios.get(i).label() + "\n";
            assertTrue(SAMPLES.scenario(i + 1).startsWith(heading), () -> "expected heading " + heading);
        }
    }

    @Test
    void inTheFirstScenarioEveryMethodIsAccepted() {
        String everythingWorks = SAMPLES.scenario(1);

        assertTrue(everythingWorks.startsWith("1/8  Everything works"), everythingWorks);
        for (PaymentMethod m : PaymentMethods.standardRegistry().all()) {
            assertTrue(everythingWorks.contains(String.format("   OK   %-34s via lakala\n", m.id())),
                    () -> m.id() + " should be OK via lakala:\n" + everythingWorks);
        }
        assertFalse(everythingWorks.contains("   NO   "), everythingWorks);
        assertFalse(everythingWorks.contains("REFUSED"), everythingWorks);
    }

    @ParameterizedTest(name = "scenario {0}: {1} is refused for {2}, with remedy {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2 | alipay.huabei               | TERMINAL_SOFTWARE_OUTDATED      | UPGRADE_SOFTWARE       | upgrade the terminal software from 3.1.4 to 3.2.0 or later
            2 | wechat.credit               | TERMINAL_SOFTWARE_OUTDATED      | UPGRADE_SOFTWARE       | from 3.1.4 to 3.3.0 or later
            3 | alipay.huabei.installment.3 | TERMINAL_NOT_CERTIFIED          | USE_CERTIFIED_TERMINAL | Newland N910 cashier software is not integrated or certified
            4 | alipay.huabei               | MERCHANT_QUALIFICATION_PENDING  | AWAIT_REVIEW           | (submitted 2026-11-18)
            5 | alipay.huabei               | MERCHANT_QUALIFICATION_REJECTED | RESUBMIT_QUALIFICATION | was rejected: 经营场所照片与营业执照地址不符 storefront photo does not match the licence address
            5 | alipay.huabei.installment.6 | MERCHANT_QUALIFICATION_MISSING  | SUBMIT_QUALIFICATION   | 花呗分期服务协议 signed installment agreement
            6 | alipay.huabei               | MERCHANT_CATEGORY_RESTRICTED    | USE_ANOTHER_METHOD     | pawn shops may not take consumer credit
            6 | unionpay.card.credit        | MERCHANT_CATEGORY_RESTRICTED    | USE_ANOTHER_METHOD     | e.g. unionpay.card.debit, unionpay.qr
            7 | alipay.huabei               | CHANNEL_METHOD_UNSUPPORTED      | SWITCH_CHANNEL         | sign with a channel that offers it: lakala, alipay-direct
            8 | unionpay.card.debit         | TERMINAL_HARDWARE_MISSING       | ATTACH_PERIPHERAL      | attach one of: PIN_PAD
            8 | alipay.huabei.installment.3 | TERMINAL_NOT_CONFIGURED         | CONFIGURE_SETTINGS     | configure on the terminal: alipay.huabei.installment.enabled
            8 | wechat                      | TERMINAL_UNHEALTHY              | PERFORM_MAINTENANCE    | the WeChat Pay gateway is unreachable (connect timed out)
            """)
    void eachRefusalInTheSamplesIsExplainedByItsCauseCodeWithARemedy(int scenario, String method, String cause,
            String remedy, String detail) {
        String report = SAMPLES.scenario(scenario);

        assertTrue(report.contains(String.format("   NO   %-34s", method)), () -> method + " should be refused:\n"
                + report);
        String finding = finding(report, method, cause);
        assertTrue(finding.contains("\n       remedy " + remedy + ": "),
                () -> "no remedy " + remedy + " in:\n" + finding);
        assertTrue(finding.contains(detail), () -> "\"" + detail + "\" missing from:\n" + finding);
    }

    @Test
    void anExpiredQualificationIsExplainedEvenWhereAnotherChannelStillAccepts() {
        String bookshop = SAMPLES.scenario(8);

        assertTrue(bookshop.contains(String.format("   OK   %-34s via alipay-direct\n", "alipay.huabei")), bookshop);
        String finding = finding(bookshop, "alipay.huabei", "MERCHANT_QUALIFICATION_EXPIRED");
        assertTrue(finding.contains("\n       remedy RENEW_QUALIFICATION: "), finding);
        assertTrue(finding.contains("(expired after 2026-10-31)"), finding);
    }

    /**
     * @return the lines of one finding: from {@code "     - CAUSE"} under the method's heading to the
     *     next finding or the end of the method's block
     */
    private static String finding(String report, String method, String cause) {
        int heading = report.indexOf("\n   " + method + " (");
        assertTrue(heading >= 0, () -> "no findings for " + method + " in:\n" + report);
        int blockEnd = report.indexOf("\n\n", heading + 1);
        String block = report.substring(heading, blockEnd < 0 ? report.length() : blockEnd + 1);
        int start = block.indexOf("\n     - " + cause + " [");
        assertTrue(start >= 0, () -> "no " + cause + " for " + method + " in:\n" + block);
        int next = block.indexOf("\n     - ", start + 1);
        return block.substring(start, next < 0 ? block.length() : next + 1);
    }

    @Test
    void aUserDescriptionFileIsDiagnosed() throws IOException {
        Path file = dir.resolve("counter-2.json");
        Files.writeString(file, """
                {
                  "schema": "tenderkit.checkout-description/1",
                  "label": "Counter 2 by the door",
                  "terminal": { "brand": "Sunmi", "model": "P2 Pro", "serial": "C2", "softwareVersion": "3.0.0",
                                "peripherals": ["BARCODE_SCANNER"],
                                "configuredSettings": ["channel.merchant_no", "channel.terminal_no"] },
                  "merchant": { "id": "M77", "name": "示例书店", "mcc": "5942", "channels": ["lakala"] },
                  "amount": "58.00"
                }
                """, UTF_8);

        Run run = doctor("--now", SAMPLE_NOW, file.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("diagnosing " + file + " as of 2026-11-25T10:00+08:00"), run.out());
        String counter = run.scenario(1);
        assertTrue(counter.startsWith("1/1  Counter 2 by the door\n"), counter);
        assertTrue(counter.contains("terminal Sunmi P2 Pro (serial C2) software 3.0.0"), counter);
        assertTrue(counter.contains("amount ¥58.00"), counter);
        assertTrue(counter.contains(String.format("   OK   %-34s via lakala\n", "alipay")), counter);
        assertTrue(finding(counter, "alipay.huabei", "TERMINAL_SOFTWARE_OUTDATED")
                .contains("upgrade the terminal software from 3.0.0 to 3.2.0 or later"), counter);
        assertTrue(run.out().contains("\ndiagnosed 1 scenario(s)"), run.out());
    }

    @Test
    void aMalformedUserFileExits2NamingFileFieldLineAndColumn() throws IOException {
        Path file = dir.resolve("bad-mcc.json");
        Files.writeString(file, """
                {
                  "schema": "tenderkit.checkout-description/1",
                  "terminal": { "brand": "Sunmi", "model": "P2 Pro", "serial": "C2", "softwareVersion": "3.4.0" },
                  "merchant": { "id": "M77", "name": "示例书店", "mcc": "594" }
                }
                """, UTF_8);

        Run run = doctor("--now", SAMPLE_NOW, file.toString());

        assertEquals(2, run.status());
        assertEquals("", run.out(), "nothing is diagnosed from a malformed file");
        assertEquals("""
                doctor: malformed document
                  file:    %s
                  field:   /merchant/mcc
                  line:    4, column 53
                  problem: a merchant category code is 4 digits as a string, e.g. "5411"; found "594"
                """.formatted(file), run.err());
    }

    @Test
    void aMalformedPolicyFileExits2NamingItsFieldLineAndColumn() throws IOException {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, """
                {
                  "schema": "tenderkit.capability-policy/1",
                  "version": "2026.12.1",
                  "issuedAt": "2026-12-01T00:00:00Z",
                  "maxAge": "P30D",
                  "channels": [
                    { "id": "lakala", "name": { "zh": "拉卡拉", "en": "Lakala" }, "licence": "PAYMENT_INSTITUTION",
                      "offers": { "alipay": { "maxAmount": 100.5 } } }
                  ]
                }
                """, UTF_8);

        Run run = doctor("--policy", policy.toString());

        assertEquals(2, run.status());
        assertTrue(run.err().contains("  file:    " + policy + "\n"), run.err());
        assertTrue(run.err().contains("  field:   /channels/0/offers/alipay/maxAmount\n"), run.err());
        assertTrue(run.err().contains("  line:    8, column 44\n"), run.err());
        assertTrue(run.err().contains("  problem: amounts are written as strings of yuan"), run.err());
    }

    @Test
    void aMissingFileExits2SayingSo() {
        Path missing = dir.resolve("no-such-terminal.json");

        Run run = doctor(missing.toString());

        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertEquals("doctor: cannot read " + missing + " (no such file)\n", run.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown option                 | --frobnicate            | unexpected argument "--frobnicate"; see --help
            a second description file         | a.json b.json           | unexpected argument "b.json"; see --help
            --policy without its value        | --policy                | --policy needs a value
            --now without its value           | --now                   | --now needs a value
            --now that is not a date and time | --now yesterday         | Text 'yesterday' could not be parsed
            """)
    void aBadCommandLineExits2WithTheReason(String rule, String args, String reason) {
        Run run = doctor(args.split(" "));

        assertEquals(2, run.status(), rule);
        assertEquals("", run.out(), rule);
        assertTrue(run.err().startsWith("doctor: ") && run.err().contains(reason), () -> rule + ": " + run.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --now in words           | --now tomorrow         | doctor: --now: expected an ISO-8601 date-time with offset such as 2026-11-25T10:00+08:00, got "tomorrow" (Text 'tomorrow' could not be parsed at index 0)
            --now without an offset  | --now 2026-11-25T10:00 | doctor: --now: expected an ISO-8601 date-time with offset such as 2026-11-25T10:00+08:00, got "2026-11-25T10:00" (Text '2026-11-25T10:00' could not be parsed at index 16)
            --now without its value  | --now                  | doctor: --now needs a value: an ISO-8601 date-time with offset such as 2026-11-25T10:00+08:00
            --policy without a value | --policy               | doctor: --policy needs a value: a capability policy file (tenderkit.capability-policy/1) such as policy.json
            """)
    void aBadOptionIsNamedWithTheValueGivenAndTheFormatExpected(String rule, String args, String message) {
        Run run = doctor(args.split(" "));

        assertEquals(2, run.status(), rule);
        assertEquals("", run.out(), rule);
        assertEquals(message + "\n", run.err(), rule);
    }

    @Test
    void helpPrintsTheUsageAndExits0() {
        Run run = doctor("--help");

        assertEquals(0, run.status());
        assertTrue(run.out().startsWith(
                "usage: doctor [--policy POLICY.json] [--now ISO-DATE-TIME] [DESCRIPTION.json]"), run.out());
        assertEquals("", run.err());
    }
}
