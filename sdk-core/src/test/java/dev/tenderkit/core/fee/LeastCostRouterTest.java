package dev.tenderkit.core.fee;

import static dev.tenderkit.core.fee.RoutingWorld.context;
import static dev.tenderkit.core.fee.RoutingWorld.request;
import static dev.tenderkit.core.fee.RoutingWorld.router;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_DEBIT_CARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LeastCostRouterTest {

    private static List<String> rankedIds(RouteDecision d) {
        return d.ranked().stream().map(RankedChannel::channelId).toList();
    }

    private static ExcludedChannel excluded(RouteDecision d, String channelId) {
        return d.excluded().stream().filter(e -> e.channelId().equals(channelId)).findFirst()
                .orElseThrow(() -> new AssertionError(channelId + " is not excluded: " + d));
    }

    private static List<Cause> causes(ExcludedChannel e) {
        return e.findings().stream().map(Finding::cause).toList();
    }

    @Test
    void theCheapestCapableChannelIsChosenAndTheOthersRankedByCost() {
        RouteDecision d = router().route(context(), request(ALIPAY, "88.00").build());
        Routed routed = assertInstanceOf(Routed.class, d);
        // sft 0.30% = 0.26, lakala 0.38% = 0.33, alipay-direct 0.60% = 0.53
        assertEquals("sft", routed.chosen().channelId());
        assertFalse(routed.pinned());
        assertEquals(List.of("sft", "lakala", "alipay-direct"), rankedIds(d));
        assertEquals(List.of(1, 2, 3), d.ranked().stream().map(RankedChannel::rank).toList());
        assertEquals(List.of(Money.parse("0.26"), Money.parse("0.33"), Money.parse("0.53")),
                d.ranked().stream().map(r -> r.quote().merchantFee()).toList());
        assertEquals(List.of(1, 0, 2), d.ranked().stream().map(RankedChannel::preference).toList());
        assertEquals(List.of("bank", "newco"), d.excluded().stream().map(ExcludedChannel::channelId).toList());
    }

    @Test
    void aChannelThatDoesNotOfferTheMethodIsExcludedWithTheCapabilityVocabulary() {
        ExcludedChannel bank = excluded(router().route(context(), request(ALIPAY, "88.00").build()), "bank");
        assertEquals(List.of(Cause.CHANNEL_METHOD_UNSUPPORTED), causes(bank));
        assertEquals(Optional.of("bank"), bank.findings().get(0).channelId());
        Remedy.SwitchChannel remedy = assertInstanceOf(Remedy.SwitchChannel.class, bank.findings().get(0).remedy());
        assertTrue(remedy.merchantChannels().contains("sft"), remedy.toString());
        // bank has no Alipay fees either, and says so
        assertEquals(NotPricedReason.METHOD_NOT_PRICED, bank.notPriced().orElseThrow().reason());
        assertTrue(bank.isRefusedByCapability());
    }

    @Test
    void aCapableChannelWithoutFeesIsExcludedForThatReasonAlone() {
        ExcludedChannel newco = excluded(router().route(context(), request(ALIPAY, "88.00").build()), "newco");
        assertTrue(newco.findings().isEmpty());
        assertFalse(newco.isRefusedByCapability());
        NotPriced np = newco.notPriced().orElseThrow();
        assertEquals(NotPricedReason.METHOD_NOT_PRICED, np.reason());
        assertEquals(NotPriced.REMEDY_CODE, np.remedy().code());
        assertTrue(np.message().en().contains("newco"), np.message().en());
    }

    @Test
    void aPendingQualificationExcludesItsChannel() {
        RouteDecision d = router().route(context(), request(ALIPAY_HUABEI, "88.00").build());
        assertEquals("lakala", assertInstanceOf(Routed.class, d).chosen().channelId());
        assertEquals(List.of("lakala"), rankedIds(d));
        ExcludedChannel direct = excluded(d, "alipay-direct");
        assertEquals(List.of(Cause.MERCHANT_QUALIFICATION_PENDING), causes(direct));
        assertEquals("AWAIT_REVIEW", direct.findings().get(0).remedy().code());
        assertTrue(direct.notPriced().isEmpty(), "alipay-direct prices Huabei; only capability excludes it");
        assertEquals(List.of(Cause.CHANNEL_METHOD_UNSUPPORTED), causes(excluded(d, "sft")));
    }

    @Test
    void aMethodWideRefusalExcludesEveryChannelAndSaysWhy() {
        // Huabei installments need at least 100.00: 88.00 is refused whatever the channel
        RouteDecision d = router().route(context(), request(HUABEI_INSTALLMENT_6, "88.00")
                .installmentShare(InstallmentFeeShare.SELLER).build());
        NotRoutable n = assertInstanceOf(NotRoutable.class, d);
        assertEquals(NotRoutableReason.NO_CHANNEL_CAN_TAKE_IT, n.reason());
        assertTrue(d.ranked().isEmpty());
        assertEquals(RoutingWorld.CHANNELS, d.excluded().stream().map(ExcludedChannel::channelId).toList());
        for (ExcludedChannel e : d.excluded()) {
            assertTrue(causes(e).contains(Cause.AMOUNT_OUT_OF_RANGE), e.channelId() + " " + causes(e));
        }
        // lakala would take it at 100.00 and more
        assertEquals(List.of(Cause.AMOUNT_OUT_OF_RANGE), causes(excluded(d, "lakala")));
        RouteDecision enough = router().route(context(), request(HUABEI_INSTALLMENT_6, "888.00")
                .installmentShare(InstallmentFeeShare.SELLER).build());
        FeeQuote q = assertInstanceOf(Routed.class, enough).chosen().quote();
        assertEquals("lakala", q.channelId());
        assertEquals(Money.parse("45.29"), q.merchantFee()); // 5.33 processing + 39.96 installment
    }

    @Test
    void tiesGoToTheMerchantsPreferenceOrder() {
        // debit card 10,000.00: lakala, sft capped at 20.00 / 25.00, bank at 18.00; 100.00: lakala = sft = 0.50
        RouteDecision small = router().route(context(), request(UNIONPAY_DEBIT_CARD, "100.00").build());
        assertEquals(List.of("bank", "lakala", "sft"), rankedIds(small)); // bank 0.45, then the 0.50 tie in order
        RouteDecision reversed = router().route(context(List.of("sft", "lakala", "bank")),
                request(UNIONPAY_DEBIT_CARD, "100.00").build());
        assertEquals(List.of("bank", "sft", "lakala"), rankedIds(reversed));
        RouteDecision big = router().route(context(), request(UNIONPAY_DEBIT_CARD, "10000.00").build());
        assertEquals(List.of("bank", "lakala", "sft"), rankedIds(big));
        assertEquals(Money.parse("18.00"), big.ranked().get(0).quote().merchantFee());
    }

    @Test
    void ofTwoChannelsEquallyCheapForTheMerchantTheOneCheaperForTheBuyerWins() {
        // 888.00 in 6 installments, buyer pays: both charge the merchant 5.33; alipay-direct's buyer fee is lower
        FeeSchedule s = RoutingWorld.schedule();
        FeeSchedule cheaperForBuyer = FeeSchedule.builder("t")
                .channel(s.channel("lakala").orElseThrow())
                .channel(new ChannelFeeSchedule("alipay-direct", List.of(FeeScheduleVersion
                        .builder("ad-v2", LocalDate.of(2026, 1, 1))
                        .add(MethodFees.builder(HUABEI_INSTALLMENT_6, FeeRate.parse("0.6%"))
                                .installment(FeeRate.parse("4.0%"), InstallmentFeeShare.BUYER).build())
                        .build())))
                .build();
        // Installments are paid with Huabei: the merchant is signed for both on both channels.
        List<dev.tenderkit.core.merchant.Qualification> approved = List.of(
                dev.tenderkit.core.merchant.Qualification.approved("lakala", "huabei"),
                dev.tenderkit.core.merchant.Qualification.approved("lakala", "huabei_installment"),
                dev.tenderkit.core.merchant.Qualification.approved("alipay-direct", "huabei"),
                dev.tenderkit.core.merchant.Qualification.approved("alipay-direct", "huabei_installment"));
        var merchant = new dev.tenderkit.core.merchant.MerchantProfile("M2", "Shop", "5411",
                List.of("lakala", "alipay-direct"), approved);
        var ctx = dev.tenderkit.core.capability.CheckoutContext.of(context().terminal(), merchant);
        RouteDecision d = router(cheaperForBuyer).route(ctx, request(HUABEI_INSTALLMENT_6, "888.00").build());
        assertEquals(List.of("alipay-direct", "lakala"), rankedIds(d));
        assertEquals(d.ranked().get(0).quote().merchantFee(), d.ranked().get(1).quote().merchantFee());
        assertEquals(Money.parse("35.52"), d.ranked().get(0).quote().buyerInstallmentFee());
    }

    @Test
    void aPinnedChannelIsUsedWhateverItCosts() {
        RouteDecision d = router().route(context(), request(ALIPAY, "88.00").build(), "alipay-direct");
        Routed r = assertInstanceOf(Routed.class, d);
        assertTrue(r.pinned());
        assertEquals("alipay-direct", r.chosen().channelId());
        assertEquals(3, r.chosen().rank());
        assertEquals(List.of("sft", "lakala", "alipay-direct"), rankedIds(d));
    }

    @Test
    void aPinnedChannelThatCannotTakeThePaymentIsNotSilentlyReplaced() {
        RouteDecision d = router().route(context(), request(ALIPAY, "88.00").build(), "bank");
        NotRoutable n = assertInstanceOf(NotRoutable.class, d);
        assertEquals(NotRoutableReason.PINNED_CHANNEL_EXCLUDED, n.reason());
        assertEquals(Optional.of("bank"), n.pinnedChannelId());
        assertEquals(List.of("sft", "lakala", "alipay-direct"), rankedIds(d), "the alternatives are still offered");
        NotRoutable unsigned = assertInstanceOf(NotRoutable.class,
                router().route(context(), request(ALIPAY, "88.00").build(), "unionpay-direct"));
        assertEquals(NotRoutableReason.PINNED_CHANNEL_NOT_SIGNED, unsigned.reason());
        NotRoutable unpriced = assertInstanceOf(NotRoutable.class,
                router().route(context(), request(ALIPAY, "88.00").build(), "newco"));
        assertEquals(NotRoutableReason.PINNED_CHANNEL_EXCLUDED, unpriced.reason());
    }

    @Test
    void aSettlementSpeedAChannelDoesNotPriceExcludesIt() {
        RouteDecision d = router().route(context(), request(ALIPAY, "88.00").settlement(SettlementSpeed.D0).build());
        assertEquals(List.of("lakala"), rankedIds(d));
        // 0.33 + 8800 × 0.05% = 4.4 fen → 0.04
        assertEquals(Money.parse("0.37"), d.ranked().get(0).quote().merchantFee());
        assertEquals(NotPricedReason.SETTLEMENT_NOT_PRICED, excluded(d, "sft").notPriced().orElseThrow().reason());
    }

    @Test
    void aMerchantWithoutChannelsCannotBeRouted() {
        RouteDecision d = router().route(context(List.of()), request(ALIPAY, "88.00").build());
        NotRoutable n = assertInstanceOf(NotRoutable.class, d);
        assertEquals(NotRoutableReason.NO_CHANNEL_CAN_TAKE_IT, n.reason());
        assertTrue(d.excluded().isEmpty());
        assertTrue(d.verdict().has(Cause.CHANNEL_METHOD_UNSUPPORTED));
    }

    @Test
    void aVerdictTheCallerAlreadyHasGivesTheSameDecision() {
        var ctx = context();
        QuoteRequest req = request(ALIPAY, "88.00").build();
        CapabilityVerdict verdict = RoutingWorld.resolver().resolve(ctx, ALIPAY, req.amount());
        RouteDecision withVerdict = router().route(ctx, verdict, req);
        RouteDecision resolved = router().route(ctx, req);
        assertEquals(rankedIds(resolved), rankedIds(withVerdict));
        assertEquals(resolved.ranked().get(0).quote(), withVerdict.ranked().get(0).quote());
        CapabilityVerdict other = RoutingWorld.resolver().resolve(ctx, ALIPAY_HUABEI, req.amount());
        assertEquals("verdict", assertThrows(InvalidInputException.class, () -> router().route(ctx, other, req))
                .field());
    }

    @Test
    void decisionsAreDeterministicAndTheRouterIsSafeToShare() throws Exception {
        LeastCostRouter router = router();
        var ctx = context();
        List<QuoteRequest> requests = List.of(request(ALIPAY, "88.00").build(),
                request(UNIONPAY_DEBIT_CARD, "100.00").build(), request(ALIPAY_HUABEI, "88.00").build(),
                request(ALIPAY, "88.00").settlement(SettlementSpeed.D0).build());
        List<List<String>> expected = new ArrayList<>();
        for (QuoteRequest r : requests) {
            expected.add(rankedIds(router.route(ctx, r)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int k = i % requests.size();
                        if (!rankedIds(router.route(ctx, requests.get(k))).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
