package dev.tenderkit.core.capability;

import static dev.tenderkit.core.capability.MalformedDocumentCase.reject;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_3;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_CREDIT_CARD;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_DEBIT_CARD;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY_CREDIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The platform policy document: the bundled sample reads into the policy it describes, and every
 * malformed document is refused with an error naming the field's JSON Pointer and the line and
 * column where the offending value starts.
 */
class CapabilityPolicyReaderTest {
    private static final String SOURCE = "policy.json";

    /** A small valid policy touching every section; the malformed cases below are edits of it. */
    private static final String POLICY = """
            {
              "schema": "tenderkit.capability-policy/1",
              "version": "2026.11.3",
              "issuedAt": "2026-11-20T00:00:00Z",
              "maxAge": "P30D",
              "methods": {
                "alipay.huabei": { "certificationRequired": true, "minAmount": "1.00", "maxAmount": "50000.00" }
              },
              "terminals": [
                { "brand": "Sunmi", "model": "P2 Pro", "certified": { "alipay": "2.0.0", "alipay.huabei": "3.2.0" } }
              ],
              "mccRestrictions": [
                { "mcc": "5933", "denyCredit": true,
                  "reason": { "zh": "典当行不得受理消费信贷", "en": "pawn shops may not take credit" } },
                { "mccRange": ["5960", "5969"], "deny": ["alipay.huabei.installment.3"],
                  "reason": { "zh": "直销类商户不开放花呗分期", "en": "no installments for direct marketing" } }
              ],
              "channels": [
                { "id": "lakala", "name": { "zh": "拉卡拉", "en": "Lakala" }, "licence": "PAYMENT_INSTITUTION",
                  "offers": {
                    "alipay": {},
                    "alipay.huabei": { "qualificationRequired": true, "minAmount": "1.00", "maxAmount": "20000.00" } } }
              ],
              "qualifications": {
                "huabei": { "name": { "zh": "花呗", "en": "Huabei" }, "materials": ["营业执照 business licence"] }
              }
            }
            """;

    private final CapabilityPolicyReader reader = new CapabilityPolicyReader(PaymentMethods.standardRegistry());

    @Test
    void theSamplePolicyReadsIntoThePolicyItDescribes() throws IOException {
        CapabilityPolicy policy;
        try (InputStream in = CapabilityPolicyReaderTest.class.getResourceAsStream("capability-policy.sample.json")) {
            assertNotNull(in, "test fixture capability-policy.sample.json");
            policy = reader.read(in, "capability-policy.sample.json");
        }

        assertEquals("2026.11-sample.1", policy.version());
        assertEquals(Instant.parse("2026-11-20T00:00:00Z"), policy.issuedAt());
        assertEquals(Duration.ofDays(30), policy.maxAge());
        assertTrue(policy.isSample());
        assertEquals(5, policy.certifications().size());
        assertEquals(6, policy.mccRestrictions().size());
        assertEquals(List.of("lakala", "shengfutong", "alipay-direct", "wechat-direct", "bank-acquirer"),
                policy.channels().stream().map(ChannelProfile::id).toList());
        assertEquals(11, PaymentMethods.standardRegistry().all().stream()
                .filter(m -> policy.requirements(m).isPresent()).count(), "every standard method has requirements");

        MethodRequirements installments = policy.requirements(HUABEI_INSTALLMENT_3).orElseThrow();
        assertTrue(installments.certificationRequired());
        assertEquals(List.of("channel.merchant_no", "channel.terminal_no", "alipay.huabei.enabled",
                "alipay.huabei.installment.enabled"), installments.requiredSettings());
        assertEquals(Optional.of(Money.parse("100.00")), installments.minAmount());
        assertEquals(Optional.of(Money.parse("50000.00")), installments.maxAmount());
        assertFalse(policy.requirements(UNIONPAY_DEBIT_CARD).orElseThrow().certificationRequired());

        TerminalCertification v2s = policy.certifications().get(1);
        assertEquals("Sunmi V2s", v2s.displayName());
        assertEquals(SoftwareVersion.parse("3.2.0"), v2s.minimumVersions().get(ALIPAY_HUABEI.id()));
        assertEquals(SoftwareVersion.parse("3.4.0"), v2s.minimumVersions().get(HUABEI_INSTALLMENT_3.id()));
        assertNull(v2s.minimumVersions().get(WECHAT_PAY_CREDIT.id()), "the V2s is not certified for 分付");
        TerminalProfile anyLandi = new TerminalProfile("LANDI", "C20", "SN-1", SoftwareVersion.parse("5.0.0"),
                Set.of(), Set.of(), Set.of());
        assertEquals("Landi (all models)", policy.certificationOrNull(anyLandi).displayName(),
                "\"*\" certifies every model of the brand, brand matched ignoring case");

        MccRestriction gaming = policy.mccRestrictions().get(3);
        assertEquals("7993-7995", gaming.rangeText());
        assertTrue(gaming.denyCredit());
        assertEquals(Set.of(), gaming.deniedMethods());
        assertEquals("gaming and lottery merchants may not take credit", gaming.reason().en());
        assertEquals(List.of(gaming), policy.restrictionsForMcc(7994));
        assertEquals(List.of(), policy.restrictionsForMcc(7996));
        assertTrue(gaming.denies(ALIPAY_HUABEI));
        assertFalse(gaming.denies(ALIPAY));
        assertEquals(Set.of(ALIPAY, WECHAT_PAY, PaymentMethods.UNIONPAY_QR, PaymentMethods.ECNY),
                policy.mccRestrictions().get(4).deniedMethods());

        ChannelProfile lakala = policy.channel("lakala").orElseThrow();
        assertEquals("拉卡拉（示例）", lakala.name().zh());
        assertEquals(LicenceKind.PAYMENT_INSTITUTION, lakala.licence());
        assertEquals(11, lakala.offerings().size());
        assertTrue(lakala.offeringOrNull(ALIPAY_HUABEI).qualificationRequired());
        assertFalse(lakala.offeringOrNull(ALIPAY).qualificationRequired());
        ChannelProfile bank = policy.channel("bank-acquirer").orElseThrow();
        assertEquals(LicenceKind.BANK_ACQUIRER, bank.licence());
        ChannelOffering debit = bank.offeringOrNull(UNIONPAY_DEBIT_CARD);
        assertEquals(Optional.of(Money.parse("200000.00")), debit.maxAmount());
        assertEquals(Optional.empty(), debit.minAmount());
        assertEquals(Optional.empty(), bank.offeringOrNull(UNIONPAY_CREDIT_CARD).maxAmount());
        assertFalse(bank.offers(ALIPAY));

        QualificationRequirement installmentSigning = policy.qualificationRequirement("huabei_installment")
                .orElseThrow();
        assertEquals("花呗分期", installmentSigning.name().zh());
        assertEquals(List.of("营业执照 business licence", "花呗分期服务协议 signed installment agreement",
                "近三个月流水 last three months' sales records"), installmentSigning.materials());
        assertEquals(4, policy.qualificationRequirement("huabei").orElseThrow().materials().size());
        assertTrue(policy.qualificationRequirement("wechat_credit").isPresent());
        assertTrue(policy.qualificationRequirement("ecny").isEmpty());
    }

    @Test
    void theCompactPolicyTheMalformedCasesEditIsValid() {
        CapabilityPolicy policy = reader.read(POLICY, SOURCE);

        assertEquals("2026.11.3", policy.version());
        assertFalse(policy.isSample(), "\"sample\" defaults to false");
        assertEquals(Optional.of(Money.parse("1.00")), policy.requirements(ALIPAY_HUABEI).orElseThrow().minAmount());
        assertEquals(Optional.of(Money.parse("20000.00")),
                policy.channel("lakala").orElseThrow().offeringOrNull(ALIPAY_HUABEI).maxAmount());
        assertEquals(Set.of(HUABEI_INSTALLMENT_3), policy.mccRestrictions().get(1).deniedMethods());
        assertEquals(List.of("营业执照 business licence"),
                policy.qualificationRequirement("huabei").orElseThrow().materials());
    }

    @Test
    void nullMeansAbsentForOptionalFields() {
        CapabilityPolicy policy = reader.read(edit("\"maxAge\": \"P30D\",", "\"maxAge\": \"P30D\", \"sample\": null,"),
                SOURCE);

        assertFalse(policy.isSample());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPolicies")
    void aMalformedPolicyIsRefusedWithTheFieldLineAndColumnOfTheOffendingValue(MalformedDocumentCase c) {
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> reader.read(c.document(), SOURCE));

        c.assertReportedBy(e, SOURCE);
    }

    static Stream<MalformedDocumentCase> malformedPolicies() {
        return Stream.of(
                // JSON syntax: located by the parser, with the path of the value read last
                reject("a missing comma is reported at the token after the gap",
                        edit("\"version\": \"2026.11.3\",", "\"version\": \"2026.11.3\""),
                        "/version", 4, 3, "\"issuedAt\"", "was expecting comma"),
                reject("a trailing comma in an array is reported at the closing bracket, columns counting characters",
                        edit("[\"营业执照 business licence\"]", "[\"营业执照 business licence\",]"),
                        "/qualifications/huabei/materials/1", 25, 95, "]", "expected a value"),
                reject("a trailing comma in an object is reported at the closing brace",
                        edit("\"en\": \"Huabei\" }", "\"en\": \"Huabei\", }"),
                        "/qualifications/huabei/name/en", 25, 55, "}", "double-quote to start field name"),
                reject("an unterminated string is reported where the document ends",
                        "{\n  \"schema\": \"tenderkit.capa",
                        "/schema", 2, 28, "", "end-of-input"),
                reject("an empty document is refused", "",
                        "", 1, 1, "", "the document is empty"),
                reject("content after the document is refused", POLICY + "{}\n",
                        "", 28, 1, "{}", "unexpected content after the end of the document"),
                reject("a repeated key is reported at its second occurrence",
                        edit("\"version\": \"2026.11.3\",",
                                "\"version\": \"2026.11.3\",\n  \"version\": \"2026.11.4\","),
                        "/version", 4, 3, "\"version\"", "duplicate field \"version\""),
                reject("a repeated key deep in the document is reported at its path",
                        edit("\"alipay\": {},", "\"alipay\": {},\n        \"alipay\": {},"),
                        "/channels/0/offers/alipay", 22, 9, "\"alipay\"", "duplicate field \"alipay\""),
                reject("the document must be an object", "[]",
                        "", 1, 1, "[]", "expected an object, found an array"),

                // the header
                reject("another schema is refused",
                        edit("capability-policy/1", "capability-policy/2"),
                        "/schema", 2, 13, "\"tenderkit.capability-policy/2\"", "unsupported schema"),
                reject("the schema is required",
                        edit("  \"schema\": \"tenderkit.capability-policy/1\",\n", ""),
                        "", 1, 1, "{", "missing required field \"schema\""),
                reject("the version is required",
                        edit("  \"version\": \"2026.11.3\",\n", ""),
                        "", 1, 1, "{", "missing required field \"version\""),
                reject("the version is not blank",
                        edit("\"version\": \"2026.11.3\"", "\"version\": \" \""),
                        "/version", 3, 14, "\" \"", "must not be blank"),
                reject("the issue time is required",
                        edit("  \"issuedAt\": \"2026-11-20T00:00:00Z\",\n", ""),
                        "", 1, 1, "{", "missing required field \"issuedAt\""),
                reject("the issue time is an ISO-8601 instant, not a date",
                        edit("\"2026-11-20T00:00:00Z\"", "\"2026-11-20\""),
                        "/issuedAt", 4, 15, "\"2026-11-20\"", "expected an ISO-8601 instant"),
                reject("an issue time too far from 1970 for epoch milliseconds is refused at the field",
                        edit("\"2026-11-20T00:00:00Z\"", "\"+1000000000-01-01T00:00:00Z\""),
                        "/issuedAt", 4, 15, "\"+1000000000", "too far from 1970"),
                reject("the maximum age is required",
                        edit("  \"maxAge\": \"P30D\",\n", ""),
                        "", 1, 1, "{", "missing required field \"maxAge\""),
                reject("the maximum age is an ISO-8601 duration",
                        edit("\"P30D\"", "\"30 days\""),
                        "/maxAge", 5, 13, "\"30 days\"", "expected an ISO-8601 duration"),
                reject("a zero maximum age is refused",
                        edit("\"P30D\"", "\"PT0S\""),
                        "/maxAge", 5, 13, "\"PT0S\"", "must be a positive duration"),
                reject("a negative maximum age is refused",
                        edit("\"P30D\"", "\"-P1D\""),
                        "/maxAge", 5, 13, "\"-P1D\"", "must be a positive duration"),
                reject("a maximum age that overflows the expiry is refused at the field",
                        edit("\"P30D\"", "\"P999999999999D\""),
                        "/maxAge", 5, 13, "\"P999999999999D\"", "is too long"),
                reject("a misspelt top-level field is refused, not ignored",
                        edit("\"channels\": [", "\"chanels\": ["),
                        "/chanels", 18, 14, "[", "unknown field \"chanels\""),
                reject("\"sample\" is true or false",
                        edit("\"maxAge\": \"P30D\",", "\"maxAge\": \"P30D\", \"sample\": \"yes\","),
                        "/sample", 5, 31, "\"yes\"", "expected true or false, found the string \"yes\""),

                // methods
                reject("an unknown method id in \"methods\" is refused",
                        edit("\"alipay.huabei\": { \"certificationRequired\"",
                                "\"alipay.huabai\": { \"certificationRequired\""),
                        "/methods/alipay.huabai", 7, 22, "{", "unknown payment method \"alipay.huabai\""),
                reject("an unknown field in a method's requirements is refused",
                        edit("\"certificationRequired\": true, \"minAmount\"", "\"certified\": true, \"minAmount\""),
                        "/methods/alipay.huabei/certified", 7, 37, "true", "unknown field \"certified\""),
                reject("a zero limit is refused",
                        edit("\"maxAmount\": \"50000.00\"", "\"maxAmount\": \"0.00\""),
                        "/methods/alipay.huabei/maxAmount", 7, 89, "\"0.00\"", "must be a positive amount"),
                reject("a method's minimum above its maximum is refused at the method",
                        edit("\"minAmount\": \"1.00\", \"maxAmount\": \"50000.00\"",
                                "\"minAmount\": \"60000.00\", \"maxAmount\": \"50000.00\""),
                        "/methods/alipay.huabei", 7, 22, "{", "minimum 60000.00 is above maximum 50000.00"),

                // terminals
                reject("an unknown method id in a certification is refused",
                        edit("\"alipay.huabei\": \"3.2.0\"", "\"huabei\": \"3.2.0\""),
                        "/terminals/0/certified/huabei", 10, 88, "\"3.2.0\"", "unknown payment method \"huabei\""),
                reject("a certified version must be a software version",
                        edit("\"alipay\": \"2.0.0\"", "\"alipay\": \"2.0.x\""),
                        "/terminals/0/certified/alipay", 10, 69, "\"2.0.x\"", "2.0.x"),
                reject("a certified version is a string, not a number",
                        edit("\"alipay\": \"2.0.0\"", "\"alipay\": 2.0"),
                        "/terminals/0/certified/alipay", 10, 69, "2.0", "expected a string, found the number 2.0"),
                reject("the same brand and model twice, ignoring case, is refused at the second entry",
                        edit("\"3.2.0\" } }\n", "\"3.2.0\" } },\n"
                                + "    { \"brand\": \"SUNMI\", \"model\": \"p2 pro\","
                                + " \"certified\": { \"alipay\": \"2.1.0\" } }\n"),
                        "/terminals/1", 11, 5, "{ \"brand\": \"SUNMI\"", "terminal SUNMI p2 pro is listed twice"),
                reject("brand and model compare as the resolver compares them (İ matches i)",
                        edit("\"3.2.0\" } }\n", "\"3.2.0\" } },\n"
                                + "    { \"brand\": \"Sunmİ\", \"model\": \"P2 Pro\", \"certified\": {} }\n"),
                        "/terminals/1", 11, 5, "{ \"brand\": \"Sunmİ\"", "is listed twice"),
                reject("a certification needs a model",
                        edit("\"model\": \"P2 Pro\", ", ""),
                        "/terminals/0", 10, 5, "{", "missing required field \"model\""),

                // MCC restrictions
                reject("an MCC is four digits",
                        edit("\"mcc\": \"5933\"", "\"mcc\": \"593\""),
                        "/mccRestrictions/0/mcc", 13, 14, "\"593\"", "4 digits as a string"),
                reject("an MCC is a string, not a number",
                        edit("\"mcc\": \"5933\"", "\"mcc\": 5933"),
                        "/mccRestrictions/0/mcc", 13, 14, "5933", "expected a string, found the number 5933"),
                reject("a restriction gives \"mcc\" or \"mccRange\", not both",
                        edit("\"mcc\": \"5933\",", "\"mcc\": \"5933\", \"mccRange\": [\"5933\", \"5934\"],"),
                        "/mccRestrictions/0", 13, 5, "{ \"mcc\"", "give exactly one of \"mcc\""),
                reject("a restriction gives \"mcc\" or \"mccRange\", not neither",
                        edit("{ \"mcc\": \"5933\", ", "{ "),
                        "/mccRestrictions/0", 13, 5, "{ \"denyCredit\"", "give exactly one of \"mcc\""),
                reject("an MCC range may not end before it starts",
                        edit("[\"5960\", \"5969\"]", "[\"5969\", \"5960\"]"),
                        "/mccRestrictions/1/mccRange/1", 15, 28, "\"5960\"", "the range ends before it starts"),
                reject("an MCC range has exactly two codes",
                        edit("[\"5960\", \"5969\"]", "[\"5960\", \"5965\", \"5969\"]"),
                        "/mccRestrictions/1/mccRange", 15, 19, "[", "exactly two codes"),
                reject("an MCC in a range is four digits",
                        edit("[\"5960\", \"5969\"]", "[\"5960\", \"59690\"]"),
                        "/mccRestrictions/1/mccRange/1", 15, 28, "\"59690\"", "4 digits"),
                reject("an unknown method id in a deny list is refused",
                        edit("[\"alipay.huabei.installment.3\"]", "[\"alipay.huabei.installment.24\"]"),
                        "/mccRestrictions/1/deny/0", 15, 46, "\"alipay.huabei.installment.24\"",
                        "unknown payment method \"alipay.huabei.installment.24\""),
                reject("a method denied twice is refused at the repeat",
                        edit("[\"alipay.huabei.installment.3\"]",
                                "[\"alipay.huabei.installment.3\", \"alipay.huabei.installment.3\"]"),
                        "/mccRestrictions/1/deny/1", 15, 77, "\"alipay.huabei.installment.3\"", "is listed twice"),
                reject("a restriction must deny something",
                        edit("\"denyCredit\": true,", ""),
                        "/mccRestrictions/0", 13, 5, "{", "must deny some method or credit"),
                reject("localized text needs English",
                        edit(", \"en\": \"pawn shops may not take credit\"", ""),
                        "/mccRestrictions/0/reason", 14, 17, "{ \"zh\"", "missing required field \"en\""),
                reject("localized text needs Chinese",
                        edit("\"zh\": \"典当行不得受理消费信贷\", ", ""),
                        "/mccRestrictions/0/reason", 14, 17, "{ \"en\"", "missing required field \"zh\""),
                reject("blank English is refused at the value, columns counting Chinese characters as one",
                        edit("\"en\": \"pawn shops may not take credit\"", "\"en\": \"\""),
                        "/mccRestrictions/0/reason/en", 14, 46, "\"\"", "must not be blank"),
                reject("localized text has only \"zh\" and \"en\"",
                        edit("\"en\": \"Lakala\" }", "\"en\": \"Lakala\", \"ja\": \"ラカラ\" }"),
                        "/channels/0/name/ja", 19, 68, "\"ラカラ\"", "unknown field \"ja\""),

                // channels
                reject("an unknown method id in a channel's offers is refused",
                        edit("\"alipay\": {},", "\"alipay.credit\": {},"),
                        "/channels/0/offers/alipay.credit", 21, 26, "{}", "unknown payment method \"alipay.credit\""),
                reject("an unknown field in a channel offering is refused",
                        edit("\"maxAmount\": \"20000.00\"", "\"maxAmmount\": \"20000.00\""),
                        "/channels/0/offers/alipay.huabei/maxAmmount", 22, 94, "\"20000.00\"",
                        "unknown field \"maxAmmount\""),
                reject("an amount is a string, not a JSON number",
                        edit("\"maxAmount\": \"20000.00\"", "\"maxAmount\": 100.5"),
                        "/channels/0/offers/alipay.huabei/maxAmount", 22, 93, "100.5",
                        "amounts are written as strings of yuan"),
                reject("an amount has at most two decimals",
                        edit("\"maxAmount\": \"20000.00\"", "\"maxAmount\": \"20000.005\""),
                        "/channels/0/offers/alipay.huabei/maxAmount", 22, 93, "\"20000.005\"", "has 3 decimals"),
                reject("a negative limit is refused",
                        edit("qualificationRequired\": true, \"minAmount\": \"1.00\"",
                                "qualificationRequired\": true, \"minAmount\": \"-1.00\""),
                        "/channels/0/offers/alipay.huabei/minAmount", 22, 72, "\"-1.00\"", "has a sign"),
                reject("a zero channel limit is refused",
                        edit("qualificationRequired\": true, \"minAmount\": \"1.00\"",
                                "qualificationRequired\": true, \"minAmount\": \"0.00\""),
                        "/channels/0/offers/alipay.huabei/minAmount", 22, 72, "\"0.00\"", "must be a positive amount"),
                reject("an offering's minimum above its maximum is refused at the offering",
                        edit("qualificationRequired\": true, \"minAmount\": \"1.00\"",
                                "qualificationRequired\": true, \"minAmount\": \"30000.00\""),
                        "/channels/0/offers/alipay.huabei", 22, 26, "{ \"qualificationRequired\"",
                        "minimum 30000.00 is above maximum 20000.00"),
                reject("a channel id may appear once",
                        edit("\"20000.00\" } } }\n", "\"20000.00\" } } },\n"
                                + "    { \"id\": \"lakala\", \"name\": { \"zh\": \"银行\", \"en\": \"Bank\" },"
                                + " \"licence\": \"BANK_ACQUIRER\", \"offers\": {} }\n"),
                        "/channels/1/id", 23, 13, "\"lakala\"", "channel \"lakala\" is listed twice"),
                reject("a channel id is lower-case letters, digits, '_', '.' and '-'",
                        edit("\"id\": \"lakala\"", "\"id\": \"Lakala Pay\""),
                        "/channels/0/id", 19, 13, "\"Lakala Pay\"", "channel id must be 1-32 of [a-z0-9_.-]"),
                reject("an unknown licence kind is refused",
                        edit("\"PAYMENT_INSTITUTION\"", "\"PAYMENT_INSTITUTE\""),
                        "/channels/0/licence", 19, 75, "\"PAYMENT_INSTITUTE\"",
                        "unknown value \"PAYMENT_INSTITUTE\"; expected one of [BANK_ACQUIRER"),
                reject("a channel needs offers",
                        edit(",\n      \"offers\": {\n        \"alipay\": {},\n"
                                + "        \"alipay.huabei\": { \"qualificationRequired\": true,"
                                + " \"minAmount\": \"1.00\", \"maxAmount\": \"20000.00\" } } }", " }"),
                        "/channels/0", 19, 5, "{ \"id\"", "missing required field \"offers\""),

                // qualifications
                reject("an unknown field in a qualification requirement is refused",
                        edit("\"materials\": [", "\"material\": ["),
                        "/qualifications/huabei/material", 25, 69, "[", "unknown field \"material\""),
                reject("a blank material is refused",
                        edit("[\"营业执照 business licence\"]", "[\"营业执照 business licence\", \"\"]"),
                        "/qualifications/huabei/materials/1", 25, 96, "\"\"", "must not be blank"));
    }

    /** @return the compact policy with {@code from}, which must occur exactly once, replaced by {@code to} */
    private static String edit(String from, String to) {
        int at = POLICY.indexOf(from);
        if (at < 0 || POLICY.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("the compact policy must hold exactly one " + from);
        }
        return POLICY.substring(0, at) + to + POLICY.substring(at + from.length());
    }

    @Test
    void anErrorNamesTheDocumentItCameFrom() {
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> reader.read(edit("\"P30D\"", "\"PT0S\""), "/etc/pos/policy-2026-11.json"));

        assertEquals("/etc/pos/policy-2026-11.json", e.source());
        assertTrue(e.getMessage().startsWith("/etc/pos/policy-2026-11.json:5:13: at /maxAge: "), e.getMessage());
    }

    @Test
    void methodIdsAreResolvedInTheRegistryTheReaderWasGiven() {
        CapabilityPolicyReader alipayOnly = new CapabilityPolicyReader(
                PaymentMethodRegistry.builder().add(ALIPAY).build());

        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> alipayOnly.read(POLICY, SOURCE));

        assertEquals("/methods/alipay.huabei", e.path());
        assertTrue(e.problem().contains("known: [alipay]"), e.problem());
        assertSame(ALIPAY, new CapabilityPolicyReader(PaymentMethods.standardRegistry()).read(POLICY, SOURCE)
                .channel("lakala").orElseThrow().offerings().get(0).method());
    }
}
