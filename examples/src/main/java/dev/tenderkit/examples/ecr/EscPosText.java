package dev.tenderkit.examples.ecr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the bytes of an ESC/POS print job back into something a person can read: text decoded
 * from GB18030 (what the printer prints in Chinese mode), line feeds as line breaks, and every
 * command shown in angle brackets, e.g. {@code <ESC @ init>}, {@code <GS ( k QR store "https://…">},
 * {@code <GS V partial cut, feed 4>}. Bytes that are no known command are shown as {@code <0x..>}.
 *
 * <p>Knows the commands {@code EscPosDocument} writes; stateless.
 */
final class EscPosText {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int ESC = 0x1B;
    private static final int FS = 0x1C;
    private static final int GS = 0x1D;
    private static final int LF = 0x0A;

    private EscPosText() {
    }

    /**
     * @param job the bytes sent to the printer
     * @return the job as text, one printed line per line
     */
    static String decode(byte[] job) {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int i = 0;
        while (i < job.length) {
            int b = job[i] & 0xFF;
            if (b >= 0x20) { // printable ASCII or part of a GB18030 multi-byte character
                text.write(b);
                i++;
                continue;
            }
            flush(text, out);
            int used = command(job, i, out);
            if (used == 0) { // unknown or cut short: show the byte itself
                out.append(String.format(Locale.ROOT, "<0x%02X>", b));
                used = 1;
            }
            i += used;
        }
        flush(text, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream text, StringBuilder out) {
        if (text.size() > 0) {
            out.append(new String(text.toByteArray(), GB18030));
            text.reset();
        }
    }

    /** Appends the command at {@code i} and returns its length, or 0 if it is not one this knows. */
    private static int command(byte[] job, int i, StringBuilder out) {
        int b = job[i] & 0xFF;
        if (b == LF) {
            out.append('\n');
            return 1;
        }
        if (i + 1 >= job.length) {
            return 0;
        }
        int c = job[i + 1] & 0xFF;
        int n = i + 2 < job.length ? job[i + 2] & 0xFF : -1;
        if (b == ESC && c == '@') {
            out.append("<ESC @ init>");
            return 2;
        }
        if (b == FS && c == '&') {
            out.append("<FS & Chinese mode>");
            return 2;
        }
        if (n < 0) {
            return 0;
        }
        if (b == ESC && c == 'a') {
            out.append("<ESC a ").append(n == 0 ? "left" : n == 1 ? "centre" : n == 2 ? "right" : n).append('>');
            return 3;
        }
        if (b == ESC && c == 'E') {
            out.append("<ESC E bold ").append(n == 0 ? "off" : "on").append('>');
            return 3;
        }
        if (b == ESC && c == 'd') {
            out.append("<ESC d feed ").append(n).append('>');
            return 3;
        }
        if (b == GS && c == '!') {
            out.append("<GS ! ").append(n == 0 ? "normal size" : n == 0x11 ? "double size"
                    : String.format(Locale.ROOT, "size 0x%02X", n)).append('>');
            return 3;
        }
        if (b == GS && c == 'V' && (n == 0x41 || n == 0x42) && i + 3 < job.length) {
            out.append("<GS V ").append(n == 0x42 ? "partial" : "full").append(" cut, feed ").append(job[i + 3] & 0xFF)
                    .append('>');
            return 4;
        }
        if (b == GS && c == '(' && n == 'k') {
            return qr(job, i, out);
        }
        return 0;
    }

    /** {@code GS ( k pL pH cn fn [m] [data]}: the QR code functions. */
    private static int qr(byte[] job, int i, StringBuilder out) {
        if (i + 7 > job.length) {
            return 0;
        }
        int length = (job[i + 3] & 0xFF) | (job[i + 4] & 0xFF) << 8; // bytes after pH: cn fn and parameters
        int end = i + 5 + length;
        if (length < 2 || end > job.length || (job[i + 5] & 0xFF) != 0x31) {
            return 0;
        }
        int fn = job[i + 6] & 0xFF;
        int p = i + 7 < end ? job[i + 7] & 0xFF : -1;
        out.append("<GS ( k QR ");
        switch (fn) {
            case 0x41 -> out.append("model ").append(p == 0x32 ? "2" : p == 0x31 ? "1" : String.valueOf(p));
            case 0x43 -> out.append("module size ").append(p);
            case 0x45 -> out.append("error correction ").append(p >= 48 && p <= 51 ? "LMQH".charAt(p - 48) : '?');
            case 0x50 -> out.append("store \"").append(new String(job, Math.min(i + 8, end), Math.max(0, end - (i + 8)), StandardCharsets.UTF_8))
                    .append('"');
            case 0x51 -> out.append("print");
            default -> out.append(String.format(Locale.ROOT, "function 0x%02X", fn));
        }
        out.append('>');
        return end - i;
    }
}
