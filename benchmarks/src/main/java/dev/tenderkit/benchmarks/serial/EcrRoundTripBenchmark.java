package dev.tenderkit.benchmarks.serial;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.transport.serial.JSerialCommLink;
import dev.tenderkit.transport.serial.SerialPortSettings;
import dev.tenderkit.transport.serial.ecr.EcrDevice;
import dev.tenderkit.transport.serial.ecr.EcrHost;
import dev.tenderkit.transport.serial.ecr.EcrMessageCodec;
import dev.tenderkit.transport.serial.ecr.EcrOutcome;
import dev.tenderkit.transport.serial.ecr.EcrRequest;
import dev.tenderkit.transport.serial.ecr.EcrResponse;
import dev.tenderkit.transport.serial.ecr.EcrTransactionHandler;
import dev.tenderkit.transport.serial.ecr.TerminalState;
import dev.tenderkit.transport.serial.frame.ChannelBody;
import dev.tenderkit.transport.serial.frame.FrameFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A cash register's sale request to the terminal and the terminal's answer, over a socat
 * pseudo-terminal pair with both ends at 115200 8N1: {@link EcrHost} on one end, {@link EcrDevice}
 * with a handler that approves at once on the other. Needs socat on the PATH.
 *
 * <p>The setup prints the time the bytes of one round trip (request frame, its ACK, response
 * frame) need on a real 115200-baud line at 10 bits per byte, to compare with the measured time.
 * A pseudo-terminal does not pace bytes at the baud rate, so the measured time is the software's
 * and the kernel's share only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EcrRoundTripBenchmark {

    private static final int BAUD = 115_200;

    private Process socat;
    private Path directory;
    private ExecutorTaskScheduler scheduler;
    private EcrHost host;
    private EcrDevice device;
    private long counter;

    /** Starts socat and both ends. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("tk-bench-");
        Path a = directory.resolve("a");
        Path b = directory.resolve("b");
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(directory.resolve("socat.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(directory.resolve("socat.log")).contains("starting data transfer loop")) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                throw new IllegalStateException("socat did not start; is it installed? apt-get install socat");
            }
            Thread.sleep(10);
        }
        SerialPortSettings settings = SerialPortSettings.builder().baudRate(BAUD).build();
        scheduler = ExecutorTaskScheduler.create("ecr-bench-timers", 1);
        host = EcrHost.builder(JSerialCommLink.builder(a.toString()).settings(settings).scheduler(scheduler).build())
                .scheduler(scheduler).build();
        device = EcrDevice.builder(JSerialCommLink.builder(b.toString()).settings(settings).scheduler(scheduler)
                .build()).scheduler(scheduler).handler(new ApproveAtOnce()).build();
        device.start();
        host.start();
        printWireTime();
    }

    private static void printWireTime() {
        String id = requestId(0);
        int request = EcrMessageCodec.encode(new EcrRequest.Sale(id, Money.ofFen(68800), "ORDER-" + id)).length;
        int response = EcrMessageCodec.encode(EcrResponse.TransactionResult.approved(id, Money.ofFen(68800), "T" + id,
                "花呗")).length;
        int overhead = FrameFormat.OVERHEAD + ChannelBody.HEADER_LENGTH;
        int wireBytes = (request + overhead) + overhead + (response + overhead);
        double wireMicros = wireBytes * 10 * 1_000_000.0 / BAUD;
        System.out.printf(Locale.ROOT, "%nECR round trip on the wire: request frame %d B + ACK frame %d B + response frame "
                + "%d B = %d B; at %d baud, 10 bits per byte: %.1f us%n", request + overhead, overhead,
                response + overhead, wireBytes, BAUD, wireMicros);
    }

    private static String requestId(long n) {
        return String.format(Locale.ROOT, "B%08d", n);
    }

    /** Stops both ends and socat. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        host.close();
        device.close();
        scheduler.close();
        socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    /** @return the outcome of one sale request */
    @Benchmark
    public EcrOutcome saleRoundTrip() throws Exception {
        String id = requestId(++counter);
        EcrOutcome outcome = host.sale(id, Money.ofFen(68800), "ORDER-" + id).get(10, TimeUnit.SECONDS);
        if (!(outcome instanceof EcrOutcome.Answered)) {
            throw new IllegalStateException("round trip " + id + " ended " + outcome);
        }
        return outcome;
    }

    /** Approves every sale at once; remembers nothing (ids are unique). */
    private static final class ApproveAtOnce implements EcrTransactionHandler {
        @Override
        public CompletionStage<EcrResponse.TransactionResult> sale(EcrRequest.Sale sale) {
            return CompletableFuture.completedFuture(EcrResponse.TransactionResult.approved(sale.requestId(),
                    sale.amount(), "T" + sale.requestId(), "花呗"));
        }

        @Override
        public CompletionStage<EcrResponse.TransactionResult> refund(EcrRequest.Refund refund) {
            throw new UnsupportedOperationException("the benchmark only sells");
        }

        @Override
        public CompletionStage<EcrResponse.TransactionResult> voidTrade(EcrRequest.VoidTrade voidTrade) {
            throw new UnsupportedOperationException("the benchmark only sells");
        }

        @Override
        public Optional<EcrResponse.TransactionResult> find(String requestId) {
            return Optional.empty();
        }

        @Override
        public TerminalState state() {
            return TerminalState.READY;
        }
    }
}
