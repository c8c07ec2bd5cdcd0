package dev.tenderkit.core.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;
import java.util.Optional;

/**
 * The lines of a bill file, read strictly and one at a time: bytes that are not valid in the bill's
 * encoding (a UTF-8 file read as GBK, a GBK file read as UTF-8, a cut multi-byte character) are an error
 * naming the line, never a replacement character; a line longer than the limit is an error rather than
 * memory spent; {@code \r\n}, {@code \n} and a final line without one are all lines; a UTF-8 byte-order mark
 * at the start is dropped. The wallet modules' bill parsers read through it. Not thread-safe; does not close
 * the stream.
 *
 * <p>Buffers are flipped through {@link Buffer}: Android 8 has no covariant {@code ByteBuffer.flip()}.
 */
public final class BillLines {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String source;
    private final int maxLineChars;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final StringBuilder line = new StringBuilder(256);
    private boolean endOfInput;
    private boolean decoded;
    private CoderResult pendingError;
    private boolean pendingCr;
    private long lineNumber;

    /**
     * @param in the file's bytes
     * @param charset the bill's encoding (GBK for Alipay, UTF-8 for WeChat Pay)
     * @param source the file's name, as errors name it
     * @param maxLineChars the longest line accepted, in characters
     */
    public BillLines(InputStream in, Charset charset, String source, int maxLineChars) {
        this.in = Objects.requireNonNull(in, "in");
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.source = Objects.requireNonNull(source, "source");
        if (maxLineChars < 1) {
            throw new IllegalArgumentException("maxLineChars must be positive: " + maxLineChars);
        }
        this.maxLineChars = maxLineChars;
        ((Buffer) bytes).flip();
        ((Buffer) chars).flip();
    }

    /** @return the file's name */
    public String source() {
        return source;
    }

    /** @return the 1-based number of the line last returned by {@link #next()}; 0 before the first */
    public long lineNumber() {
        return lineNumber;
    }

    /**
     * @return the next line without its line ending, or empty at the end of the file
     * @throws MalformedBillException when the bytes are not valid in the encoding or the line is too long
     * @throws UncheckedIOException when reading fails
     */
    public Optional<String> next() {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (!chars.hasRemaining() && !fill()) {
                if (!any && line.length() == 0) {
                    return Optional.empty();
                }
                break;
            }
            char c = chars.get();
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                pendingCr = c == '\r';
                any = true;
                break;
            }
            if (lineNumber == 0 && line.length() == 0 && !any && c == '\uFEFF') {
                any = true;
                continue;
            }
            any = true;
            if (line.length() == maxLineChars) {
                throw new MalformedBillException(source, lineNumber + 1, -1, "",
                        "line is longer than " + maxLineChars + " characters: not a bill row");
            }
            line.append(c);
        }
        lineNumber++;
        return Optional.of(line.toString());
    }

    private boolean fill() {
        if (pendingError != null) {
            throw encodingError();
        }
        ((Buffer) chars).clear();
        try {
            while (chars.position() == 0 && !decoded) {
                if (!bytes.hasRemaining() && !endOfInput) {
                    readBytes();
                }
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    pendingError = result;
                    break;
                }
                if (result.isUnderflow()) {
                    if (endOfInput) {
                        CoderResult flushed = decoder.flush(chars);
                        if (flushed.isError()) {
                            pendingError = flushed;
                        }
                        decoded = true;
                    } else {
                        readBytes();
                    }
                }
            }
        } finally {
            ((Buffer) chars).flip();
        }
        if (!chars.hasRemaining() && pendingError != null) {
            throw encodingError();
        }
        return chars.hasRemaining();
    }

    private void readBytes() {
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                ((Buffer) bytes).position(bytes.position() + n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bill " + source + " failed at line " + (lineNumber + 1), e);
        } finally {
            ((Buffer) bytes).flip();
        }
    }

    /** The decoding error, met once every character before it was handed out: at the current line's end. */
    private MalformedBillException encodingError() {
        CoderResult result = pendingError;
        int column = line.length() + 1;
        try {
            result.throwException();
        } catch (CharacterCodingException e) {
            return new MalformedBillException(source, lineNumber + 1, column, "",
                    "bytes that are not " + decoder.charset().name() + " (" + result + "): the file is not in the "
                            + "bill's encoding, or is cut inside a character", e);
        }
        throw new IllegalStateException("unreachable: " + result);
    }
}
