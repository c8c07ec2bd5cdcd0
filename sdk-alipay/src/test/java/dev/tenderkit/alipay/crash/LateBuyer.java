package dev.tenderkit.alipay.crash;

import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The buyer {@link Buyer#CONFIRMS_IN_HER_OWN_TIME}: for each of her pays that reaches the
 * simulator, she confirms in the app 0.3 to 3 seconds later — a moment that owes nothing to the
 * terminal's polls and may fall after the two-second deadline, during a reversal, or while the
 * terminal is dead. Confirming a trade already cancelled does nothing.
 * She confirms through {@link SimulatedAlipay#buyerConfirms}; how many did is reported, so a
 * simulator that stopped paying them would show as zero late confirmations, not as a silent pass.
 */
final class LateBuyer implements AutoCloseable {
    private final SimulatedAlipay alipay;
    private final Random random;
    private final String paymentCode = Buyer.CONFIRMS_IN_HER_OWN_TIME.paymentCode();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "late-buyer");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> seen = new HashSet<>();
    private final AtomicInteger pays = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicInteger confirmed = new AtomicInteger();
    private int read;

    LateBuyer(SimulatedAlipay alipay, long seed) {
        this.alipay = alipay;
        this.random = new Random(seed);
        timer.scheduleWithFixedDelay(this::watch, 50, 50, TimeUnit.MILLISECONDS);
    }

    /** Runs on the timer's one thread: finds her new pays and schedules her confirmations. */
    private void watch() {
        try {
            findNewPays();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);   // a periodic task that throws is never run again: say so
            throw e;
        }
    }

    private void findNewPays() {
        List<SimulatedAlipay.Received> all = alipay.received();
        for (SimulatedAlipay.Received r : all.subList(read, all.size())) {
            Optional<ReceivedPay> pay = ReceivedPay.of(r).filter(p -> p.paymentCode().equals(paymentCode));
            if (pay.isPresent() && seen.add(pay.get().outTradeNo())) {
                String outTradeNo = pay.get().outTradeNo();
                pays.incrementAndGet();
                timer.schedule(() -> {
                    if (alipay.buyerConfirms(outTradeNo)) {
                        confirmed.incrementAndGet();
                    }
                }, 300 + random.nextInt(2_700), TimeUnit.MILLISECONDS);
            }
        }
        read = all.size();
    }

    /** @return her pays seen at the simulator */
    int pays() {
        return pays.get();
    }

    /** @return confirmations that found the trade still waiting, and so charged her */
    int confirmed() {
        return confirmed.get();
    }

    /** @return why she stopped watching, if she did */
    Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
