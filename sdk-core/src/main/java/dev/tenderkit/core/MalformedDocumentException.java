package dev.tenderkit.core;

import java.util.Objects;

/**
 * A JSON document TenderKit reads (platform policy, terminal/merchant description, fee schedule)
 * is malformed. The error names the document ({@link #source()}), the field as a JSON Pointer
 * ({@link #path()}, e.g. {@code /merchant/qualifications/1/status}), and the 1-based line and
 * column where the offending value starts, so a person can go straight to it.
 */
public class MalformedDocumentException extends TenderKitException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param source the file name or resource the document came from
     * @param path the JSON Pointer of the offending field ("" for the whole document)
     * @param line 1-based line, or -1 when unknown
     * @param column 1-based column, or -1 when unknown
     * @param problem what is wrong, in English
     */
    public MalformedDocumentException(String source, String path, int line, int column, String problem) {
        this(source, path, line, column, problem, null);
    }

    /** As {@link #MalformedDocumentException(String, String, int, int, String)}, with a cause. */
    public MalformedDocumentException(String source, String path, int line, int column, String problem,
            Throwable cause) {
        super(ErrorCode.MALFORMED_DOCUMENT, format(source, path, line, column, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.path = Objects.requireNonNull(path, "path");
        this.line = line;
        this.column = column;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(String source, String path, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append("at ").append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** @return the file name or resource the document came from */
    public String source() {
        return source;
    }

    /** @return the JSON Pointer of the offending field, "" for the document itself */
    public String path() {
        return path;
    }

    /** @return the 1-based line of the offending value, -1 when unknown */
    public int line() {
        return line;
    }

    /** @return the 1-based column of the offending value, -1 when unknown */
    public int column() {
        return column;
    }

    /** @return the problem without the location prefix */
    public String problem() {
        return problem;
    }
}
