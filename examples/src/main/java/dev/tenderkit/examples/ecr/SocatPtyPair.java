package dev.tenderkit.examples.ecr;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by {@code socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B}:
 * whatever is written to one end is read from the other, as over a null-modem cable. Both ends are
 * opened by path (the symlinks) with {@code JSerialCommLink}. {@link #close()} kills socat and
 * removes the links.
 */
final class SocatPtyPair implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 10;

    private final Path a;
    private final Path b;
    private final Path log;
    private final Process process;

    private SocatPtyPair(Path a, Path b, Path log, Process process) {
        this.a = a;
        this.b = b;
        this.log = log;
        this.process = process;
    }

    /** @return the socat executable on the PATH, if there is one */
    static Optional<Path> socatOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "socat");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts socat and waits until both pseudo-terminals exist and it is moving data.
     *
     * @param socat the socat executable
     * @param a the symlink for one end
     * @param b the symlink for the other end
     * @return the running pair
     * @throws IOException if socat cannot be started, exits, or is not ready within 10 s
     */
    static SocatPtyPair start(Path socat, Path a, Path b) throws IOException, InterruptedException {
        Path log = a.resolveSibling(a.getFileName() + ".socat.log");
        Process process = new ProcessBuilder(socat.toString(), "-d", "-d", "pty,raw,echo=0,link=" + a,
                "pty,raw,echo=0,link=" + b).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SocatPtyPair pair = new SocatPtyPair(a, b, log, process);
        try {
            pair.awaitReady();
            return pair;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        // socat logs "starting data transfer loop" once both pseudo-terminals are set up
        while (!(Files.exists(a) && Files.exists(b) && Files.readString(log).contains("starting data transfer loop"))) {
            if (!process.isAlive()) {
                throw new IOException("socat exited with status " + process.exitValue() + ": " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("socat did not set up " + a + " and " + b + " within " + START_TIMEOUT_SECONDS
                        + " s: " + Files.readString(log));
            }
            Thread.sleep(10);
        }
    }

    /** @return the path of one end */
    String a() {
        return a.toString();
    }

    /** @return the path of the other end */
    String b() {
        return b.toString();
    }

    /** Kills socat and removes its links and log. Idempotent. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (Path p : new Path[] {a, b, log}) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover link in a temporary directory is harmless; the caller removes the directory
            }
        }
    }
}
