package dev.tenderkit.testkit.crash;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A buyer who confirms in her wallet app at a moment of her own rather than when polled: for each
 * of her pays that reaches the simulator, she confirms 0.3 to 3 seconds later — a moment that owes
 * nothing to the terminal's polls and may fall after the deadline, during a reversal, or while the
 * terminal is dead. Confirming a trade already reversed does nothing. How many confirmations found
 * the trade still waiting is reported, so a simulator that stopped taking them would show as zero
 * late confirmations, not as a silent pass. Thread-safe; runs on its own timer thread.
 */
public final class LateBuyer implements AutoCloseable {
    private final Supplier<List<String>> herPays;
    private final Predicate<String> confirm;
    private final Random random;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "late-buyer");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> seen = new HashSet<>();
    private final AtomicInteger pays = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicInteger confirmed = new AtomicInteger();

    /**
     * @param herPays the out_trade_nos of her pays the simulator has received so far
     * @param confirm confirms one in the wallet (e.g. {@code SimulatedAlipay::buyerConfirms}); true
     *     when that charged her
     * @param seed her randomness
     */
    public LateBuyer(Supplier<List<String>> herPays, Predicate<String> confirm, long seed) {
        this.herPays = Objects.requireNonNull(herPays, "herPays");
        this.confirm = Objects.requireNonNull(confirm, "confirm");
        this.random = new Random(seed);
        timer.scheduleWithFixedDelay(this::watch, 50, 50, TimeUnit.MILLISECONDS);
    }

    /** Runs on the timer's one thread: finds her new pays and schedules her confirmations. */
    private void watch() {
        try {
            for (String outTradeNo : herPays.get()) {
                if (seen.add(outTradeNo)) {
                    pays.incrementAndGet();
                    timer.schedule(() -> {
                        if (confirm.test(outTradeNo)) {
                            confirmed.incrementAndGet();
                        }
                    }, 300 + random.nextInt(2_700), TimeUnit.MILLISECONDS);
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);   // a periodic task that throws is never run again: say so
            throw e;
        }
    }

    /** @return her pays seen at the simulator */
    public int pays() {
        return pays.get();
    }

    /** @return confirmations that found the trade still waiting, and so charged her */
    public int confirmed() {
        return confirmed.get();
    }

    /** @return why she stopped watching, if she did */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
