package dev.tenderkit.core.fee;

import static dev.tenderkit.core.fee.FeeFixtures.CARD_INSTALLMENT_12;
import static dev.tenderkit.core.fee.FeeFixtures.priced;
import static dev.tenderkit.core.fee.FeeFixtures.rate;
import static dev.tenderkit.core.fee.FeeFixtures.request;
import static dev.tenderkit.core.fee.FeeFixtures.schedule;
import static dev.tenderkit.core.fee.FeeFixtures.yuan;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_DEBIT_CARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Quotes worked out by hand; each case states its arithmetic. */
class FeeQuoteExamplesTest {

    static Stream<Arguments> percentageAndRounding() {
        return Stream.of(
                // amount, rate, rounding, expected fee: rate × amount in fen, then rounded
                Arguments.of("88.00", "0.38%", FeeRounding.HALF_UP, "0.33"),    // 8800 × 0.0038 = 33.44 fen
                Arguments.of("88.00", "0.38%", FeeRounding.HALF_EVEN, "0.33"),
                Arguments.of("88.00", "0.38%", FeeRounding.UP, "0.34"),
                Arguments.of("88.00", "0.38%", FeeRounding.DOWN, "0.33"),
                Arguments.of("2.00", "0.25%", FeeRounding.HALF_UP, "0.01"),     // 200 × 0.0025 = 0.5 fen: a tie
                Arguments.of("2.00", "0.25%", FeeRounding.HALF_EVEN, "0.00"),   // ... to the even fen, 0
                Arguments.of("2.00", "0.25%", FeeRounding.UP, "0.01"),
                Arguments.of("2.00", "0.25%", FeeRounding.DOWN, "0.00"),
                Arguments.of("6.00", "0.25%", FeeRounding.HALF_EVEN, "0.02"),   // 1.5 fen: tie, to the even 2
                Arguments.of("6.00", "0.25%", FeeRounding.DOWN, "0.01"),
                Arguments.of("88.88", "0.6%", FeeRounding.HALF_UP, "0.53"),     // 8888 × 0.006 = 53.328 fen
                Arguments.of("1000.00", "0.3825%", FeeRounding.HALF_UP, "3.83"), // 100000 × 0.003825 = 382.5 fen
                Arguments.of("1000.00", "0.3825%", FeeRounding.HALF_EVEN, "3.82"),
                Arguments.of("0.01", "0.38%", FeeRounding.UP, "0.01"),          // any part of a fen is a fen
                Arguments.of("0.01", "100%", FeeRounding.HALF_UP, "0.01"),
                Arguments.of("100000000.00", "0.38%", FeeRounding.HALF_UP, "380000.00"));
    }

    @ParameterizedTest(name = "{0} at {1} rounded {2} costs {3}")
    @MethodSource("percentageAndRounding")
    void percentageFeeIsRateTimesAmountRoundedToTheFen(String amount, String rate, FeeRounding rounding,
            String fee) {
        FeeSchedule s = schedule("ch", rounding, MethodFees.builder(ALIPAY, rate(rate)).build());
        FeeQuote q = priced(s.quote("ch", request(ALIPAY, amount).build()));
        assertEquals(yuan(fee), q.percentageFee());
        assertEquals(yuan(fee), q.merchantFee());
        assertEquals(yuan(amount).minus(yuan(fee)), q.net());
        assertEquals(rounding, q.version().rounding());
    }

    @Test
    void alipayAt038PercentOn88YuanCosts33FenAndNets8767() {
        FeeQuote q = priced(schedule(MethodFees.builder(ALIPAY, rate("0.38%")).build())
                .quote("ch", request(ALIPAY, "88.00").build()));
        assertEquals(yuan("88.00"), q.amount());
        assertEquals(yuan("0.33"), q.processingFee());
        assertEquals(Money.ZERO, q.settlementSurcharge());
        assertEquals(Money.ZERO, q.sellerInstallmentFee());
        assertEquals(Money.ZERO, q.buyerInstallmentFee());
        assertEquals(yuan("87.67"), q.net());
        assertEquals("ch-v1", q.versionId());
        assertEquals(Optional.empty(), q.installmentShare());
        assertEquals(yuan("88.00"), q.buyerTotal());
    }

    @Test
    void fixedFeeIsAddedToThePercentage() {
        // 100.00 at 0.38% = 38 fen, plus 0.10 fixed = 0.48
        FeeQuote q = priced(schedule(MethodFees.builder(ALIPAY, rate("0.38%")).fixed(yuan("0.10")).build())
                .quote("ch", request(ALIPAY, "100.00").build()));
        assertEquals(yuan("0.38"), q.percentageFee());
        assertEquals(yuan("0.10"), q.fixedFee());
        assertEquals(yuan("0.48"), q.processingFee());
        assertEquals(yuan("99.52"), q.net());
    }

    @Test
    void debitCardFeeIsCappedPerTransaction() {
        MethodFees debit = MethodFees.builder(UNIONPAY_DEBIT_CARD, rate("0.5%")).cap(yuan("20.00")).build();
        // 10,000.00 at 0.5% = 50.00, capped at 20.00
        FeeQuote big = priced(schedule(debit).quote("ch", request(UNIONPAY_DEBIT_CARD, "10000.00").build()));
        assertEquals(yuan("50.00"), big.percentageFee());
        assertEquals(yuan("20.00"), big.processingFee());
        assertTrue(big.capApplied());
        assertEquals(yuan("9980.00"), big.net());
        // 88.00 at 0.5% = 0.44, under the cap
        FeeQuote small = priced(schedule(debit).quote("ch", request(UNIONPAY_DEBIT_CARD, "88.00").build()));
        assertEquals(yuan("0.44"), small.processingFee());
        assertFalse(small.capApplied());
        // 4,000.00 at 0.5% = exactly the cap: not "applied"
        FeeQuote edge = priced(schedule(debit).quote("ch", request(UNIONPAY_DEBIT_CARD, "4000.00").build()));
        assertEquals(yuan("20.00"), edge.processingFee());
        assertFalse(edge.capApplied());
    }

    @Test
    void minimumRaisesASmallFee() {
        // 1.00 at 0.38% = 0.38 fen → 0 fen, raised to the 0.10 minimum
        FeeQuote q = priced(schedule(MethodFees.builder(ALIPAY, rate("0.38%")).minimum(yuan("0.10")).build())
                .quote("ch", request(ALIPAY, "1.00").build()));
        assertEquals(Money.ZERO, q.percentageFee());
        assertEquals(yuan("0.10"), q.processingFee());
        assertTrue(q.minimumApplied());
        assertEquals(yuan("0.90"), q.net());
    }

    @Test
    void feeIsNeverMoreThanTheAmount() {
        // a 0.10 minimum on a 0.05 payment: the fee is cut to 0.05 and the net is zero
        FeeQuote q = priced(schedule(MethodFees.builder(ALIPAY, rate("0.38%")).minimum(yuan("0.10"))
                .settlement(SettlementSpeed.D0, new SettlementSurcharge(rate("0%"), yuan("1.00"))).build())
                .quote("ch", request(ALIPAY, "0.05").settlement(SettlementSpeed.D0).build()));
        assertEquals(yuan("0.05"), q.processingFee());
        assertEquals(Money.ZERO, q.settlementSurcharge());
        assertEquals(yuan("0.05"), q.merchantFee());
        assertEquals(Money.ZERO, q.net());
        assertTrue(q.limitedToAmount());
    }

    @Test
    void sameDaySettlementAddsItsSurchargeOnTheWholeAmount() {
        MethodFees fees = MethodFees.builder(ALIPAY, rate("0.38%"))
                .settlement(SettlementSpeed.D0, new SettlementSurcharge(rate("0.05%"), yuan("0.02"))).build();
        // T1: 0.33 only. D0: 0.33 + (8800 × 0.0005 = 4.4 fen → 4) + 2 fen = 0.39
        FeeQuote t1 = priced(schedule(fees).quote("ch", request(ALIPAY, "88.00").build()));
        FeeQuote d0 = priced(schedule(fees).quote("ch", request(ALIPAY, "88.00").settlement(SettlementSpeed.D0)
                .build()));
        assertEquals(yuan("0.33"), t1.merchantFee());
        assertEquals(yuan("0.06"), d0.settlementSurcharge());
        assertEquals(yuan("0.39"), d0.merchantFee());
        assertEquals(yuan("87.61"), d0.net());
        assertEquals(SettlementSpeed.D0, d0.settlement());
    }

    @Test
    void huabeiSixInstallmentsWithTheSellerBearingTheFee() {
        MethodFees fees = MethodFees.builder(HUABEI_INSTALLMENT_6, rate("0.6%"))
                .installment(rate("4.5%"), InstallmentFeeShare.BUYER).build();
        // 888.00: processing 88800 × 0.006 = 532.8 → 5.33; installment 88800 × 0.045 = 3996 fen = 39.96
        FeeQuote seller = priced(schedule(fees).quote("ch", request(HUABEI_INSTALLMENT_6, "888.00")
                .installmentShare(InstallmentFeeShare.SELLER).build()));
        assertEquals(yuan("5.33"), seller.processingFee());
        assertEquals(yuan("39.96"), seller.installmentFee());
        assertEquals(yuan("39.96"), seller.sellerInstallmentFee());
        assertEquals(Money.ZERO, seller.buyerInstallmentFee());
        assertEquals(yuan("45.29"), seller.merchantFee());
        assertEquals(yuan("842.71"), seller.net());
        assertEquals(yuan("888.00"), seller.buyerTotal());
        assertEquals(Optional.of(InstallmentFeeShare.SELLER), seller.installmentShare());
    }

    @Test
    void huabeiSixInstallmentsWithTheBuyerBearingTheFeeByDefault() {
        MethodFees fees = MethodFees.builder(HUABEI_INSTALLMENT_6, rate("0.6%"))
                .installment(rate("4.5%"), InstallmentFeeShare.BUYER).build();
        FeeQuote buyer = priced(schedule(fees).quote("ch", request(HUABEI_INSTALLMENT_6, "888.00").build()));
        assertEquals(yuan("5.33"), buyer.merchantFee());
        assertEquals(yuan("882.67"), buyer.net());
        assertEquals(Money.ZERO, buyer.sellerInstallmentFee());
        assertEquals(yuan("39.96"), buyer.buyerInstallmentFee());
        assertEquals(yuan("927.96"), buyer.buyerTotal());
    }

    @Test
    void aSplitShareRoundsTheSellersPartAndGivesTheBuyerTheRest() {
        MethodFees fees = MethodFees.builder(CARD_INSTALLMENT_12, rate("0%"))
                .installment(rate("5%"), InstallmentFeeShare.sellerPercent(30)).build();
        // 1000.00 × 5% = 50.00; seller 30% = 15.00, buyer 35.00
        FeeQuote q = priced(schedule(fees).quote("ch", request(CARD_INSTALLMENT_12, "1000.00").build()));
        assertEquals(yuan("15.00"), q.sellerInstallmentFee());
        assertEquals(yuan("35.00"), q.buyerInstallmentFee());
        // 0.60 × 5% = 3 fen; seller 30% = 0.9 fen → 1 fen (HALF_UP), buyer 2 fen
        FeeQuote odd = priced(schedule(fees).quote("ch", request(CARD_INSTALLMENT_12, "0.60").build()));
        assertEquals(yuan("0.03"), odd.installmentFee());
        assertEquals(yuan("0.01"), odd.sellerInstallmentFee());
        assertEquals(yuan("0.02"), odd.buyerInstallmentFee());
    }

    @Test
    void waiverDropsThePercentageOnThePartWithinTheMonthlyAllowance() {
        MethodFees fees = MethodFees.builder(ALIPAY, rate("0.38%")).fixed(yuan("0.10")).waiver(yuan("10000.00"))
                .build();
        FeeSchedule s = schedule(fees);
        // 9,950.00 used: 50.00 of 88.00 is waived; 38.00 × 0.38% = 14.44 fen → 0.14, plus 0.10 fixed
        FeeQuote crossing = priced(s.quote("ch", request(ALIPAY, "88.00")
                .monthToDateVolume("ch", yuan("9950.00")).build()));
        assertEquals(yuan("50.00"), crossing.waivedAmount());
        assertEquals(yuan("0.14"), crossing.percentageFee());
        assertEquals(yuan("0.24"), crossing.processingFee());
        // nothing used yet: wholly within the allowance, no fee at all, not even the fixed fee
        FeeQuote free = priced(s.quote("ch", request(ALIPAY, "88.00").monthToDateVolume("ch", Money.ZERO).build()));
        assertEquals(yuan("88.00"), free.waivedAmount());
        assertEquals(Money.ZERO, free.fixedFee());
        assertEquals(Money.ZERO, free.merchantFee());
        assertEquals(yuan("88.00"), free.net());
        // allowance used up: full price, 0.33 + 0.10
        FeeQuote spent = priced(s.quote("ch", request(ALIPAY, "88.00")
                .monthToDateVolume("ch", yuan("12000.00")).build()));
        assertEquals(Money.ZERO, spent.waivedAmount());
        assertEquals(yuan("0.43"), spent.merchantFee());
    }

    @Test
    void withoutTheMonthToDateVolumeAWaiverIsNotPromised() {
        FeeSchedule s = schedule(MethodFees.builder(ALIPAY, rate("0.38%")).waiver(yuan("10000.00")).build());
        FeeQuote q = priced(s.quote("ch", request(ALIPAY, "88.00").monthToDateVolume("other", Money.ZERO).build()));
        assertEquals(Money.ZERO, q.waivedAmount());
        assertEquals(yuan("0.33"), q.merchantFee());
    }

    @Test
    void waiverReducesNeitherTheSurchargeNorTheInstallmentFee() {
        MethodFees fees = MethodFees.builder(HUABEI_INSTALLMENT_6, rate("0.6%"))
                .installment(rate("4.5%"), InstallmentFeeShare.SELLER)
                .settlement(SettlementSpeed.D0, SettlementSurcharge.ofRate(rate("0.1%")))
                .waiver(yuan("5000.00")).build();
        // 888.00 wholly waived: processing 0; surcharge 88800 × 0.001 = 88.8 → 0.89; installment 39.96
        FeeQuote q = priced(schedule(fees).quote("ch", request(HUABEI_INSTALLMENT_6, "888.00")
                .settlement(SettlementSpeed.D0).monthToDateVolume("ch", Money.ZERO).build()));
        assertEquals(Money.ZERO, q.processingFee());
        assertEquals(yuan("0.89"), q.settlementSurcharge());
        assertEquals(yuan("39.96"), q.sellerInstallmentFee());
        assertEquals(yuan("40.85"), q.merchantFee());
        assertEquals(yuan("847.15"), q.net());
    }

    @Test
    void minimumAndCapApplyToTheProcessingFeeOnly() {
        MethodFees fees = MethodFees.builder(HUABEI_INSTALLMENT_6, rate("1%")).cap(yuan("5.00"))
                .installment(rate("4.5%"), InstallmentFeeShare.SELLER).build();
        // 2,000.00: processing 20.00 capped to 5.00; installment 90.00 not capped
        FeeQuote q = priced(schedule(fees).quote("ch", request(HUABEI_INSTALLMENT_6, "2000.00").build()));
        assertEquals(yuan("5.00"), q.processingFee());
        assertEquals(yuan("90.00"), q.sellerInstallmentFee());
        assertEquals(yuan("95.00"), q.merchantFee());
    }
}
