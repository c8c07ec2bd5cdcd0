package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import java.util.Objects;

/**
 * A wallet's bill file is not what its format says: a row with a missing or unreadable field, a column the
 * reconciliation needs that the header lacks, a file cut short before the bill's own end, text that is not
 * in the bill's encoding, summary totals that disagree with the rows, or a hash that does not match. The
 * error names the file ({@link #source()}), the 1-based line and column (the column as its header name when
 * known), and what is wrong. Nothing of the bill was believed. Carries {@link ErrorCode#MALFORMED_BILL}.
 */
public class MalformedBillException extends TenderKitException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final int column;
    private final String columnName;
    private final String problem;

    /**
     * @param source the bill file's name (or the zip entry's)
     * @param line the 1-based line, or -1 when the problem is the whole file (a hash)
     * @param column the 1-based column, or -1 when the problem is the whole line
     * @param columnName the column's header name, or "" when none applies
     * @param problem what is wrong, in English
     */
    public MalformedBillException(String source, long line, int column, String columnName, String problem) {
        this(source, line, column, columnName, problem, null);
    }

    /** As {@link #MalformedBillException(String, long, int, String, String)}, with a cause. */
    public MalformedBillException(String source, long line, int column, String columnName, String problem,
            Throwable cause) {
        super(ErrorCode.MALFORMED_BILL, format(source, line, column, columnName, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = column;
        this.columnName = Objects.requireNonNull(columnName, "columnName");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(String source, long line, int column, String columnName, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!columnName.isEmpty()) {
            sb.append("column ").append(columnName).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** @return the bill file (or zip entry) the problem is in */
    public String source() {
        return source;
    }

    /** @return the 1-based line, -1 for the whole file */
    public long line() {
        return line;
    }

    /** @return the 1-based column, -1 for the whole line */
    public int column() {
        return column;
    }

    /** @return the column's header name, "" when none applies */
    public String columnName() {
        return columnName;
    }

    /** @return the problem without the location prefix */
    public String problem() {
        return problem;
    }
}
