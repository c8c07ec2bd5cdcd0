package dev.tenderkit.core.capability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.MalformedDocumentException;

/**
 * One row of a reader's table of malformed documents: the rule it shows, the document, and where
 * the error must point. {@code token} is the text the error's line and column must land on, so a
 * row says in words what it blames ({@code "100.5"}, {@code "}"}) as well as in numbers.
 *
 * @param rule the rule, as the test's display name
 * @param document the malformed document
 * @param path the JSON Pointer the error must name
 * @param line the 1-based line it must name
 * @param column the 1-based column (in characters) it must name
 * @param token what the document holds at that line and column ("" for the end of a line)
 * @param problem a fragment the problem description must contain
 */
record MalformedDocumentCase(String rule, String document, String path, int line, int column, String token,
        String problem) {

    /** Shorthand for the constructor, so that a table reads as rule, document, location, problem. */
    static MalformedDocumentCase reject(String rule, String document, String path, int line, int column,
            String token, String problem) {
        return new MalformedDocumentCase(rule, document, path, line, column, token, problem);
    }

    /** Checks the error against this row. */
    void assertReportedBy(MalformedDocumentException e, String source) {
        assertAll(rule,
                () -> assertEquals(ErrorCode.MALFORMED_DOCUMENT, e.code(), "code"),
                () -> assertEquals(source, e.source(), "source"),
                () -> assertEquals(path, e.path(), "path; problem was: " + e.problem()),
                () -> assertEquals(line, e.line(), "line; problem was: " + e.problem()),
                () -> assertEquals(column, e.column(), "column; problem was: " + e.problem()),
                () -> assertTrue(textAt(document, line, column).startsWith(token), () -> "line " + line + " column "
                        + column + " should start with " + token + " but reads: " + textAt(document, line, column)),
                () -> assertTrue(e.problem().contains(problem), () -> "problem \"" + e.problem()
                        + "\" should say \"" + problem + "\""),
                () -> assertFalse(e.problem().contains(source), () -> "the problem repeats the location: "
                        + e.problem()),
                () -> assertTrue(e.getMessage().startsWith(source + ":" + line + ":" + column + ": "),
                        () -> "message should start with file:line:column, was: " + e.getMessage()));
    }

    /** @return the rest of the line from the 1-based column, counting columns in code points */
    static String textAt(String document, int line, int column) {
        String[] lines = document.split("\r\n|\r|\n", -1);
        if (line < 1 || line > lines.length) {
            return "<no line " + line + ">";
        }
        String text = lines[line - 1];
        if (column < 1 || column - 1 > text.codePointCount(0, text.length())) {
            return "<no column " + column + " on: " + text + ">";
        }
        return text.substring(text.offsetByCodePoints(0, column - 1));
    }

    @Override
    public String toString() {
        return rule;
    }
}
