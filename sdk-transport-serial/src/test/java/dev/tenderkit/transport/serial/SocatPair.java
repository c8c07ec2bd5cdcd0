package dev.tenderkit.transport.serial;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real pseudo-terminal pair made by {@code socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B}:
 * what the integration tests open with {@link JSerialCommLink}. {@link #kill()} makes the peer
 * vanish (the PTYs disappear, the links dangle); {@link #start()} brings a new pair back under
 * the same links.
 *
 * <p>{@link #requireSocat()} fails the test when {@code CI=true} and socat is missing, and skips
 * it elsewhere with the install command.
 */
public final class SocatPair implements AutoCloseable {

    private final Path directory;
    private final Path a;
    private final Path b;
    private Process process;

    private SocatPair() throws IOException {
        directory = Files.createTempDirectory("tk-serial-");
        a = directory.resolve("a");
        b = directory.resolve("b");
    }

    /** Skips (locally) or fails (on CI) when socat is not installed. */
    public static void requireSocat() {
        boolean present = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "socat"))) {
                present = true;
                break;
            }
        }
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("socat is not installed but CI=true: the serial integration tests need it "
                    + "(.ci/run installs it with apt-get install -y socat)");
        }
        assumeTrue(false, "socat is not installed; skipping the pseudo-terminal tests. Install it with: apt-get install socat");
    }

    /** @return a started pair */
    public static SocatPair start() throws IOException, InterruptedException {
        requireSocat();
        SocatPair pair = new SocatPair();
        pair.startProcess();
        return pair;
    }

    /** @return the path of one end */
    public String a() {
        return a.toString();
    }

    /** @return the path of the other end */
    public String b() {
        return b.toString();
    }

    /** Kills socat at once (SIGKILL): both PTYs vanish as an unplugged device would. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** Starts socat again with the same links. */
    public void restart() throws IOException, InterruptedException {
        kill();
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        startProcess();
    }

    private void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("socat.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!process.isAlive()) {
                fail("socat exited at once: " + Files.readString(directory.resolve("socat.log")));
            }
            if (System.nanoTime() > deadline) {
                fail("socat did not create " + a + " and " + b + " within 10 s");
            }
            Thread.sleep(10);
        }
        // socat logs "starting data transfer loop" once both PTYs are ready
        while (!Files.readString(directory.resolve("socat.log")).contains("starting data transfer loop")) {
            if (System.nanoTime() > deadline) {
                fail("socat did not start its transfer loop within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        kill();
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        Files.deleteIfExists(directory.resolve("socat.log"));
        Files.deleteIfExists(directory);
    }
}
