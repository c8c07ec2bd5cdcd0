package dev.tenderkit.benchmarks.serial;

import dev.tenderkit.transport.serial.frame.FrameDecoder;
import dev.tenderkit.transport.serial.frame.FrameEncoder;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encodes a payload into a frame and decodes it back, one frame per operation. Throughput in MB/s
 * is operations per second times {@code payloadBytes} (payload bytes, not wire bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrameCodecBenchmark {

    /** Payload size: a typical ECR message, and a large framed transfer. */
    @Param({"64", "1024", "4096"})
    public int payloadBytes;

    private byte[] payload;
    private FrameDecoder decoder;
    private byte[] lastDelivered;

    /** Makes a random payload and a decoder that keeps the last frame. */
    @Setup
    public void setUp() {
        payload = new byte[payloadBytes];
        new Random(7).nextBytes(payload);
        decoder = new FrameDecoder(65_535, p -> lastDelivered = p);
    }

    /** @return the decoded payload, so the work cannot be eliminated */
    @Benchmark
    public byte[] encodeThenDecode() {
        byte[] frame = FrameEncoder.encode(payload);
        decoder.feed(frame, 0, frame.length);
        return lastDelivered;
    }
}
