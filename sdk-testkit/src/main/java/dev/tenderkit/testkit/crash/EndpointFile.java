package dev.tenderkit.testkit.crash;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The file a crash test hands its children: where the simulator listens and the keys generated for
 * the run, as properties (PEM text included). Stateless.
 */
public final class EndpointFile {
    private EndpointFile() {
    }

    /**
     * @param file where to write
     * @param settings the names and values
     */
    public static void write(Path file, Map<String, String> settings) {
        Properties p = new Properties();
        p.putAll(settings);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "simulated wallet for a crash test; generated keys, valid for one test run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file a file {@link #write} wrote
     * @return its names and values
     * @throws IllegalArgumentException naming a setting that {@code required} lists and the file lacks
     */
    public static Map<String, String> read(Path file, String... required) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new TreeMap<>();
        p.stringPropertyNames().forEach(name -> settings.put(name, p.getProperty(name)));
        for (String name : required) {
            if (!settings.containsKey(name)) {
                throw new IllegalArgumentException(file + ": no setting " + name);
            }
        }
        return settings;
    }
}
