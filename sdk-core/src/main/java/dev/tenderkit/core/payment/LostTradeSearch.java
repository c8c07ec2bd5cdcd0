package dev.tenderkit.core.payment;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery's search for trades the store lost: out_trade_no values are sequential per run, so for
 * each earlier run the wallets are asked about the numbers after the highest one the store knows,
 * one by one, until {@code consecutiveNotFound} in a row are not found at any of them. Any trade found
 * there that is paid, awaiting the buyer, or without a verified answer (after two more tries) is
 * adopted: a paid one is recorded PAID and flagged, never reversed (the goods may have been handed
 * over); the others are settled like any unfinished trade (queried, and reversed at a deadline).
 * A closed or refused one needs nothing. A "not found" answer only ends the search: it may be a
 * replay, and it never changes a trade.
 *
 * <p>Which runs: the prefixes the store noted ({@link TransactionStore#numberPrefixes()}) and those of
 * the numbers it holds ({@link TransactionStore#lastTradeOfRuns()}), except the running engine's own — and only where the store's forgetting
 * cannot explain a missing number (the run's last known trade, or its start, is within the store's
 * retention), so that trades compacted away are not adopted again. When the store is intact only
 * the {@code runsWhenIntact} most recent runs are searched (a lost tail is at the end); when it is
 * damaged, every such run. Runs are searched one after another on the engine's gateway executor.
 */
final class LostTradeSearch {
    private static final Logger LOG = LoggerFactory.getLogger(LostTradeSearch.class);
    /** Slack for clock adjustments when deciding whether compaction could have dropped a number. */
    private static final Duration CLOCK_SLACK = Duration.ofDays(1);
    private static final int UNKNOWN_RETRIES = 2;

    /**
     * How the search runs.
     *
     * @param consecutiveNotFound "not found" answers in a row that end a run's search; 0 disables the search
     * @param runsWhenIntact how many recent runs are searched when the store is intact
     * @param maxNumbersPerRun numbers asked about per run at most
     */
    record Settings(int consecutiveNotFound, int runsWhenIntact, int maxNumbersPerRun) {
        static final Settings DEFAULT = new Settings(3, 8, 1000);
    }

    /**
     * What the search found.
     *
     * @param results one per run searched
     * @param outcomes the outcomes of the adopted trades
     * @param failure the first exception that stopped a run, if any
     */
    record Found(List<LostTradeSearchResult> results, List<CompletableFuture<TradeOutcome>> outcomes,
            Optional<Throwable> failure) {
    }

    private final TradeServices services;
    private final TradeRecovery recovery;
    private final TransactionStore store;
    private final Map<String, PaymentGateway> gateways;
    private final String terminalId;
    private final String ownPrefix;
    private final Settings settings;
    private final List<LostTradeSearchResult> results = new ArrayList<>();
    private final List<CompletableFuture<TradeOutcome>> outcomes = new ArrayList<>();
    private final CompletableFuture<Found> done = new CompletableFuture<>();
    private Throwable failure;

    LostTradeSearch(TradeServices services, TradeRecovery recovery, TransactionStore store,
            Map<String, PaymentGateway> gateways, String terminalId, String ownPrefix, Settings settings) {
        this.services = services;
        this.recovery = recovery;
        this.store = store;
        this.gateways = Map.copyOf(gateways);
        this.terminalId = terminalId;
        this.ownPrefix = ownPrefix;
        this.settings = settings;
    }

    /** Starts the search on the scheduler. */
    CompletableFuture<Found> start(boolean damaged) {
        if (settings.consecutiveNotFound() == 0) {
            done.complete(new Found(List.of(), List.of(), Optional.empty()));
            return done;
        }
        List<Run> runs = plan(damaged);
        if (!runs.isEmpty()) {
            LOG.info("searching {} earlier run(s) for trades the journal lost: {}", runs.size(),
                    runs.stream().map(r -> r.prefix).toList());
        }
        next(runs, 0);
        return done;
    }

    /** The runs to search, most recent first. */
    private List<Run> plan(boolean damaged) {
        Map<String, TradeRecord> highest = new HashMap<>();
        for (TradeRecord t : store.lastTradeOfRuns()) {   // a bounded query where the store has one
            OutTradeNumbers.prefixOf(t.outTradeNo()).ifPresent(p -> highest.merge(p, t,
                    (a, b) -> a.outTradeNo().compareTo(b.outTradeNo()) >= 0 ? a : b));
        }
        Set<String> prefixes = new LinkedHashSet<>();
        List<String> noted = new ArrayList<>(store.numberPrefixes());
        java.util.Collections.reverse(noted);
        prefixes.addAll(noted);
        prefixes.addAll(highest.keySet());
        prefixes.remove(ownPrefix);
        Instant now = services.now();
        Optional<Instant> horizon = store.retention().map(r -> now.minus(r).plus(CLOCK_SLACK));
        List<Run> runs = new ArrayList<>();
        for (String p : prefixes) {
            TradeRecord last = highest.get(p);
            long after = last == null ? 0 : OutTradeNumbers.sequenceOf(last.outTradeNo(), p).orElse(0);
            Instant reference = last != null ? last.createdAt() : OutTradeNumbers.startOf(p, terminalId).orElse(now);
            if (horizon.isPresent() && reference.isBefore(horizon.get())) {
                LOG.debug("run {} is not searched: its last trade or start ({}) is older than the store's retention",
                        p, reference);
                continue;
            }
            runs.add(new Run(p, after, reference));
        }
        runs.sort(Comparator.comparing((Run r) -> r.reference).reversed());
        return damaged ? runs : runs.subList(0, Math.min(runs.size(), settings.runsWhenIntact()));
    }

    private void next(List<Run> runs, int index) {
        if (index == runs.size()) {
            done.complete(new Found(List.copyOf(results), List.copyOf(outcomes), Optional.ofNullable(failure)));
            return;
        }
        Run run = runs.get(index);
        run.whenDone = () -> next(runs, index + 1);
        services.run(() -> step(run));
    }

    private void step(Run run) {
        try {
            ask(run);
        } catch (RuntimeException e) {
            LOG.error("search for lost trades of run {} failed at sequence {}", run.prefix, run.sequence, e);
            if (failure == null) {
                failure = e;
            }
            finish(run, false, "stopped by " + e);
        }
    }

    private void ask(Run run) {
        if (run.misses >= settings.consecutiveNotFound()) {
            finish(run, true, "");
            return;
        }
        if (run.queried >= settings.maxNumbersPerRun()) {
            finish(run, false, "stopped after " + run.queried + " numbers without " + settings.consecutiveNotFound()
                    + " consecutive not-found answers");
            return;
        }
        String no = OutTradeNumbers.number(run.prefix, run.sequence);
        if (no.length() > OutTradeNumbers.MAX_LENGTH) {
            finish(run, true, "");
            return;
        }
        if (store.isKnown(no)) {
            advance(run, false);
            return;
        }
        Answer answer = query(no);
        run.queried += run.retries == 0 ? 1 : 0;
        if (answer.result instanceof QueryResult.NotFound) {
            advance(run, true);
        } else if (answer.result instanceof QueryResult.Paid p) {
            adopt(run, no, answer, TradeState.PAID, Optional.of(p.payment()), "paid");
        } else if (answer.result instanceof QueryResult.AwaitingBuyer) {
            adopt(run, no, answer, TradeState.AWAITING_BUYER, Optional.empty(), "awaiting the buyer");
        } else if (answer.result instanceof QueryResult.Unknown u) {
            if (run.retries < UNKNOWN_RETRIES) {
                run.retries++;
                services.schedule(() -> step(run), answer.gateway.timing().queryDelay(run.retries));
                return;
            }
            adopt(run, no, answer, TradeState.CREATED, Optional.empty(), "no verified answer: " + u.reason());
        } else {
            advance(run, false);   // closed or refused there: nothing is charged, nothing to adopt
        }
    }

    private void adopt(Run run, String no, Answer answer, TradeState state, Optional<Payment> payment, String what) {
        TradeRecord t = lost(no, answer, state, payment, what);
        Optional<CompletableFuture<TradeOutcome>> outcome = recovery.adoptLost(t);
        if (outcome.isPresent()) {
            LOG.warn("trade {} was found at the wallet ({}) but is missing from the journal: adopted as order {}, "
                    + "flagged for attention", no, what, t.orderId());
            run.adopted.add(t);
            outcomes.add(outcome.get());
        }
        advance(run, false);
    }

    private void advance(Run run, boolean notFound) {
        run.misses = notFound ? run.misses + 1 : 0;
        run.retries = 0;
        run.sequence++;
        services.run(() -> step(run));
    }

    private void finish(Run run, boolean complete, String note) {
        results.add(new LostTradeSearchResult(run.prefix, run.after, run.queried, run.adopted, complete, note));
        run.whenDone.run();
    }

    /** Asks every channel's gateway; the most telling answer wins (paid, awaiting, unknown, closed, not found). */
    private Answer query(String no) {
        Answer best = null;
        for (Map.Entry<String, PaymentGateway> g : new java.util.TreeMap<>(gateways).entrySet()) {
            QueryResult r;
            try {
                r = g.getValue().query(new TradeRef(no, g.getKey()));
            } catch (RuntimeException e) {
                r = new QueryResult.Unknown("gateway " + g.getValue().id() + " threw " + e);
            }
            if (r == null) {
                r = new QueryResult.Unknown("gateway " + g.getValue().id() + " returned no result");
            }
            Answer a = new Answer(g.getKey(), g.getValue(), r);
            if (best == null || a.rank() < best.rank()) {
                best = a;
            }
        }
        return best;
    }

    /** The record of a trade found at a wallet and missing from the store. */
    private TradeRecord lost(String no, Answer answer, TradeState state, Optional<Payment> payment, String what) {
        Instant now = services.now();
        String why = "found at the wallet (channel " + answer.channel + ", " + what + ") by recovery's search for "
                + "lost trades, but missing from the journal: its POS order is unknown, check it against the POS's "
                + "orders" + (state == TradeState.PAID ? "; it is paid and was not reversed automatically (the goods "
                + "may have been handed over): refund it if they were not" : "");
        TradeIntent intent = new TradeIntent(no, "LOST-" + no, 1, TradeKind.BARCODE, answer.channel,
                answer.gateway.id(), "unknown", payment.map(Payment::amount).orElse(Money.ZERO),
                "trade found at the wallet, missing from the journal", Optional.empty(), "", Optional.empty(),
                payment.map(Payment::paidAt).orElse(now), now.plus(answer.gateway.timing().buyerDeadline()));
        TradeProgress.Change progress = TradeProgress.created(now).change().state(state).problem(why).attention(why);
        payment.ifPresent(p -> progress.paid(p, Optional.empty()));   // found paid: state PAID
        return new TradeRecord(intent, progress.at(now, 0));
    }

    /** One run being searched. */
    private static final class Run {
        final String prefix;
        final long after;
        final Instant reference;
        final List<TradeRecord> adopted = new ArrayList<>();
        long sequence;
        int misses;
        int retries;
        int queried;
        Runnable whenDone;

        Run(String prefix, long after, Instant reference) {
            this.prefix = prefix;
            this.after = after;
            this.reference = reference;
            this.sequence = after + 1;
        }
    }

    /** One gateway's answer about a number. */
    private record Answer(String channel, PaymentGateway gateway, QueryResult result) {
        int rank() {
            if (result instanceof QueryResult.Paid) {
                return 0;
            }
            if (result instanceof QueryResult.AwaitingBuyer) {
                return 1;
            }
            if (result instanceof QueryResult.Unknown) {
                return 2;
            }
            return result instanceof QueryResult.NotFound ? 4 : 3;
        }
    }
}
