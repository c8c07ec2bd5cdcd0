package dev.tenderkit.core.fee;

import static dev.tenderkit.core.fee.FeeFixtures.priced;
import static dev.tenderkit.core.fee.FeeFixtures.rate;
import static dev.tenderkit.core.fee.FeeFixtures.yuan;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A rate change announced today for the first of next month prices next month's payments, not
 * today's; days are business days in UTC+8.
 */
class EffectiveDateTest {
    /** 0.38% until 30 November; from 1 December 0.60%, announced on 25 November. */
    private static final FeeSchedule SCHEDULE = FeeSchedule.builder("s").channel(new ChannelFeeSchedule("lakala",
            List.of(FeeScheduleVersion.builder("lakala-2026-12", LocalDate.of(2026, 12, 1))
                            .add(MethodFees.builder(ALIPAY, rate("0.60%")).build()).build(),
                    FeeScheduleVersion.builder("lakala-2026-06", LocalDate.of(2026, 6, 1))
                            .effectiveThrough(LocalDate.of(2026, 11, 30))
                            .add(MethodFees.builder(ALIPAY, rate("0.38%")).build()).build()))).build();

    private static FeeQuote quoteOn(LocalDate day) {
        return priced(SCHEDULE.quote("lakala", QuoteRequest.builder(ALIPAY, yuan("100.00")).on(day).build()));
    }

    private static QuoteOutcome quoteAt(String instant) {
        return SCHEDULE.quote("lakala", QuoteRequest.builder(ALIPAY, yuan("100.00")).at(Instant.parse(instant)).build());
    }

    @ParameterizedTest(name = "{0} is priced by {1}")
    @CsvSource({
        "2026-06-01, lakala-2026-06, 0.38",   // first day of the old version
        "2026-11-25, lakala-2026-06, 0.38",   // the day the change is announced
        "2026-11-29, lakala-2026-06, 0.38",
        "2026-11-30, lakala-2026-06, 0.38",   // the day before the change
        "2026-12-01, lakala-2026-12, 0.60",   // the day of the change
        "2026-12-02, lakala-2026-12, 0.60",   // the day after
        "2030-01-01, lakala-2026-12, 0.60",   // open-ended
    })
    void eachBusinessDayIsPricedByTheVersionInEffectThatDay(LocalDate day, String version, String fee) {
        FeeQuote q = quoteOn(day);
        assertEquals(version, q.versionId());
        assertEquals(yuan(fee), q.merchantFee());
        assertEquals(day, q.businessDate());
    }

    @ParameterizedTest(name = "{0} is business day {1}")
    @CsvSource({
        "2026-11-30T15:59:59.999Z, lakala-2026-06",   // 23:59:59.999 on 30 Nov in UTC+8
        "2026-11-30T16:00:00Z, lakala-2026-12",       // midnight, 1 Dec in UTC+8 (still 30 Nov in UTC)
        "2026-11-30T20:00:00Z, lakala-2026-12",
        "2026-11-30T00:00:00Z, lakala-2026-06",
        "2026-12-01T15:59:59Z, lakala-2026-12",
    })
    void instantsBelongToTheirBusinessDayInChinaStandardTime(String instant, String version) {
        assertEquals(version, ((FeeQuote) quoteAt(instant)).versionId());
    }

    @Test
    void businessDayOfAnInstantIsItsDateInUtcPlus8() {
        assertEquals(LocalDate.of(2026, 12, 1), QuoteRequest.businessDateOf(Instant.parse("2026-11-30T16:00:00Z")));
        assertEquals(LocalDate.of(2026, 11, 30), QuoteRequest.businessDateOf(Instant.parse("2026-11-30T15:59:59Z")));
    }

    @Test
    void beforeTheFirstVersionNothingIsPriced() {
        NotPriced np = assertInstanceOf(NotPriced.class, SCHEDULE.quote("lakala",
                QuoteRequest.builder(ALIPAY, yuan("1.00")).on(LocalDate.of(2026, 5, 31)).build()));
        assertEquals(NotPricedReason.NO_VERSION_IN_EFFECT, np.reason());
        assertTrue(np.message().en().contains("2026-05-31"), np.message().en());
    }

    @Test
    void inAGapBetweenVersionsNothingIsPriced() {
        MethodFees alipay = MethodFees.builder(ALIPAY, rate("0.38%")).build();
        ChannelFeeSchedule gap = new ChannelFeeSchedule("ch", List.of(
                FeeScheduleVersion.builder("a", LocalDate.of(2026, 11, 1)).effectiveThrough(LocalDate.of(2026, 11, 30))
                        .add(alipay).build(),
                FeeScheduleVersion.builder("b", LocalDate.of(2026, 12, 5)).add(alipay).build()));
        assertEquals("a", gap.versionOn(LocalDate.of(2026, 11, 30)).orElseThrow().id());
        assertTrue(gap.versionOn(LocalDate.of(2026, 12, 1)).isEmpty());
        assertTrue(gap.versionOn(LocalDate.of(2026, 12, 4)).isEmpty());
        assertEquals("b", gap.versionOn(LocalDate.of(2026, 12, 5)).orElseThrow().id());
        assertTrue(gap.versionOn(LocalDate.of(2026, 10, 31)).isEmpty());
    }

    @Test
    void aScheduleSaysWhyItCannotPrice() {
        QuoteRequest wechat = QuoteRequest.builder(WECHAT_PAY, yuan("1.00")).on(LocalDate.of(2026, 12, 1)).build();
        assertEquals(NotPricedReason.METHOD_NOT_PRICED,
                assertInstanceOf(NotPriced.class, SCHEDULE.quote("lakala", wechat)).reason());
        QuoteRequest alipay = QuoteRequest.builder(ALIPAY, yuan("1.00")).on(LocalDate.of(2026, 12, 1)).build();
        NotPriced noChannel = assertInstanceOf(NotPriced.class, SCHEDULE.quote("shengfutong", alipay));
        assertEquals(NotPricedReason.NO_SCHEDULE_FOR_CHANNEL, noChannel.reason());
        assertEquals(NotPriced.REMEDY_CODE, noChannel.remedy().code());
        QuoteRequest sameDay = QuoteRequest.builder(ALIPAY, yuan("1.00")).on(LocalDate.of(2026, 12, 1))
                .settlement(SettlementSpeed.D0).build();
        assertEquals(NotPricedReason.SETTLEMENT_NOT_PRICED,
                assertInstanceOf(NotPriced.class, SCHEDULE.quote("lakala", sameDay)).reason());
    }

    @Test
    void quotingIsAPureFunctionOfScheduleAndRequest() {
        QuoteRequest r = QuoteRequest.builder(ALIPAY, Money.parse("88.00")).on(LocalDate.of(2026, 12, 1)).build();
        assertEquals(SCHEDULE.quote("lakala", r), SCHEDULE.quote("lakala", r));
    }
}
