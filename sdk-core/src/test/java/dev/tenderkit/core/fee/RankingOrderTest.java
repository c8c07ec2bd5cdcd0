package dev.tenderkit.core.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ranking equals a plain sort by the documented key, over random fees chosen to tie often. */
class RankingOrderTest {

    @Test
    void rankingIsTheDocumentedOrderForRandomSchedulesAndPreferences() {
        SplittableRandom random = new SplittableRandom(42);
        int n = 12;
        List<String> ids = new ArrayList<>();
        CapabilityPolicy.Builder policy = CapabilityPolicy.builder().version("p").issuedAt(RoutingWorld.NOW)
                .maxAge(Duration.ofDays(30));
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
            policy.channel(new ChannelProfile("c" + i, LocalizedText.of("c" + i, "c" + i),
                    LicenceKind.PAYMENT_INSTITUTION, List.of(ChannelOffering.of(PaymentMethods.ALIPAY_HUABEI, false),
                            ChannelOffering.of(PaymentMethods.HUABEI_INSTALLMENT_6, false))));   // and its parent
        }
        CapabilityResolver resolver = CapabilityResolver.builder().policy(policy.build())
                .clock(Clock.fixed(RoutingWorld.NOW, ZoneOffset.UTC)).serviceLoader(false).build();
        for (int round = 0; round < 300; round++) {
            FeeSchedule.Builder fees = FeeSchedule.builder("s");
            for (String id : ids) {
                fees.channel(new ChannelFeeSchedule(id, List.of(FeeScheduleVersion.builder(id, LocalDate.of(2026, 1, 1))
                        .add(MethodFees.builder(PaymentMethods.HUABEI_INSTALLMENT_6,
                                FeeRate.ofPpm(5_000 + 500 * random.nextInt(3)))
                                .installment(FeeRate.ofPpm(40_000 + 5_000 * random.nextInt(2)),
                                        InstallmentFeeShare.BUYER).build())
                        .build())));
            }
            List<String> preference = new ArrayList<>(ids);
            Collections.shuffle(preference, new java.util.Random(random.nextLong()));
            CheckoutContext ctx = CheckoutContext.of(RoutingWorld.context().terminal(),
                    new MerchantProfile("M", "Shop", "5411", preference, List.of()));
            LeastCostRouter router = LeastCostRouter.builder().resolver(resolver).schedule(fees.build()).build();
            RouteDecision d = router.route(ctx, QuoteRequest.builder(PaymentMethods.HUABEI_INSTALLMENT_6,
                    Money.parse("888.00")).on(RoutingWorld.TODAY).build());

            List<RankedChannel> expected = new ArrayList<>(d.ranked());
            expected.sort(Comparator.comparingLong((RankedChannel r) -> r.quote().merchantFee().fen())
                    .thenComparingLong(r -> r.quote().buyerInstallmentFee().fen())
                    .thenComparingInt(r -> preference.indexOf(r.channelId())));
            assertEquals(expected.stream().map(RankedChannel::channelId).toList(),
                    d.ranked().stream().map(RankedChannel::channelId).toList());
            assertEquals(n, d.ranked().size());
            for (int r = 0; r < n; r++) {
                assertEquals(r + 1, d.ranked().get(r).rank());
                assertEquals(preference.indexOf(d.ranked().get(r).channelId()), d.ranked().get(r).preference());
            }
        }
    }
}
