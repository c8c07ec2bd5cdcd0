package dev.tenderkit.benchmarks.journal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bar's ratio measured so that both sides see the same moments of a shared, noisy machine: each
 * operation journals one paid trade ({@link JournalCommitBenchmark#journalPaidTrade}'s work) and
 * makes one bare forced write of the same bytes, alternating which goes first, and charges each its
 * own wall-clock nanoseconds. The totals are JMH {@code EVENTS} counters summed over the measured
 * iterations: {@code tradeNanos / bareNanos} is the ratio (bar ≤ 1.2), each divided by
 * {@code pairs} the time per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class JournalCommitInterleavedBenchmark {
    private final JournalCommitBenchmark journal = new JournalCommitBenchmark();

    /** Where each side's time goes. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Split {
        /** Nanoseconds spent journaling paid trades. */
        public long tradeNanos;
        /** Nanoseconds spent in bare forced writes of the same bytes. */
        public long bareNanos;
        /** Trades (and bare writes) made. */
        public long pairs;

        @TearDown(Level.Iteration)
        public void report() {
            if (pairs > 0) {
                System.out.printf("%n# interleaved: trade %.1f us, bare %.1f us, ratio %.3f over %d pairs%n",
                        tradeNanos / 1e3 / pairs, bareNanos / 1e3 / pairs, (double) tradeNanos / bareNanos, pairs);
            }
        }

        @Setup(Level.Iteration)
        public void reset() {
            tradeNanos = 0;
            bareNanos = 0;
            pairs = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        journal.setUp();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        journal.tearDown();
    }

    @Benchmark
    public long tradeAndBareWrite(Split split) throws IOException {
        boolean tradeFirst = (split.pairs & 1) == 0;
        long t0 = System.nanoTime();
        if (tradeFirst) {
            journal.payOne();
        } else {
            journal.bareWrite();
        }
        long t1 = System.nanoTime();
        if (tradeFirst) {
            journal.bareWrite();
        } else {
            journal.payOne();
        }
        long t2 = System.nanoTime();
        split.tradeNanos += tradeFirst ? t1 - t0 : t2 - t1;
        split.bareNanos += tradeFirst ? t2 - t1 : t1 - t0;
        split.pairs++;
        return t2;
    }
}
