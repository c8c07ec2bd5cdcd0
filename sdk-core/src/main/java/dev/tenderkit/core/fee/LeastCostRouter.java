package dev.tenderkit.core.fee;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.channel.ChannelProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Least-cost routing: among the merchant's channels that can take a payment, which costs the
 * merchant least. A channel takes part only if the {@link CapabilityResolver} accepts the method
 * on it for the amount <em>and</em> the {@link FeeSchedule} can price the payment there; every
 * other channel is reported as an {@link ExcludedChannel} with the capability findings against it
 * and/or the {@link NotPriced} reason.
 *
 * <p><b>Order.</b> Channels are ranked by, in turn:
 *
 * <ol>
 *   <li>the merchant's fee ({@link FeeQuote#merchantFee()}), lowest first;
 *   <li>the buyer's installment fee ({@link FeeQuote#buyerInstallmentFee()}), lowest first, so that
 *       of two channels equally cheap for the merchant the one cheaper for the buyer wins;
 *   <li>the merchant's order of preference ({@code MerchantProfile.channelIds()}), earlier first;
 *   <li>the channel id, in {@link String#compareTo} order (only decides if the same id could appear
 *       twice, which a merchant profile forbids; stated so the order is total).
 * </ol>
 *
 * The same inputs always give the same ranking. The cheapest channel is chosen unless the caller
 * pins one: a pinned channel is used if it can take the payment, whatever it costs; if it cannot,
 * the decision is {@link NotRoutable} and the router does not silently fall back.
 *
 * <p><b>Time.</b> Fees are priced for the request's business day; capability is resolved with the
 * resolver's own clock (policy age, qualification expiry). Pass a request for today.
 *
 * <p>Thread-safe and immutable. A decision allocates its quotes and lists and little else.
 */
public final class LeastCostRouter {
    private final CapabilityResolver resolver;
    private final FeeSchedule schedule;

    private LeastCostRouter(CapabilityResolver resolver, FeeSchedule schedule) {
        this.resolver = resolver;
        this.schedule = schedule;
    }

    /** @return a builder; a resolver and a schedule are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the fee schedule in use */
    public FeeSchedule schedule() {
        return schedule;
    }

    /**
     * Resolves capability for the request's method and amount, then ranks the channels and chooses
     * the cheapest.
     *
     * @param context terminal, merchant and health
     * @param request the payment
     * @return the decision
     */
    public RouteDecision route(CheckoutContext context, QuoteRequest request) {
        return decide(context, verdictFor(context, request), request, null);
    }

    /**
     * As {@link #route(CheckoutContext, QuoteRequest)}, but takes the pinned channel if it can take
     * the payment.
     *
     * @param context terminal, merchant and health
     * @param request the payment
     * @param pinnedChannelId the channel the caller insists on
     * @return {@link Routed} through the pinned channel, or {@link NotRoutable} saying why not
     */
    public RouteDecision route(CheckoutContext context, QuoteRequest request, String pinnedChannelId) {
        Objects.requireNonNull(pinnedChannelId, "pinnedChannelId");
        return decide(context, verdictFor(context, request), request, pinnedChannelId);
    }

    /**
     * Ranks with a capability verdict the caller already has (e.g. from the checkout screen's
     * capability matrix), saving a resolution. The verdict must be for the request's method and
     * amount and for this context; the router can check the method only.
     *
     * @param context terminal, merchant and health
     * @param verdict the resolver's verdict for the request's method and amount in this context
     * @param request the payment
     * @return the decision
     * @throws InvalidInputException ({@code verdict}) if the verdict is for another method
     */
    public RouteDecision route(CheckoutContext context, CapabilityVerdict verdict, QuoteRequest request) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(request, "request");
        if (!verdict.method().equals(request.method())) {
            throw new InvalidInputException("verdict", "the verdict is for " + verdict.method().id()
                    + ", the request for " + request.method().id());
        }
        return decide(context, verdict, request, null);
    }

    private CapabilityVerdict verdictFor(CheckoutContext context, QuoteRequest request) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(request, "request");
        return resolver.resolve(context, request.method(), request.amount());
    }

    private RouteDecision decide(CheckoutContext context, CapabilityVerdict verdict, QuoteRequest request,
            String pinned) {
        List<String> channelIds = context.merchant().channelIds();
        int n = channelIds.size();
        // Quotes of the candidates by their position in the merchant's list, and the positions in
        // ranked order: an insertion sort over at most 64 channels, stable and allocation-free.
        FeeQuote[] quotes = new FeeQuote[n];
        int[] order = new int[n];
        int candidates = 0;
        List<ExcludedChannel> excluded = new ArrayList<>(0);
        // A method-wide block refuses every channel, even those no channel rule objected to.
        boolean methodAccepted = verdict.isAccepted();
        // The verdict lists accepting channels in the merchant's order: match them in one pass, and
        // ask the verdict only about a channel that is not next in its list.
        List<ChannelProfile> accepting = verdict.acceptingChannels();
        int next = 0;
        for (int i = 0; i < n; i++) {
            String id = channelIds.get(i);
            boolean listed;
            if (next < accepting.size() && accepting.get(next).id().equals(id)) {
                listed = true;
                next++;
            } else {
                listed = verdict.isAcceptedOn(id);
            }
            boolean capable = methodAccepted && listed;
            if (capable) {
                QuoteOutcome outcome = schedule.quote(id, request);
                if (outcome instanceof FeeQuote quote) {
                    quotes[i] = quote;
                    int j = candidates++;
                    while (j > 0 && cheaper(quote, i, quotes[order[j - 1]], order[j - 1])) {
                        order[j] = order[j - 1];
                        j--;
                    }
                    order[j] = i;
                } else {
                    excluded.add(new ExcludedChannel(id, i, List.of(), Optional.of((NotPriced) outcome)));
                }
            } else {
                NotPricedReason gap = schedule.gapOrNull(id, request);
                excluded.add(new ExcludedChannel(id, i, blockingFindingsAgainst(verdict, id),
                        gap == null ? Optional.empty() : Optional.of(FeeSchedule.notPriced(id, request, gap))));
            }
        }
        List<RankedChannel> ranked = new ArrayList<>(candidates);
        RankedChannel pinnedChoice = null;
        for (int r = 0; r < candidates; r++) {
            int i = order[r];
            RankedChannel c = new RankedChannel(r + 1, i, quotes[i]);
            ranked.add(c);
            if (pinned != null && pinned.equals(c.channelId())) {
                pinnedChoice = c;
            }
        }
        if (pinned != null) {
            if (pinnedChoice != null) {
                return new Routed(pinnedChoice, true, request, ranked, excluded, verdict);
            }
            NotRoutableReason why = channelIds.contains(pinned) ? NotRoutableReason.PINNED_CHANNEL_EXCLUDED
                    : NotRoutableReason.PINNED_CHANNEL_NOT_SIGNED;
            return new NotRoutable(why, Optional.of(pinned), request, ranked, excluded, verdict);
        }
        if (ranked.isEmpty()) {
            return new NotRoutable(NotRoutableReason.NO_CHANNEL_CAN_TAKE_IT, Optional.empty(), request, ranked,
                    excluded, verdict);
        }
        return new Routed(ranked.get(0), false, request, ranked, excluded, verdict);
    }

    /** The ranking order of the class documentation: whether {@code a} (at position {@code ia}) ranks before {@code b}. */
    static boolean cheaper(FeeQuote a, int ia, FeeQuote b, int ib) {
        int byFee = Long.compare(a.merchantFee().fen(), b.merchantFee().fen());
        if (byFee != 0) {
            return byFee < 0;
        }
        int byBuyer = Long.compare(a.buyerInstallmentFee().fen(), b.buyerInstallmentFee().fen());
        if (byBuyer != 0) {
            return byBuyer < 0;
        }
        if (ia != ib) {
            return ia < ib;
        }
        return a.channelId().compareTo(b.channelId()) < 0;
    }

    private static List<Finding> blockingFindingsAgainst(CapabilityVerdict verdict, String channelId) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : verdict.findings()) {
            if (f.isBlocking() && (f.channelId().isEmpty() || f.channelId().get().equals(channelId))) {
                out.add(f);
            }
        }
        return out;
    }

    /** Configures a {@link LeastCostRouter}; {@link #build()} names a missing setting. Not thread-safe. */
    public static final class Builder {
        private CapabilityResolver resolver;
        private FeeSchedule schedule;

        private Builder() {
        }

        /** @param resolver decides which channels can take a payment; required */
        public Builder resolver(CapabilityResolver resolver) {
            this.resolver = resolver;
            return this;
        }

        /** @param schedule prices payments on the merchant's channels; required */
        public Builder schedule(FeeSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /**
         * @return the router
         * @throws ConfigurationException naming {@code resolver} or {@code schedule} if missing
         */
        public LeastCostRouter build() {
            if (resolver == null) {
                throw new ConfigurationException("resolver", "a router needs a CapabilityResolver to know which "
                        + "channels can take a payment");
            }
            if (schedule == null) {
                throw new ConfigurationException("schedule", "a router needs a FeeSchedule to know what each "
                        + "channel costs; read one with FeeScheduleReader");
            }
            return new LeastCostRouter(resolver, schedule);
        }
    }
}
