package dev.tenderkit.transport.serial.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The bytes of one ESC/POS print job, built command by command. Text is encoded in GB18030 after
 * {@code FS &} puts the printer in Chinese character mode, as printers sold in China expect.
 *
 * <p>Commands used (Epson ESC/POS, as implemented by Chinese thermal printers):
 *
 * <pre>
 *   ESC @            1B 40              initialise
 *   FS &amp;             1C 26              Chinese character mode on (GB18030 / GBK double-byte text)
 *   ESC a n          1B 61 n            align: 0 left, 1 centre, 2 right
 *   ESC E n          1B 45 n            bold on (1) / off (0)
 *   GS ! n           1D 21 n            character size: 0x00 normal, 0x11 double width and height
 *   LF               0A                 print the line and feed
 *   ESC d n          1B 64 n            feed n lines
 *   GS ( k ...       1D 28 6B ...       QR code: model 2 (fn 165), module size (fn 167),
 *                                       error correction (fn 169), store data (fn 180), print (fn 181)
 *   GS V m n         1D 56 41|42 n      feed n lines, then full (0x41) or partial (0x42) cut
 * </pre>
 *
 * <p>Not thread-safe: build a document on one thread, then hand its {@link #toBytes()} to a
 * printer.
 */
public final class EscPosDocument {

    /** The character set of text on the wire. */
    public static final Charset GB18030 = Charset.forName("GB18030");
    /** The most data a QR code may carry here: what common 58/80 mm printers accept. */
    public static final int MAX_QR_BYTES = 700;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts a document with ESC @ (initialise) and FS &amp; (Chinese mode). */
    public EscPosDocument() {
        bytes(0x1B, 0x40, 0x1C, 0x26);
    }

    /** @param alignment where the following lines go @return this document */
    public EscPosDocument align(Alignment alignment) {
        return bytes(0x1B, 0x61, Objects.requireNonNull(alignment, "alignment").ordinal());
    }

    /** @param on bold or not @return this document */
    public EscPosDocument bold(boolean on) {
        return bytes(0x1B, 0x45, on ? 1 : 0);
    }

    /** @param on double width and height, or normal @return this document */
    public EscPosDocument doubleSize(boolean on) {
        return bytes(0x1D, 0x21, on ? 0x11 : 0x00);
    }

    /**
     * @param text a line of text; control characters are refused
     * @return this document, with the line printed and a line feed
     * @throws IllegalArgumentException if the text holds a control character, which would be
     *     taken for a command
     */
    public EscPosDocument line(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException("text: control character at position " + (i + 1)
                        + " would be read as a printer command");
            }
        }
        out.writeBytes(text.getBytes(GB18030));
        return bytes(0x0A);
    }

    /** @param lines 0 to 255 @return this document, fed that many lines */
    public EscPosDocument feed(int lines) {
        checkByte("lines", lines);
        return bytes(0x1B, 0x64, lines);
    }

    /**
     * Prints a QR code (model 2).
     *
     * @param data what the code holds, e.g. a payment or e-invoice URL; UTF-8, 1 to
     *     {@link #MAX_QR_BYTES} bytes
     * @param moduleSize dot size of one module, 1 to 16
     * @param errorCorrection the error-correction level
     * @return this document
     * @throws IllegalArgumentException if the data is empty or too long, or the size out of range
     */
    public EscPosDocument qrCode(String data, int moduleSize, QrErrorCorrection errorCorrection) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_QR_BYTES) {
            throw new IllegalArgumentException("data: " + bytes.length + " bytes is outside 1.." + MAX_QR_BYTES);
        }
        if (moduleSize < 1 || moduleSize > 16) {
            throw new IllegalArgumentException("moduleSize: " + moduleSize + " is outside 1..16");
        }
        bytes(0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00); // fn 165: model 2
        bytes(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, moduleSize); // fn 167: module size
        bytes(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, errorCorrection.code()); // fn 169: error correction
        int stored = bytes.length + 3;
        bytes(0x1D, 0x28, 0x6B, stored & 0xFF, stored >>> 8, 0x31, 0x50, 0x30); // fn 180: store
        out.writeBytes(bytes);
        return bytes(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30); // fn 181: print
    }

    /**
     * @param partial a partial cut (leaves a hinge) or a full one
     * @param feedLines lines fed before cutting, 0 to 255, so the last line clears the cutter
     * @return this document
     */
    public EscPosDocument cut(boolean partial, int feedLines) {
        checkByte("feedLines", feedLines);
        return bytes(0x1D, 0x56, partial ? 0x42 : 0x41, feedLines);
    }

    /** @return the bytes so far */
    public byte[] toBytes() {
        return out.toByteArray();
    }

    private EscPosDocument bytes(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    private static void checkByte(String name, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(name + ": " + value + " is outside 0..255");
        }
    }

    /** Horizontal alignment of lines; the ordinal is the ESC a argument. */
    public enum Alignment {
        /** Left. */
        LEFT,
        /** Centre. */
        CENTER,
        /** Right. */
        RIGHT
    }
}
