package dev.tenderkit.benchmarks.fee;

import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.InstallmentFeeShare;
import dev.tenderkit.core.fee.QuoteOutcome;
import dev.tenderkit.core.fee.QuoteRequest;
import dev.tenderkit.core.fee.SettlementSpeed;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One quote: {@link FeeSchedule#quote} on one channel (bar: 300 ns). {@code baseline} returns a
 * field: the harness's own cost, measured in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FeeQuoteBenchmark {
    private FeeSchedule schedule;
    private String channel;
    private QuoteRequest alipay;
    private QuoteRequest everything;

    /** Builds the schedule and two requests: a plain one and one that uses every fee component. */
    @Setup
    public void setUp() {
        schedule = FeeWorld.schedule();
        channel = FeeWorld.channelId(3);
        alipay = QuoteRequest.builder(PaymentMethods.ALIPAY, Money.parse("88.00")).on(FeeWorld.TODAY).build();
        everything = QuoteRequest.builder(PaymentMethods.ALIPAY, Money.parse("88.00")).on(FeeWorld.TODAY)
                .settlement(SettlementSpeed.D0).monthToDateVolume(channel, Money.parse("4950.00")).build();
        QuoteRequest installment = QuoteRequest.builder(PaymentMethods.HUABEI_INSTALLMENT_6, Money.parse("888.00"))
                .on(FeeWorld.TODAY).installmentShare(InstallmentFeeShare.SELLER).build();
        if (!(schedule.quote(channel, installment) instanceof dev.tenderkit.core.fee.FeeQuote)) {
            throw new IllegalStateException("benchmark world does not price installments");
        }
    }

    /** @return a field: what the harness costs */
    @Benchmark
    public QuoteRequest baseline() {
        return alipay;
    }

    /** @return 88.00 by Alipay, T1, no waiver state */
    @Benchmark
    public QuoteOutcome quote() {
        return schedule.quote(channel, alipay);
    }

    /** @return 88.00 by Alipay, D0 surcharge, minimum, and a waiver crossing its allowance */
    @Benchmark
    public QuoteOutcome quoteWithSurchargeAndWaiver() {
        return schedule.quote(channel, everything);
    }
}
