package dev.tenderkit.core.fee;

import static dev.tenderkit.core.fee.FeeFixtures.CARD_INSTALLMENT_12;
import static dev.tenderkit.core.fee.FeeFixtures.rate;
import static dev.tenderkit.core.fee.FeeFixtures.yuan;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_12;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_3;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Impossible fee terms are refused when built, naming the setting at fault. */
class FeeModelValidationTest {

    @Test
    void capBelowMinimumIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MethodFees
                .builder(ALIPAY, rate("0.38%")).minimum(yuan("1.00")).cap(yuan("0.50")).build());
        assertEquals("cap", e.field());
        assertTrue(e.getMessage().contains("below the minimum"), e.getMessage());
    }

    @Test
    void capEqualToMinimumIsAFlatFee() {
        MethodFees flat = MethodFees.builder(ALIPAY, rate("0.38%")).minimum(yuan("1.00")).cap(yuan("1.00")).build();
        assertEquals(yuan("1.00"), FeeFixtures.priced(FeeFixtures.schedule(flat)
                .quote("ch", FeeFixtures.request(ALIPAY, "5000.00").build())).merchantFee());
    }

    @Test
    void zeroCapIsRefused() {
        assertEquals("cap", assertThrows(InvalidInputException.class,
                () -> MethodFees.builder(ALIPAY, rate("0.38%")).cap(Money.ZERO).build()).field());
    }

    @Test
    void installmentMethodsMustStateTheirInstallmentFee() {
        assertEquals("installment", assertThrows(InvalidInputException.class,
                () -> MethodFees.builder(HUABEI_INSTALLMENT_6, rate("0.6%")).build()).field());
        assertEquals("installment", assertThrows(InvalidInputException.class,
                () -> MethodFees.builder(ALIPAY, rate("0.6%")).installment(rate("1%"), InstallmentFeeShare.BUYER)
                        .build()).field());
    }

    @Test
    void alipayInstallmentsAreBorneWhollyByTheBuyerOrWhollyBySeller() {
        for (var method : List.of(HUABEI_INSTALLMENT_3, HUABEI_INSTALLMENT_6, HUABEI_INSTALLMENT_12)) {
            for (int percent : new int[] {1, 50, 99}) {
                InvalidInputException e = assertThrows(InvalidInputException.class, () -> MethodFees
                        .builder(method, rate("0.6%")).installment(rate("4.5%"),
                                InstallmentFeeShare.sellerPercent(percent)).build());
                assertEquals("sellerPercent", e.field());
                assertTrue(e.getMessage().contains("hb_fq_seller_percent"), e.getMessage());
            }
            MethodFees.builder(method, rate("0.6%")).installment(rate("4.5%"), InstallmentFeeShare.BUYER).build();
            MethodFees.builder(method, rate("0.6%")).installment(rate("4.5%"), InstallmentFeeShare.SELLER).build();
        }
        // a per-payment override is held to the same rule
        assertEquals("sellerPercent", assertThrows(InvalidInputException.class, () -> FeeFixtures
                .request(HUABEI_INSTALLMENT_6, "888.00").installmentShare(InstallmentFeeShare.sellerPercent(50))
                .build()).field());
    }

    @Test
    void otherInstallmentProductsMaySplit() {
        MethodFees.builder(CARD_INSTALLMENT_12, rate("0%")).installment(rate("5%"),
                InstallmentFeeShare.sellerPercent(30)).build();
        assertThrows(InvalidInputException.class, () -> InstallmentFeeShare.sellerPercent(101));
        assertThrows(InvalidInputException.class, () -> InstallmentFeeShare.sellerPercent(-1));
    }

    @Test
    void anInstallmentShareOnAPaymentWithoutInstallmentsIsRefused() {
        assertEquals("sellerPercent", assertThrows(InvalidInputException.class, () -> FeeFixtures
                .request(ALIPAY, "88.00").installmentShare(InstallmentFeeShare.SELLER).build()).field());
    }

    @Test
    void overlappingVersionsAreRefused() {
        MethodFees alipay = MethodFees.builder(ALIPAY, rate("0.38%")).build();
        FeeScheduleVersion nov = FeeScheduleVersion.builder("nov", LocalDate.of(2026, 11, 1))
                .effectiveThrough(LocalDate.of(2026, 12, 1)).add(alipay).build();
        FeeScheduleVersion dec = FeeScheduleVersion.builder("dec", LocalDate.of(2026, 12, 1)).add(alipay).build();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new ChannelFeeSchedule("ch", List.of(dec, nov)));
        assertEquals("versions", e.field());
        assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
        // an open-ended version overlaps anything after it
        FeeScheduleVersion open = FeeScheduleVersion.builder("open", LocalDate.of(2026, 1, 1)).add(alipay).build();
        assertThrows(InvalidInputException.class, () -> new ChannelFeeSchedule("ch", List.of(open, dec)));
        // ending the day before is fine, in any order, with gaps
        FeeScheduleVersion novEnds = FeeScheduleVersion.builder("nov", LocalDate.of(2026, 11, 1))
                .effectiveThrough(LocalDate.of(2026, 11, 30)).add(alipay).build();
        FeeScheduleVersion june = FeeScheduleVersion.builder("june", LocalDate.of(2026, 6, 1))
                .effectiveThrough(LocalDate.of(2026, 6, 30)).add(alipay).build();
        ChannelFeeSchedule ok = new ChannelFeeSchedule("ch", List.of(dec, june, novEnds));
        assertEquals(List.of("june", "nov", "dec"), ok.versions().stream().map(FeeScheduleVersion::id).toList());
    }

    @Test
    void aVersionEndingBeforeItStartsIsRefused() {
        assertEquals("effectiveThrough", assertThrows(InvalidInputException.class, () -> FeeScheduleVersion
                .builder("v", LocalDate.of(2026, 12, 1)).effectiveThrough(LocalDate.of(2026, 11, 30))
                .add(MethodFees.builder(ALIPAY, rate("0.38%")).build()).build()).field());
    }

    @Test
    void aVersionPricesAtLeastOneMethodAndEachOnce() {
        assertEquals("methods", assertThrows(InvalidInputException.class,
                () -> FeeScheduleVersion.builder("v", LocalDate.of(2026, 12, 1)).build()).field());
        MethodFees alipay = MethodFees.builder(ALIPAY, rate("0.38%")).build();
        assertThrows(InvalidInputException.class,
                () -> FeeScheduleVersion.builder("v", LocalDate.of(2026, 12, 1)).add(alipay).add(alipay));
    }

    @Test
    void requestsNeedABusinessDayAndAPositiveAmount() {
        assertEquals("businessDate", assertThrows(ConfigurationException.class,
                () -> QuoteRequest.builder(ALIPAY, yuan("1.00")).build()).setting());
        assertEquals("amount", assertThrows(InvalidInputException.class,
                () -> QuoteRequest.builder(ALIPAY, Money.ZERO).on(FeeFixtures.DAY).build()).field());
    }

    @Test
    void aScheduleNamesEachChannelOnce() {
        ChannelFeeSchedule ch = new ChannelFeeSchedule("ch", List.of(FeeScheduleVersion
                .builder("v", LocalDate.of(2026, 1, 1)).add(MethodFees.builder(ALIPAY, rate("0.38%")).build()).build()));
        assertEquals("channels", assertThrows(ConfigurationException.class,
                () -> FeeSchedule.builder("s").channel(ch).channel(ch)).setting());
        assertEquals("id", assertThrows(ConfigurationException.class,
                () -> FeeSchedule.builder(" ").channel(ch).build()).setting());
    }

    @Test
    void routerNeedsAResolverAndASchedule() {
        assertEquals("resolver", assertThrows(ConfigurationException.class,
                () -> LeastCostRouter.builder().build()).setting());
    }

    @Test
    void aQuoteWhosePartsDoNotAddUpCannotBeMade() {
        FeeQuote q = FeeFixtures.priced(FeeFixtures.schedule(MethodFees.builder(ALIPAY, rate("0.38%")).build())
                .quote("ch", FeeFixtures.request(ALIPAY, "88.00").build()));
        assertEquals("merchantFee", assertThrows(InvalidInputException.class, () -> new FeeQuote(q.channelId(),
                q.method(), q.amount(), q.businessDate(), q.settlement(), q.version(), q.waivedAmount(),
                q.percentageFee(), q.fixedFee(), false, false, q.processingFee(), q.settlementSurcharge(),
                q.installmentShare(), q.installmentFee(), q.sellerInstallmentFee(), q.buyerInstallmentFee(), false,
                yuan("0.34"), yuan("87.66"))).field());
        assertEquals("net", assertThrows(InvalidInputException.class, () -> new FeeQuote(q.channelId(),
                q.method(), q.amount(), q.businessDate(), q.settlement(), q.version(), q.waivedAmount(),
                q.percentageFee(), q.fixedFee(), false, false, q.processingFee(), q.settlementSurcharge(),
                q.installmentShare(), q.installmentFee(), q.sellerInstallmentFee(), q.buyerInstallmentFee(), false,
                q.merchantFee(), yuan("87.68"))).field());
    }
}
