package dev.tenderkit.benchmarks.audit;

import dev.tenderkit.core.operator.AuditTrail;
import dev.tenderkit.core.operator.Operator;
import dev.tenderkit.core.operator.TrailHead;
import dev.tenderkit.core.operator.TrailVerification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit trail's chain verified on open, in entries per second (bar of issue 15: ≥ 100,000).
 *
 * <p>{@link #openAndVerify}: {@link AuditTrail#open} of a trail of {@value #ENTRIES} entries — take the
 * lock, read the file, check every record's CRC-32C, decode every entry, recompute the SHA-256 chain,
 * compare with a head kept elsewhere, force the anchor — then close. The score is entries verified
 * per second ({@code @OperationsPerInvocation}). The file is in the working directory (not tmpfs),
 * written once at set-up with notes whose records are padded to {@value #RECORD_BYTES} bytes with
 * their framing, the size of a supervised refund's entries (measured through the desk: a payment's
 * intent 232 bytes, its outcome 304, a supervised refund's intent 397 and outcome 409); set-up
 * prints the size reached. The fork has a 2 GiB heap: each open holds the file's bytes, the
 * journal's copy of every record and the entries (about 3.9 KB allocated per entry).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})   // each open reads the whole 41 MB file, and the journal copies it
@State(Scope.Benchmark)
public class AuditTrailVerifyBenchmark {
    static final int ENTRIES = 100_000;
    static final int RECORD_BYTES = 400;

    private Path dir;
    private Path file;
    private TrailHead head;

    @Setup(Level.Trial)
    public void writeTrail() throws IOException {
        dir = Files.createTempDirectory(Path.of("").toAbsolutePath(), "tk-audit-bench");
        file = dir.resolve("operators.trail");
        Operator li = Operator.cashier("c1", "Li Na");
        Clock clock = Clock.systemUTC();
        try (AuditTrail trail = AuditTrail.open(file, AuditTrail.Options.durable(clock).withoutSync())) {
            int overhead = bytesOf(trail, li, "");
            String pad = "x".repeat(Math.max(0, RECORD_BYTES - 8 - overhead));
            for (int i = 1; i < ENTRIES; i++) {
                trail.note(li, "A" + (100_000 + i), pad);
            }
            head = trail.head();
        }
        System.out.printf("%n%,d entries, %,d bytes, %.1f bytes per record with its framing%n", head.entries(),
                Files.size(file), (Files.size(file) - 8) / (double) head.entries());
    }

    /** Writes the first note and measures its record: the note's size without the padding. */
    private static int bytesOf(AuditTrail trail, Operator li, String text) throws IOException {
        long before = Files.size(trail.file());
        trail.note(li, "A100000", text);
        return (int) (Files.size(trail.file()) - before - 8);
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public long openAndVerify() {
        try (AuditTrail trail = AuditTrail.open(file, AuditTrail.Options.durable(Clock.systemUTC())
                .expectedHead(head))) {
            TrailVerification v = trail.verification();
            if (!v.isIntact() || v.entries() != ENTRIES) {
                throw new IllegalStateException("the benchmark's trail is not whole: " + v.breaks());
            }
            return v.entries();
        }
    }

    @TearDown(Level.Trial)
    public void removeTrail() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
