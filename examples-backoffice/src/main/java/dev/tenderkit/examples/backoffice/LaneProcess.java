package dev.tenderkit.examples.backoffice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A lane's process as the example drives it: started with this JVM's class path, told what to do on
 * its standard input, its lines printed here as they come and kept for {@link #awaitLine}; its
 * standard error goes to a file, shown if it fails.
 */
final class LaneProcess {
    private final String name;
    private final Process process;
    private final Writer commands;
    private final Path errors;
    /** Every line the lane printed, in order; guarded by itself. */
    private final List<String> lines = new ArrayList<>();
    /** For each text awaited, the index of the line that last answered it. */
    private final Map<String, Integer> answered = new HashMap<>();

    private LaneProcess(String name, Process process, Path errors, PrintStream out) {
        this.name = name;
        this.process = process;
        this.errors = errors;
        this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.println("  " + line);
                    add(line);
                }
            } catch (IOException e) {
                add("output lost: " + e);   // the process died: its pipe closed
            }
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    static LaneProcess start(Path endpoint, String lane, String store, Path dir, PrintStream out) throws IOException {
        Path errors = dir.resolve("lane-" + lane + ".err");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classPath(), BackofficeLane.class.getName(), endpoint.toString(), lane, store)
                .redirectError(errors.toFile()).start();
        return new LaneProcess("lane " + lane, p, errors, out);
    }

    /** Sends one command line. */
    void send(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    private void add(String line) {
        synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
        }
    }

    /**
     * Waits for a line containing {@code text} that no earlier wait for the same text returned (the
     * lanes print in the order things happen there, not in the order they were asked).
     *
     * @return the line
     * @throws IllegalStateException when it does not come within the bound, naming the lane and showing its errors
     */
    String awaitLine(String text, long seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lines) {
            while (true) {
                for (int i = answered.getOrDefault(text, -1) + 1; i < lines.size(); i++) {
                    if (lines.get(i).contains(text)) {
                        answered.put(text, i);
                        return lines.get(i);
                    }
                }
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(name + " did not print \"" + text + "\" within " + seconds
                            + " s (alive: " + process.isAlive() + "); its standard error:\n" + errors());
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }

    /** Kills the process with SIGKILL (on Linux, {@link Process#destroyForcibly()}). @return its exit status */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** Asks the lane to end and waits for it. @return its exit status */
    int quit() throws IOException, InterruptedException {
        send("quit");
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process.waitFor();
    }

    private String errors() {
        try {
            return Files.readString(errors, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The class path this program runs with: exec:java's class loader's, or the JVM's own. */
    private static String classPath() {
        if (LaneProcess.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL u : loader.getURLs()) {
                try {
                    entries.add(Path.of(u.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("class path entry " + u + " is not a file", e);
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
