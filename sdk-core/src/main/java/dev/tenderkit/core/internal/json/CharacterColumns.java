package dev.tenderkit.core.internal.json;

import com.fasterxml.jackson.core.JsonLocation;

/**
 * Turns the columns jackson-core reports for UTF-8 input, which count bytes, into columns that
 * count characters (Unicode code points), the ones an editor shows: on a line holding Chinese
 * text a byte column is up to three times too far right. A UTF-8 byte-order mark is not a
 * character. Locations are asked for in document order, so counting resumes where the previous
 * location stopped and a whole document costs one pass. One instance per parse; not thread-safe.
 */
final class CharacterColumns {
    private static final int UTF8_BOM_LENGTH = 3;

    private final byte[] document;
    private final int bomLength;
    /** Byte offset where the line of the last location starts, -1 before the first. */
    private int lineStart = -1;
    /** Byte offset up to which code points have been counted on that line. */
    private int counted;
    /** Code points between {@link #lineStart} and {@link #counted}. */
    private int characters;

    CharacterColumns(byte[] document) {
        this.document = document;
        this.bomLength = document.length >= UTF8_BOM_LENGTH && (document[0] & 0xFF) == 0xEF
                && (document[1] & 0xFF) == 0xBB && (document[2] & 0xFF) == 0xBF ? UTF8_BOM_LENGTH : 0;
    }

    /**
     * @return the 1-based character column of the location; jackson's own column when the location
     *     has no byte offset (UTF-16 or UTF-32 input, read through a character decoder, whose columns
     *     already count characters) or is unknown
     */
    int of(JsonLocation location) {
        long offset = location.getByteOffset();
        int byteColumn = location.getColumnNr();
        if (offset < 0 || offset > document.length || byteColumn < 1) {
            return byteColumn;
        }
        int at = (int) offset;
        // jackson's line 1 starts at offset 0 even when the input opens with a byte-order mark.
        int start = Math.max(at - (byteColumn - 1), bomLength);
        if (start != lineStart || at < counted) {
            lineStart = start;
            counted = start;
            characters = 0;
        }
        for (; counted < at; counted++) {
            if ((document[counted] & 0xC0) != 0x80) { // not a UTF-8 continuation byte
                characters++;
            }
        }
        return characters + 1;
    }
}
