package dev.tenderkit.testkit.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One crash child as the test sees it: launched with the test's own JVM and class path, its stdout
 * and stderr drained by threads from the start (a child blocked on a full pipe would be a hang,
 * not a crash), its {@link ChildProgress} lines kept with the time they arrived, and killed with
 * SIGKILL. Thread-safe.
 */
public final class ChildProcess {
    private static final int STDERR_LINES_KEPT = 200;

    /**
     * A progress line and when the test read it.
     *
     * @param atNanos the {@link System#nanoTime()} at which it was read
     * @param fields the event's name, then its fields
     */
    public record Line(long atNanos, String[] fields) {
        /** @return the event's name */
        public String event() {
            return fields[0];
        }
    }

    private final Process process;
    private final long startedNanos = System.nanoTime();
    private final List<Line> lines = new ArrayList<>();
    private final Deque<String> stderr = new ArrayDeque<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private ChildProcess(Process process) {
        this.process = process;
        this.stdoutReader = drain(process.getInputStream(), "crash-child-stdout", this::progress);
        this.stderrReader = drain(process.getErrorStream(), "crash-child-stderr", this::stderr);
    }

    /**
     * Starts {@code main} in a new JVM with this JVM's class path.
     *
     * @param main the child's main class (such as {@link CrashTerminal}, whose {@code main} runs the terminal)
     * @param args its arguments
     * @return the running child
     */
    public static ChildProcess launch(Class<?> main, List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Quick start-up matters more than peak speed in a process that lives about two seconds.
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto", "-XX:-UsePerfData", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                    "/dev/null"))).start();
            return new ChildProcess(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the crash child", e);
        }
    }

    private static Thread drain(InputStream in, String name, java.util.function.Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The pipe closes when the child dies; nothing more to read.
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private synchronized void progress(String text) {
        String[] fields = ChildProgress.parse(text);
        if (fields.length > 0) {
            lines.add(new Line(System.nanoTime(), fields));
            notifyAll();
        }
    }

    private synchronized void stderr(String text) {
        stderr.addLast(text);
        if (stderr.size() > STDERR_LINES_KEPT) {
            stderr.removeFirst();
        }
    }

    /** @return the nanoTime at which the child was launched */
    public long startedNanos() {
        return startedNanos;
    }

    /**
     * Waits for the {@code nth} progress line matching {@code which}.
     *
     * @param which the lines counted
     * @param nth how many of them to wait for
     * @param timeout how long at most (a failure bound, not a pause)
     * @return whether it came before {@code timeout} (false also when the child ended first)
     */
    public synchronized boolean await(Predicate<Line> which, int nth, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int seen = 0;
            for (Line l : lines) {
                if (which.test(l) && ++seen >= nth) {
                    return true;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !process.isAlive()) {
                return false;
            }
            wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));   // and look at isAlive again
        }
    }

    /**
     * Kills the child with {@link Process#destroyForcibly()}, which on Linux is SIGKILL: no shutdown
     * hook, no finally block, no flush runs; the kernel closes its files, sockets and journal lock.
     *
     * @return the exit status: 137 (128 + SIGKILL) when the kill took it, or its own if it ended first
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return awaitEnd(Duration.ofSeconds(30));
    }

    /**
     * @param timeout how long to wait before killing it
     * @return the exit status once the child has ended and both pipes are read to the end
     */
    public int awaitEnd(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        stdoutReader.join(10_000);
        stderrReader.join(10_000);
        return process.exitValue();
    }

    /** @return whether the child still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return a copy of the progress lines read so far */
    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** @return the last lines the child wrote on stderr */
    public synchronized String stderrTail() {
        return String.join("\n", stderr);
    }
}
