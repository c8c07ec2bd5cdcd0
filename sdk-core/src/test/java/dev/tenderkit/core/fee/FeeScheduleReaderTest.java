package dev.tenderkit.core.fee;

import static dev.tenderkit.core.fee.FeeFixtures.priced;
import static dev.tenderkit.core.fee.FeeFixtures.yuan;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_DEBIT_CARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FeeScheduleReaderTest {
    private static final FeeScheduleReader READER = new FeeScheduleReader(PaymentMethods.standardRegistry());

    /** A valid document; each malformed case below changes one thing in it. */
    private static final String GOOD = """
            {
              "schema": "tenderkit.fee-schedule/1",
              "id": "M1001-test",
              "sample": true,
              "comment": "test data",
              "channels": {
                "lakala": {
                  "versions": [
                    {
                      "id": "lakala-2026-06",
                      "effectiveFrom": "2026-06-01",
                      "effectiveThrough": "2026-11-30",
                      "methods": {
                        "alipay": { "rate": "0.38%" },
                        "unionpay.card.debit": { "rate": "0.50%", "minimum": "0.01", "cap": "20.00" }
                      }
                    },
                    {
                      "id": "lakala-2026-12",
                      "effectiveFrom": "2026-12-01",
                      "rounding": "HALF_EVEN",
                      "methods": {
                        "alipay": { "rate": "0.0060", "fixed": "0.01",
                                    "settlement": { "D0": { "rate": "0.05%", "fixed": "0.02" } },
                                    "waiver": { "monthlyVolume": "10000.00" } },
                        "alipay.huabei.installment.6": { "rate": "0.60%",
                                    "installment": { "rate": "4.50%", "sellerPercent": 0 } }
                      }
                    }
                  ]
                }
              }
            }
            """;

    private static FeeSchedule read(String json) {
        return READER.read(json, "fees.json");
    }

    @Test
    void readsEveryTerm() {
        FeeSchedule s = read(GOOD);
        assertEquals("M1001-test", s.id());
        assertTrue(s.isSample());
        ChannelFeeSchedule lakala = s.channel("lakala").orElseThrow();
        assertEquals(2, lakala.versions().size());
        FeeScheduleVersion june = lakala.versions().get(0);
        assertEquals(Optional.of(LocalDate.of(2026, 11, 30)), june.effectiveThrough());
        assertEquals(FeeRounding.HALF_UP, june.rounding());
        MethodFees debit = june.feesFor(UNIONPAY_DEBIT_CARD).orElseThrow();
        assertEquals(5_000, debit.rate().ppm());
        assertEquals(Optional.of(yuan("0.01")), debit.minimum());
        assertEquals(Optional.of(yuan("20.00")), debit.cap());
        FeeScheduleVersion dec = lakala.versions().get(1);
        assertEquals(FeeRounding.HALF_EVEN, dec.rounding());
        assertTrue(dec.effectiveThrough().isEmpty());
        MethodFees alipay = dec.feesFor(ALIPAY).orElseThrow();
        assertEquals(6_000, alipay.rate().ppm());
        assertEquals(yuan("0.01"), alipay.fixed());
        assertEquals(500, alipay.settlement().get(SettlementSpeed.D0).rate().ppm());
        assertEquals(yuan("10000.00"), alipay.waiver().orElseThrow().monthlyVolume());
        InstallmentFees installment = dec.feesFor(HUABEI_INSTALLMENT_6).orElseThrow().installment().orElseThrow();
        assertEquals(45_000, installment.rate().ppm());
        assertEquals(InstallmentFeeShare.BUYER, installment.defaultShare());

        FeeQuote q = priced(s.quote("lakala", QuoteRequest.builder(ALIPAY, Money.parse("88.00"))
                .on(LocalDate.of(2026, 11, 30)).build()));
        assertEquals("lakala-2026-06", q.versionId());
        assertEquals(yuan("0.33"), q.merchantFee());
    }

    @Test
    void readsTheBundledSampleLayout() {
        FeeSchedule minimal = read("""
                {"schema": "tenderkit.fee-schedule/1", "id": "x",
                 "channels": {"c": {"versions": [{"id": "v", "effectiveFrom": "2026-01-01",
                   "methods": {"alipay": {"rate": "0%"}}}]}}}
                """);
        assertFalse(minimal.isSample());
        assertEquals(java.util.List.of("c"), minimal.channelIds());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // description, text to replace, replacement, JSON Pointer, snippet where the error points, message part
                Arguments.of("overlapping effective periods",
                        "\"effectiveFrom\": \"2026-12-01\"", "\"effectiveFrom\": \"2026-11-30\"",
                        "/channels/lakala/versions/1/effectiveFrom", "\"2026-11-30\",\n          \"rounding\"",
                        "overlaps version lakala-2026-06"),
                Arguments.of("a negative rate", "\"rate\": \"0.38%\"", "\"rate\": \"-0.38%\"",
                        "/channels/lakala/versions/0/methods/alipay/rate", "\"-0.38%\"", "negative"),
                Arguments.of("a cap below the minimum", "\"minimum\": \"0.01\", \"cap\": \"20.00\"",
                        "\"minimum\": \"25.00\", \"cap\": \"20.00\"",
                        "/channels/lakala/versions/0/methods/unionpay.card.debit/cap", "\"20.00\" }",
                        "below the minimum 25.00"),
                Arguments.of("an unknown method id", "\"alipay.huabei.installment.6\": {",
                        "\"alipay.huabei.installment.5\": {",
                        "/channels/lakala/versions/1/methods/alipay.huabei.installment.5", "{ \"rate\": \"0.60%\"",
                        "unknown payment method \"alipay.huabei.installment.5\""),
                Arguments.of("money as a JSON number", "\"cap\": \"20.00\"", "\"cap\": 20.00",
                        "/channels/lakala/versions/0/methods/unionpay.card.debit/cap", "20.00 }",
                        "found the number 20.00"),
                Arguments.of("a rate as a JSON number", "\"rate\": \"0.38%\"", "\"rate\": 0.0038",
                        "/channels/lakala/versions/0/methods/alipay/rate", "0.0038 }", "found the number 0.0038"),
                Arguments.of("a rate finer than a part per million", "\"rate\": \"0.38%\"", "\"rate\": \"0.38125%\"",
                        "/channels/lakala/versions/0/methods/alipay/rate", "\"0.38125%\"", "at most 4"),
                Arguments.of("a split Alipay does not allow", "\"sellerPercent\": 0", "\"sellerPercent\": 50",
                        "/channels/lakala/versions/1/methods/alipay.huabei.installment.6/installment/sellerPercent",
                        "50 }", "hb_fq_seller_percent"),
                Arguments.of("a seller percentage over 100", "\"sellerPercent\": 0", "\"sellerPercent\": 101",
                        "/channels/lakala/versions/1/methods/alipay.huabei.installment.6/installment/sellerPercent",
                        "101 }", "[0, 100]"),
                Arguments.of("an installment method without its installment fee",
                        "\"installment\": { \"rate\": \"4.50%\", \"sellerPercent\": 0 } }",
                        "\"comment\": \"none\" }",
                        "/channels/lakala/versions/1/methods/alipay.huabei.installment.6", "{ \"rate\": \"0.60%\",",
                        "installment method"),
                Arguments.of("a misspelt field", "\"minimum\": \"0.01\"", "\"minimun\": \"0.01\"",
                        "/channels/lakala/versions/0/methods/unionpay.card.debit/minimun", "\"0.01\", \"cap\"",
                        "unknown field \"minimun\""),
                Arguments.of("an end before the start", "\"effectiveThrough\": \"2026-11-30\"",
                        "\"effectiveThrough\": \"2026-05-31\"",
                        "/channels/lakala/versions/0/effectiveThrough", "\"2026-05-31\"", "before it starts"),
                Arguments.of("two versions with one id", "\"id\": \"lakala-2026-12\"", "\"id\": \"lakala-2026-06\"",
                        "/channels/lakala/versions/1/id", "\"lakala-2026-06\",\n          \"effectiveFrom\": \"2026-12-01\"",
                        "already has a version"),
                Arguments.of("an unknown settlement speed", "\"D0\": {", "\"T0\": {",
                        "/channels/lakala/versions/1/methods/alipay/settlement/T0", "{ \"rate\": \"0.05%\"",
                        "unknown settlement speed \"T0\""),
                Arguments.of("an unknown rounding", "\"rounding\": \"HALF_EVEN\"", "\"rounding\": \"HALF_DOWN\"",
                        "/channels/lakala/versions/1/rounding", "\"HALF_DOWN\"", "unknown value \"HALF_DOWN\""),
                Arguments.of("a date that is not a date", "\"effectiveFrom\": \"2026-06-01\"",
                        "\"effectiveFrom\": \"2026-06-31\"", "/channels/lakala/versions/0/effectiveFrom",
                        "\"2026-06-31\"", "ISO-8601 date"),
                Arguments.of("a zero waiver", "\"monthlyVolume\": \"10000.00\"", "\"monthlyVolume\": \"0.00\"",
                        "/channels/lakala/versions/1/methods/alipay/waiver/monthlyVolume", "\"0.00\"",
                        "positive amount"),
                Arguments.of("another schema", "tenderkit.fee-schedule/1", "tenderkit.fee-schedule/2", "/schema",
                        "\"tenderkit.fee-schedule/2\"", "unsupported schema"));
    }

    @ParameterizedTest(name = "{0} is refused at {3}")
    @MethodSource("malformed")
    void malformedSchedulesAreRefusedAtTheFieldWithLineAndColumn(String what, String from, String to, String path,
            String at, String problem) {
        assertTrue(GOOD.contains(from), "test setup: " + from);
        String json = GOOD.replace(from, to);
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class, () -> read(json), what);
        assertEquals(ErrorCode.MALFORMED_DOCUMENT, e.code());
        assertEquals("fees.json", e.source());
        assertEquals(path, e.path(), e.getMessage());
        int index = json.indexOf(at);
        assertTrue(index >= 0 && json.indexOf(at, index + 1) < 0, "test setup: snippet not unique: " + at);
        int line = 1 + (int) json.substring(0, index).chars().filter(c -> c == '\n').count();
        int column = index - json.lastIndexOf('\n', index - 1);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.problem());
        assertTrue(e.getMessage().startsWith("fees.json:" + line + ":" + column + ": at " + path), e.getMessage());
    }

    @Test
    void syntaxErrorsAndDuplicateKeysAreRefused() {
        assertThrows(MalformedDocumentException.class, () -> read(GOOD.replace("\"sample\": true,",
                "\"sample\": true, \"sample\": false,")));
        assertThrows(MalformedDocumentException.class, () -> read(GOOD + "{}"));
        assertThrows(MalformedDocumentException.class, () -> read(""));
    }

    @Test
    void aScheduleWithoutChannelsIsRefused() {
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class, () -> read(
                "{\"schema\": \"tenderkit.fee-schedule/1\", \"id\": \"x\", \"channels\": {}}"));
        assertEquals("/channels", e.path());
    }
}
