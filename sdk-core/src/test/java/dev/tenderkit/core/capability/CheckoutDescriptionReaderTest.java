package dev.tenderkit.core.capability;

import static dev.tenderkit.core.capability.MalformedDocumentCase.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.health.HealthIssue;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.merchant.ReviewStatus;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Terminal/merchant descriptions, the doctor's input: the bundled sample scenarios and the
 * single-description form read into the profiles they describe, and every malformed description
 * is refused with an error naming the field's JSON Pointer and the line and column where the
 * offending value starts.
 */
class CheckoutDescriptionReaderTest {
    private static final String SOURCE = "terminal.json";

    /** One valid scenario touching every field; the malformed cases below are edits of it. */
    private static final String SCENARIOS = """
            {
              "schema": "tenderkit.checkout-description/1",
              "scenarios": [
                {
                  "label": "收银台 1 号 checkout 1",
                  "terminal": {
                    "brand": "Sunmi", "model": "P2 Pro", "serial": "SN-1", "softwareVersion": "3.4.0",
                    "peripherals": ["BARCODE_SCANNER", "RECEIPT_PRINTER"], "connectivity": ["WIFI"],
                    "configuredSettings": ["channel.merchant_no", "alipay.huabei.enabled"]
                  },
                  "merchant": {
                    "id": "M1", "name": "示例便利店 Sample Store", "mcc": "5411", "channels": ["lakala", "alipay-direct"],
                    "qualifications": [
                      { "channel": "lakala", "product": "huabei", "status": "APPROVED", "expiresOn": "2027-06-30" },
                      { "channel": "alipay-direct", "product": "huabei", "status": "REJECTED", "submittedOn": "2026-10-02",
                        "rejectionReason": "门头照不符 storefront photo mismatch" }
                    ]
                  },
                  "health": [
                    { "item": "clock.skew", "severity": "WARNING", "problem": { "zh": "时钟偏差", "en": "clock is off" },
                      "action": { "zh": "同步时钟", "en": "synchronise the clock" }, "wallets": ["ALIPAY"] }
                  ],
                  "amount": "88.00"
                }
              ]
            }
            """;

    private final CheckoutDescriptionReader reader = new CheckoutDescriptionReader();

    @Test
    void theSampleScenariosReadInDocumentOrder() throws IOException {
        List<CheckoutDescription> scenarios;
        try (InputStream in = CheckoutDescriptionReaderTest.class.getResourceAsStream("doctor-scenarios.sample.json")) {
            assertNotNull(in, "test fixture doctor-scenarios.sample.json");
            scenarios = reader.read(in, "doctor-scenarios.sample.json");
        }

        assertEquals(List.of(
                "Everything works: certified terminal, qualified merchant, a channel that offers it all",
                "Terminal software too old for Huabei",
                "Brand certified for Huabei but not for Huabei installments",
                "Huabei qualification pending review",
                "Huabei qualification rejected, with the reviewer's reason",
                "Restricted merchant category: pawn shop (MCC 5933) may not take consumer credit",
                "The merchant's only channel does not offer Huabei",
                "Expired qualification, a switch not set, no PIN pad, and no route to the gateway"),
                scenarios.stream().map(CheckoutDescription::label).toList());
        assertEquals(Optional.of(Money.parse("688.00")), scenarios.get(0).amount());

        TerminalProfile v2s = scenarios.get(7).context().terminal();
        assertEquals("Sunmi", v2s.brand());
        assertEquals("V2s", v2s.model());
        assertEquals("SN-V2S-0008", v2s.serial());
        assertEquals(SoftwareVersion.parse("3.4.1"), v2s.softwareVersion());
        assertEquals(Set.of(Peripheral.BARCODE_SCANNER, Peripheral.CARD_READER, Peripheral.RECEIPT_PRINTER),
                v2s.peripherals());
        assertFalse(v2s.has(Peripheral.PIN_PAD));
        assertEquals(Set.of(Connectivity.WIFI, Connectivity.CELLULAR), v2s.connectivity());
        assertEquals(Set.of("channel.merchant_no", "channel.terminal_no", "unionpay.card.keys_loaded",
                "alipay.huabei.enabled", "ecny.wallet_id"), v2s.configuredSettings());

        MerchantProfile bookshop = scenarios.get(7).context().merchant();
        assertEquals("M1008", bookshop.id());
        assertEquals("5942", bookshop.mcc());
        assertEquals(List.of("lakala", "alipay-direct"), bookshop.channelIds());
        assertEquals(Optional.of(LocalDate.of(2026, 10, 31)),
                bookshop.qualification("lakala", "huabei").orElseThrow().expiresOn());
        assertEquals(Optional.empty(), bookshop.qualification("alipay-direct", "huabei").orElseThrow().expiresOn());

        Qualification pending = scenarios.get(3).context().merchant().qualification("lakala", "huabei").orElseThrow();
        assertEquals(ReviewStatus.PENDING, pending.status());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 18)), pending.submittedOn());
        Qualification rejected = scenarios.get(4).context().merchant().qualification("lakala", "huabei").orElseThrow();
        assertEquals(ReviewStatus.REJECTED, rejected.status());
        assertEquals(
                Optional.of("经营场所照片与营业执照地址不符 storefront photo does not match the licence address"),
                rejected.rejectionReason());
        assertEquals(List.of(), scenarios.get(6).context().merchant().qualifications());

        assertTrue(scenarios.get(0).context().health().isHealthy(), "no \"health\" means healthy");
        List<HealthIssue> issues = scenarios.get(7).context().health().issues();
        assertEquals(1, issues.size());
        HealthIssue gateway = issues.get(0);
        assertEquals("network.gateway.wechat", gateway.item());
        assertEquals(Severity.BLOCKING, gateway.severity());
        assertEquals("the WeChat Pay gateway is unreachable (connect timed out)", gateway.problem().en());
        assertEquals("检查网络与防火墙对 api.mch.weixin.qq.com:443 的放行", gateway.action().zh());
        assertTrue(gateway.affects(Wallet.WECHAT_PAY));
        assertFalse(gateway.affects(Wallet.ALIPAY));
    }

    @Test
    void aDocumentWithoutScenariosIsOneDescription() {
        List<CheckoutDescription> read = reader.read("""
                {
                  "schema": "tenderkit.checkout-description/1",
                  "comment": "the counter by the door",
                  "terminal": { "brand": "PAX", "model": "A920", "serial": "A920-77", "softwareVersion": "v4.2.3" },
                  "merchant": { "id": "M9", "name": "示例餐厅", "mcc": "5812" }
                }
                """, SOURCE);

        assertEquals(1, read.size());
        CheckoutDescription d = read.get(0);
        assertEquals("(unlabelled)", d.label());
        assertEquals(Optional.empty(), d.amount(), "no amount: the doctor resolves for any amount");
        TerminalProfile t = d.context().terminal();
        assertEquals(SoftwareVersion.parse("4.2.3"), t.softwareVersion());
        assertEquals(Set.of(), t.peripherals());
        assertEquals(Set.of(), t.connectivity());
        assertEquals(Set.of(), t.configuredSettings());
        MerchantProfile m = d.context().merchant();
        assertEquals(5812, m.mccNumber());
        assertEquals(List.of(), m.channelIds());
        assertEquals(List.of(), m.qualifications());
        assertTrue(d.context().health().isHealthy());
    }

    @Test
    void theCompactScenarioTheMalformedCasesEditIsValid() {
        CheckoutDescription d = reader.read(SCENARIOS, SOURCE).get(0);

        assertEquals("收银台 1 号 checkout 1", d.label());
        assertEquals(Optional.of(Money.parse("88.00")), d.amount());
        assertEquals(Optional.of("门头照不符 storefront photo mismatch"),
                d.context().merchant().qualification("alipay-direct", "huabei").orElseThrow().rejectionReason());
        assertEquals(Severity.WARNING, d.context().health().issues().get(0).severity());
        assertEquals(Set.of(Wallet.ALIPAY), d.context().health().issues().get(0).affectedWallets());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDescriptions")
    void aMalformedDescriptionIsRefusedWithTheFieldLineAndColumnOfTheOffendingValue(MalformedDocumentCase c) {
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> reader.read(c.document(), SOURCE));

        c.assertReportedBy(e, SOURCE);
    }

    static Stream<MalformedDocumentCase> malformedDescriptions() {
        return Stream.of(
                // the document
                reject("another schema is refused",
                        edit("checkout-description/1", "capability-policy/1"),
                        "/schema", 2, 13, "\"tenderkit.capability-policy/1\"", "unsupported schema"),
                reject("the schema is required",
                        edit("  \"schema\": \"tenderkit.checkout-description/1\",\n", ""),
                        "", 1, 1, "{", "missing required field \"schema\""),
                reject("a scenario list must not be empty",
                        "{ \"schema\": \"tenderkit.checkout-description/1\", \"scenarios\": [] }",
                        "/scenarios", 1, 62, "[]", "lists no scenario"),
                reject("description fields beside \"scenarios\" are refused",
                        edit("  \"scenarios\": [", "  \"label\": \"x\",\n  \"scenarios\": ["),
                        "/label", 3, 12, "\"x\"", "unknown field \"label\""),
                reject("a misspelt scenario field is refused",
                        edit("\"amount\": \"88.00\"", "\"amout\": \"88.00\""),
                        "/scenarios/0/amout", 23, 16, "\"88.00\"", "unknown field \"amout\""),
                reject("a scenario needs a merchant",
                        SCENARIOS.substring(0, SCENARIOS.indexOf("      \"merchant\": {"))
                                + SCENARIOS.substring(SCENARIOS.indexOf("      \"health\": [")),
                        "/scenarios/0", 4, 5, "{", "missing required field \"merchant\""),
                reject("a misspelt top-level field makes a single description with an unknown field",
                        edit("\"scenarios\": [", "\"scenario\": ["),
                        "/scenario", 3, 15, "[", "unknown field \"scenario\""),

                // the terminal
                reject("an unknown field in the terminal is refused",
                        edit("\"softwareVersion\": \"3.4.0\"", "\"firmware\": \"3.4.0\""),
                        "/scenarios/0/terminal/firmware", 7, 76, "\"3.4.0\"", "unknown field \"firmware\""),
                reject("the software version must be a version",
                        edit("\"3.4.0\"", "\"3.4.0 beta\""),
                        "/scenarios/0/terminal/softwareVersion", 7, 83, "\"3.4.0 beta\"", "3.4.0 beta"),
                reject("an unknown peripheral is refused",
                        edit("\"RECEIPT_PRINTER\"", "\"PRINTER\""),
                        "/scenarios/0/terminal/peripherals/1", 8, 44, "\"PRINTER\"",
                        "unknown value \"PRINTER\"; expected one of [BARCODE_SCANNER, CAMERA"),
                reject("a peripheral listed twice is refused at the repeat",
                        edit("\"RECEIPT_PRINTER\"", "\"BARCODE_SCANNER\""),
                        "/scenarios/0/terminal/peripherals/1", 8, 44, "\"BARCODE_SCANNER\"",
                        "\"BARCODE_SCANNER\" is listed twice"),
                reject("an unknown connectivity is refused",
                        edit("[\"WIFI\"]", "[\"5G\"]"),
                        "/scenarios/0/terminal/connectivity/0", 8, 81, "\"5G\"", "unknown value \"5G\""),
                reject("a configured setting is not blank",
                        edit("\"alipay.huabei.enabled\"]", "\" \"]"),
                        "/scenarios/0/terminal/configuredSettings/1", 9, 55, "\" \"", "must not be blank"),
                reject("the serial is required",
                        edit("\"serial\": \"SN-1\", ", ""),
                        "/scenarios/0/terminal", 6, 19, "{", "missing required field \"serial\""),

                // the merchant
                reject("an MCC is four digits",
                        edit("\"mcc\": \"5411\"", "\"mcc\": \"541\""),
                        "/scenarios/0/merchant/mcc", 12, 58, "\"541\"", "4 digits as a string"),
                reject("an MCC is a string, not a number",
                        edit("\"mcc\": \"5411\"", "\"mcc\": 5411"),
                        "/scenarios/0/merchant/mcc", 12, 58, "5411", "expected a string, found the number 5411"),
                reject("a channel listed twice is refused at the repeat",
                        edit("[\"lakala\", \"alipay-direct\"]", "[\"lakala\", \"alipay-direct\", \"lakala\"]"),
                        "/scenarios/0/merchant/channels/2", 12, 106, "\"lakala\"", "\"lakala\" is listed twice"),
                reject("a REJECTED qualification needs the reviewer's reason",
                        edit(",\n            \"rejectionReason\": \"门头照不符 storefront photo mismatch\"", ""),
                        "/scenarios/0/merchant/qualifications/1/status", 15, 72, "\"REJECTED\"",
                        "a REJECTED qualification needs \"rejectionReason\""),
                reject("a blank rejection reason is refused",
                        edit("\"门头照不符 storefront photo mismatch\"", "\"\""),
                        "/scenarios/0/merchant/qualifications/1/rejectionReason", 16, 32, "\"\"", "must not be blank"),
                reject("an unknown review status is refused",
                        edit("\"APPROVED\"", "\"APPROVE\""),
                        "/scenarios/0/merchant/qualifications/0/status", 14, 65, "\"APPROVE\"",
                        "unknown value \"APPROVE\"; expected one of [PENDING, APPROVED, REJECTED, EXPIRED]"),
                reject("review statuses are upper case",
                        edit("\"APPROVED\"", "\"approved\""),
                        "/scenarios/0/merchant/qualifications/0/status", 14, 65, "\"approved\"",
                        "unknown value \"approved\""),
                reject("a date that does not exist is refused",
                        edit("\"2027-06-30\"", "\"2027-06-31\""),
                        "/scenarios/0/merchant/qualifications/0/expiresOn", 14, 90, "\"2027-06-31\"",
                        "expected an ISO-8601 date"),
                reject("a date is a date, not an instant",
                        edit("\"2026-10-02\"", "\"2026-10-02T00:00:00Z\""),
                        "/scenarios/0/merchant/qualifications/1/submittedOn", 15, 99, "\"2026-10-02T00:00:00Z\"",
                        "expected an ISO-8601 date such as \"2026-11-20\""),
                reject("a second qualification for one channel and product is refused at the second",
                        edit("{ \"channel\": \"alipay-direct\"", "{ \"channel\": \"lakala\""),
                        "/scenarios/0/merchant/qualifications/1", 15, 11, "{ \"channel\": \"lakala\"",
                        "a second qualification for channel lakala and product huabei"),

                // health
                reject("an unknown severity is refused",
                        edit("\"WARNING\"", "\"FATAL\""),
                        "/scenarios/0/health/0/severity", 20, 45, "\"FATAL\"", "unknown value \"FATAL\""),
                reject("an unknown wallet is refused",
                        edit("[\"ALIPAY\"]", "[\"WECHAT\"]"),
                        "/scenarios/0/health/0/wallets/0", 21, 82, "\"WECHAT\"", "unknown value \"WECHAT\""),
                reject("a health problem needs English",
                        edit(", \"en\": \"clock is off\"", ""),
                        "/scenarios/0/health/0/problem", 20, 67, "{ \"zh\"", "missing required field \"en\""),

                // the amount
                reject("the amount must be positive",
                        edit("\"88.00\"", "\"0.00\""),
                        "/scenarios/0/amount", 23, 17, "\"0.00\"", "must be a positive amount, found \"0.00\""),
                reject("the amount has at most two decimals",
                        edit("\"88.00\"", "\"88.005\""),
                        "/scenarios/0/amount", 23, 17, "\"88.005\"", "has 3 decimals"),
                reject("the amount is a string, not a JSON number",
                        edit("\"88.00\"", "88"),
                        "/scenarios/0/amount", 23, 17, "88", "amounts are written as strings of yuan"));
    }

    /** @return the compact scenarios with {@code from}, which must occur exactly once, replaced by {@code to} */
    private static String edit(String from, String to) {
        int at = SCENARIOS.indexOf(from);
        if (at < 0 || SCENARIOS.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("the compact scenarios must hold exactly one " + from);
        }
        return SCENARIOS.substring(0, at) + to + SCENARIOS.substring(at + from.length());
    }
}
