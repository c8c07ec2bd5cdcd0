package dev.tenderkit.core.payment;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.fee.LeastCostRouter;
import dev.tenderkit.core.fee.RankedChannel;
import dev.tenderkit.core.fee.RouteDecision;
import dev.tenderkit.core.fee.Routed;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the channel a payment goes through: the capable channels (the resolver's verdict), the
 * one the caller pinned if any, cheapest first when a fee schedule prices them, and the first of
 * those with a gateway configured; or the findings that refuse it. Thread-safe and lock-free:
 * routing one order never waits for another.
 */
final class ChannelRouting {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRouting.class);

    private final CapabilityResolver resolver;
    private final Map<String, PaymentGateway> gateways;
    private final Optional<LeastCostRouter> router;
    private final Clock clock;

    ChannelRouting(CapabilityResolver resolver, Map<String, PaymentGateway> gateways, Optional<LeastCostRouter> router,
            Clock clock) {
        this.resolver = resolver;
        this.gateways = Map.copyOf(gateways);
        this.router = router;
        this.clock = clock;
    }

    /** The channel a payment goes through, or why it cannot be taken. */
    record Route(ChannelProfile channel, PaymentGateway gateway, boolean creditAllowed,
            Optional<TradeOutcome.Refused> refusal) {
        static Route refused(PaymentMethod method, List<Finding> findings) {
            return new Route(null, null, false, Optional.of(new TradeOutcome.Refused(method, findings)));
        }
    }

    /**
     * @param creditWanted whether the sale may be paid with consumer credit at all (a per-request switch)
     * @throws InvalidInputException naming {@code pinnedChannel} when it is not the merchant's
     */
    Route route(CheckoutContext ctx, PaymentMethod method, Money amount, Optional<String> pinned,
            Optional<InstallmentPlan> installments, boolean creditWanted) {
        CapabilityVerdict verdict = resolver.resolve(ctx, method, amount, installments);
        if (!verdict.isAccepted()) {
            return Route.refused(method, verdict.blockingFindings());
        }
        List<ChannelProfile> candidates = new ArrayList<>();
        for (ChannelProfile c : verdict.acceptingChannels()) {
            if (pinned.isEmpty() || pinned.get().equals(c.id())) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            if (!ctx.merchant().channelIds().contains(pinned.orElseThrow())) {
                throw new InvalidInputException("pinnedChannel", "channel " + pinned.get()
                        + " is not one of the merchant's channels " + ctx.merchant().channelIds());
            }
            return Route.refused(method, verdict.blockingFindingsAgainst(pinned.get()));
        }
        for (ChannelProfile c : cheapestFirst(ctx, verdict, candidates, amount, installments)) {
            PaymentGateway g = gateways.get(c.id());
            if (g != null) {
                return new Route(c, g, creditWanted && creditAllowed(ctx, method, amount, c), Optional.empty());
            }
        }
        throw new TenderKitException(ErrorCode.INVALID_CONFIGURATION, "no gateway is configured for channel(s) "
                + candidates.stream().map(ChannelProfile::id).toList() + " that accept " + method.id()
                + "; add one with PaymentEngine.builder().gateway(channelId, gateway)");
    }

    /**
     * With a fee schedule, the capable channels the schedule prices come first, cheapest first (the
     * router's order); channels it cannot price follow in the merchant's order, so a missing fee
     * term never refuses a sale.
     */
    private List<ChannelProfile> cheapestFirst(CheckoutContext ctx, CapabilityVerdict verdict,
            List<ChannelProfile> candidates, Money amount, Optional<InstallmentPlan> installments) {
        if (router.isEmpty() || candidates.size() < 2) {
            return candidates;
        }
        RouteDecision decision = router.get().route(ctx, verdict,
                FeeSchedulePricing.request(verdict.method(), amount, installments, clock.instant()));
        if (!(decision instanceof Routed routed)) {
            LOG.info("no fee schedule prices {} here; routing in the merchant's order", verdict.method().id());
            return candidates;
        }
        List<ChannelProfile> ordered = new ArrayList<>();
        for (RankedChannel ranked : routed.ranked()) {
            for (ChannelProfile c : candidates) {
                if (c.id().equals(ranked.channelId())) {
                    ordered.add(c);
                }
            }
        }
        for (ChannelProfile c : candidates) {
            if (!ordered.contains(c)) {
                ordered.add(c);
            }
        }
        return ordered;
    }

    /** Consumer credit is allowed only if one of the wallet's credit methods is accepted on the channel. */
    private boolean creditAllowed(CheckoutContext ctx, PaymentMethod method, Money amount, ChannelProfile channel) {
        if (method.isCredit()) {
            return true;
        }
        for (PaymentMethod m : resolver.registry().all()) {
            if (m.wallet() == method.wallet() && m.isCredit() && !m.isInstallment()
                    && resolver.resolve(ctx, m, amount).isAcceptedOn(channel.id())) {
                return true;
            }
        }
        return false;
    }
}
