package dev.tenderkit.examples;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * How the examples read their command-line options. Every error names the option, the value given
 * (or its absence) and the format expected, with an example, e.g.
 * {@code --now: expected an ISO-8601 date-time with offset such as 2026-11-25T10:00+08:00, got "tomorrow"};
 * the examples print it and exit with status 2.
 */
public final class ExampleOptions {

    /** What {@code --now} takes, with an example. */
    public static final String DATE_TIME = "an ISO-8601 date-time with offset such as 2026-11-25T10:00+08:00";

    private ExampleOptions() {
    }

    /** A command-line option that cannot be used; the message says which, what it got and what it needs. */
    public static final class BadOption extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadOption(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param args the command line
     * @param i the index of the option's value
     * @param option the option, e.g. {@code --now}
     * @param expected what the value should be, with an example, e.g. {@link #DATE_TIME}
     * @return the value
     * @throws BadOption if the command line ends at the option
     */
    public static String value(String[] args, int i, String option, String expected) {
        if (i >= args.length) {
            throw new BadOption(option + " needs a value: " + expected, null);
        }
        return args[i];
    }

    /**
     * @param option the option, for the message
     * @param value what was given
     * @return the date-time
     * @throws BadOption if {@code value} is not an ISO-8601 date-time with an offset
     */
    public static OffsetDateTime dateTime(String option, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadOption(option + ": expected " + DATE_TIME + ", got \"" + value + "\" (" + e.getMessage() + ")",
                    e);
        }
    }

    /**
     * @param option the option, for the message
     * @param value what was given
     * @param expected what the file should be, with an example
     * @return the path
     * @throws BadOption if {@code value} cannot be a path on this system
     */
    public static Path file(String option, String value, String expected) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new BadOption(option + ": expected " + expected + ", got \"" + value + "\" (" + e.getMessage() + ")",
                    e);
        }
    }
}
