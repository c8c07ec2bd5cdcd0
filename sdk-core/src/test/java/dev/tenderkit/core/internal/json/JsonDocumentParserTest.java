package dev.tenderkit.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.MalformedDocumentException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where the parser says a value or an error is: 1-based lines, and columns that count characters
 * as an editor shows them, whatever the bytes underneath.
 */
class JsonDocumentParserTest {
    private final JsonDocumentParser parser = new JsonDocumentParser();

    private JsonNode parse(String json, Charset charset) {
        return parser.parse(new ByteArrayInputStream(json.getBytes(charset)), "doc.json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ASCII before the value                 | {"zh": "abc", "x": 1}           | 1 | 20
            Chinese before the value is one column per character, not three | {"zh": "典当行", "x": 1} | 1 | 20
            a character outside the BMP is one column | {"e": "\uD83D\uDE00", "x": 1}  | 1 | 17
            a byte-order mark is not a column      | \uFEFF{"zh": "典当行", "x": 1}   | 1 | 20
            the count restarts on each line        | {"zh": "典当行",\\n "x": 1}      | 2 | 7
            CRLF ends a line once                  | {"zh": "典当行",\\r\\n\\r\\n "x": 1} | 3 | 7
            """)
    void aValueIsLocatedByLineAndCharacterColumn(String rule, String json, int line, int column) {
        JsonNode x = parse(unescape(json), StandardCharsets.UTF_8).required("x");

        assertEquals(line, x.line(), "line");
        assertEquals(column, x.column(), "column");
    }

    @Test
    void utf16InputIsLocatedInCharactersToo() {
        JsonNode x = parse("\uFEFF{\"zh\": \"典当行\", \"x\": 1}", StandardCharsets.UTF_16BE).required("x");

        assertEquals(1, x.line());
        assertEquals(20, x.column());
    }

    @Test
    void aSyntaxErrorAfterChineseTextIsLocatedInCharacters() {
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> parse("{\"zh\": \"典当行\" \"x\": 1}", StandardCharsets.UTF_8));

        assertEquals("/zh", e.path());
        assertEquals(1, e.line());
        assertEquals(14, e.column(), "at the second key, where the comma is missing");
    }

    @Test
    void aRepeatedKeyIsReportedAtTheRepeatedKey() {
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> parse("{\n  \"a\": {\"名\": 1,\n         \"名\": 2}\n}", StandardCharsets.UTF_8));

        assertEquals("/a/名", e.path());
        assertEquals(3, e.line());
        assertEquals(10, e.column());
        assertEquals("duplicate field \"名\"; a field may appear only once in an object", e.problem());
    }

    @Test
    void nestingDeeperThanTheLimitIsReportedWhereItHappens() {
        String json = "[".repeat(65) + "]".repeat(65);

        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> parse(json, StandardCharsets.UTF_8));

        assertEquals(1, e.line());
        assertEquals(66, e.column(), "just after the 65th opening bracket");
        assertTrue(e.problem().contains("nesting depth"), e.problem());
    }

    @Test
    void invalidUtf8IsAMalformedDocumentWithALocation() {
        byte[] latin1 = "{\n  \"a\": \"café\"}".getBytes(StandardCharsets.ISO_8859_1);

        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> parser.parse(new ByteArrayInputStream(latin1), "doc.json"));

        assertEquals(2, e.line());
        assertTrue(e.problem().contains("UTF-8"), e.problem());
    }

    @Test
    void aDocumentLargerThanTheLimitIsRefusedWithoutParsingIt() {
        byte[] big = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        InputStream in = new ByteArrayInputStream(big);

        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> parser.parse(in, "big.json"));

        assertEquals("the document is larger than the limit of 4 MiB (4194304 bytes): it holds at least 16777217 bytes;"
                + " is this the right file? If so, raise the limit where the reader is built (DocumentLimits)", e.problem());
    }

    @Test
    void theRootOfAnEmptyOrWhitespaceDocumentIsRefusedAtTheStart() {
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> parse(" \n\t", StandardCharsets.UTF_8));

        assertEquals("", e.path());
        assertEquals(1, e.line());
        assertEquals(1, e.column());
        assertEquals("the document is empty", e.problem());
    }

    /** CsvSource cannot hold control characters; the table writes them as \n and \r. */
    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r");
    }
}
