package dev.tenderkit.examples;

import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.TenderKitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * How the examples read their input — the user's file when given, else the bundled SAMPLE
 * resource — and how they report bad input: file, field, line and column, exit status 2.
 */
public final class ExampleInput {
    private ExampleInput() {
    }

    /** Parses a document from a stream, naming it {@code source} in errors. */
    @FunctionalInterface
    public interface Parse<T> {
        /**
         * @param in the document
         * @param source its name for error messages
         * @return what was read
         */
        T apply(InputStream in, String source);
    }

    /**
     * @param file the user's file, or {@code null} for the bundled resource
     * @param resource the bundled resource's path, e.g. {@code /samples/capability-policy.sample.json}
     * @param parse the reader
     * @return what was read
     * @throws UncheckedIOException if the file or resource cannot be read
     */
    public static <T> T load(Path file, String resource, Parse<T> parse) {
        if (file == null) {
            try (InputStream in = ExampleInput.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("bundled resource " + resource + " is missing"));
                }
                return parse.apply(in, "bundled " + resource);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled " + resource, e);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse.apply(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Prints what is wrong with the input and returns the exit status for bad input.
     *
     * @param tool the example's name, prefixing each message
     * @param e a {@link MalformedDocumentException}, another {@link TenderKitException}, or an
     *     {@link UncheckedIOException} from {@link #load}
     * @param err where to print
     * @return 2
     */
    public static int reportBadInput(String tool, RuntimeException e, PrintStream err) {
        if (e instanceof MalformedDocumentException m) {
            err.println(tool + ": malformed document");
            err.println("  file:    " + m.source());
            err.println("  field:   " + (m.path().isEmpty() ? "(document)" : m.path()));
            err.println("  line:    " + m.line() + ", column " + m.column());
            err.println("  problem: " + m.problem());
        } else if (e instanceof TenderKitException t) {
            err.println(tool + ": " + t.code() + ": " + t.getMessage());
        } else if (e instanceof UncheckedIOException io) {
            err.println(tool + ": " + io.getMessage() + (io.getCause() instanceof NoSuchFileException
                    ? " (no such file)" : ": " + io.getCause().getMessage()));
        } else {
            throw e;
        }
        return 2;
    }
}
