package dev.tenderkit.core.reconcile;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A bill's columns, found by header name and never by position: the wallets reorder and add columns
 * between layouts (Alipay's 22- and 25-column bills, WeChat Pay's {@code ALL} and {@code REFUND} bills), so a
 * parser asks for a column by the name the wallet gives it, and a header without one the parser needs is an
 * error naming the column. Splits a row into its cells ({@link #split}). Immutable.
 */
public final class BillColumns {
    private final String source;
    private final long headerLine;
    private final List<String> names;
    private final Map<String, Integer> index;

    private BillColumns(String source, long headerLine, List<String> names, Map<String, Integer> index) {
        this.source = source;
        this.headerLine = headerLine;
        this.names = names;
        this.index = index;
    }

    /**
     * Reads a header row.
     *
     * @param source the file's name
     * @param line the header's 1-based line
     * @param header the header's cells, as {@link #split} gives them (trimmed)
     * @return the columns
     * @throws MalformedBillException when a name is empty or appears twice
     */
    public static BillColumns of(String source, long line, List<String> header) {
        Objects.requireNonNull(source, "source");
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty() && i == header.size() - 1 && i > 0) {
                break; // a trailing separator
            }
            if (name.isEmpty()) {
                throw new MalformedBillException(source, line, i + 1, "", "the header has an empty column name");
            }
            if (index.putIfAbsent(name, i) != null) {
                throw new MalformedBillException(source, line, i + 1, name, "the header names this column twice");
            }
        }
        return new BillColumns(source, line, List.copyOf(header.subList(0, index.size())), Map.copyOf(index));
    }

    /** @return the column names in file order */
    public List<String> names() {
        return names;
    }

    /** @return whether the header has the column */
    public boolean has(String name) {
        return index.containsKey(name);
    }

    /**
     * @param name the column's header name
     * @return its 0-based position
     * @throws MalformedBillException naming the header line and the column when the header lacks it
     */
    public int require(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new MalformedBillException(source, headerLine, -1, name,
                    "the header has no such column; it has " + names);
        }
        return i;
    }

    /**
     * Checks that a row has a cell for every column of the header (a trailing empty cell aside).
     *
     * @param line the row's 1-based line
     * @param cells the row's cells
     * @throws MalformedBillException when it has fewer or more
     */
    public void checkWidth(long line, List<String> cells) {
        int n = cells.size();
        if (n == names.size() + 1 && cells.get(n - 1).isEmpty()) {
            n--;
        }
        if (n != names.size()) {
            throw new MalformedBillException(source, line, Math.min(n, names.size()) + 1, "",
                    "the row has " + n + " cells where the header (line " + headerLine + ") has " + names.size()
                            + " columns: a cut or shifted row");
        }
    }

    /**
     * Splits a row on a separator, trimming each cell of spaces and tabs (Alipay pads text cells with a tab)
     * and of one leading {@code prefix} character when not 0 (WeChat Pay's backtick). The cells' bounds are
     * found at once and each cell's text is cut from the row when it is read: a bill row has two dozen cells
     * and a parser reads about ten, so a 100,000-row bill does not make the other 1.4 million strings.
     *
     * @param row the line
     * @param separator the cell separator, {@code ','}
     * @param prefix a character the wallet puts before every cell, or {@code 0}
     * @return the cells, unmodifiable
     */
    public static List<String> split(String row, char separator, char prefix) {
        int[] bounds = new int[64];
        int n = 0;
        int start = 0;
        while (true) {
            int end = row.indexOf(separator, start);
            int stop = end < 0 ? row.length() : end;
            int from = start;
            int to = stop;
            while (from < to && isPad(row.charAt(from))) {
                from++;
            }
            if (prefix != 0 && from < to && row.charAt(from) == prefix) {
                from++;
            }
            while (to > from && isPad(row.charAt(to - 1))) {
                to--;
            }
            if (2 * n == bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[2 * n] = from;
            bounds[2 * n + 1] = to;
            n++;
            if (end < 0) {
                return new Cells(row, bounds, n);
            }
            start = end + 1;
        }
    }

    /** A row's cells as bounds in the row, each cut out when read. */
    private static final class Cells extends AbstractList<String> implements RandomAccess {
        private final String row;
        private final int[] bounds;
        private final int size;

        Cells(String row, int[] bounds, int size) {
            this.row = row;
            this.bounds = bounds;
            this.size = size;
        }

        @Override
        public String get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("cell " + index + " of a row of " + size);
            }
            return row.substring(bounds[2 * index], bounds[2 * index + 1]);
        }

        @Override
        public int size() {
            return size;
        }
    }

    private static boolean isPad(char c) {
        return c == ' ' || c == '\t';
    }
}
