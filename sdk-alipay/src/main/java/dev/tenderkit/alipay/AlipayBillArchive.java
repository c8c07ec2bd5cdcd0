package dev.tenderkit.alipay;

import dev.tenderkit.core.reconcile.BillUnavailableException;
import dev.tenderkit.core.reconcile.MalformedBillException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An Alipay trade bill as downloaded: a zip whose entry names are GBK without the UTF-8 flag (bills.md §1),
 * holding {@code <PID>0156_<yyyyMMdd>_业务明细.csv} (the detail, what is read) and
 * {@code …_业务明细(汇总).csv} (the summary, not the detail: a reader that keeps the last entry, as dax-pay
 * does, would take it). Opens the file on disk (never whole in memory), picks the one detail entry of the
 * day asked for by name, and streams it checked: its CRC-32 against the zip's at the end, its size against
 * the limit. A download that is not a zip at all is Alipay's text for an expired link, not a bill. Not
 * thread-safe; {@link #close()} closes the zip.
 */
final class AlipayBillArchive implements AutoCloseable {
    static final Charset GBK = Charset.forName("GBK");
    private static final String DETAIL_SUFFIX = "_业务明细.csv";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ZipFile zip;
    private final ZipEntry detail;
    private final String source;

    private AlipayBillArchive(ZipFile zip, ZipEntry detail, String source) {
        this.zip = zip;
        this.detail = detail;
        this.source = source;
    }

    /**
     * @param file the downloaded file
     * @param day the business day asked for
     * @return the archive, its detail entry chosen
     * @throws BillUnavailableException when the file is not a zip (Alipay's expired-link page)
     * @throws MalformedBillException when it is a damaged zip, or holds no single detail file of that day
     */
    static AlipayBillArchive open(Path file, LocalDate day) {
        String name = file.getFileName().toString();
        byte[] head = head(file);
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            String text = new String(head, GBK).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            throw new BillUnavailableException("Alipay's bill download of " + day + " is not a zip (the link may "
                    + "have expired: ask for a new one); it says: " + (text.isEmpty() ? "nothing" : text));
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), GBK);
        } catch (ZipException e) {
            throw new MalformedBillException(name, -1, -1, "", "not a readable zip (cut short or damaged): "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("opening the downloaded bill " + file + " failed", e);
        }
        try {
            List<String> names = new ArrayList<>();
            ZipEntry found = null;
            int details = 0;
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                names.add(e.getName());
                if (!e.isDirectory() && e.getName().endsWith(DETAIL_SUFFIX)) {
                    details++;
                    found = e;
                }
            }
            if (details != 1) {
                throw new MalformedBillException(name, -1, -1, "", "the zip holds " + details + " detail files "
                        + "(…" + DETAIL_SUFFIX + ") where a trade bill holds one; its entries: " + names);
            }
            String dayPart = "_" + DAY.format(day) + DETAIL_SUFFIX;
            if (!found.getName().endsWith(dayPart)) {
                throw new MalformedBillException(name, -1, -1, "", "the detail file " + found.getName()
                        + " is not of " + day + " (…" + dayPart + "): the bill of another day");
            }
            return new AlipayBillArchive(zip, found, found.getName());
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[512];
            int n = 0;
            for (int r; n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0;) {
                n += r;
            }
            return java.util.Arrays.copyOf(buf, n);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the downloaded bill " + file + " failed", e);
        }
    }

    /** @return the detail entry's name, as errors name it */
    String source() {
        return source;
    }

    /**
     * @param maxBytes the most bytes the detail file may hold, decompressed
     * @return its bytes; damage (an inflater error, a CRC that differs) throws {@link MalformedBillException}
     *     while reading, a file above the limit {@link BillUnavailableException}
     */
    InputStream detail(long maxBytes) {
        try {
            return new CheckedEntry(zip.getInputStream(detail), detail.getCrc(), maxBytes, source);
        } catch (ZipException e) {
            throw new MalformedBillException(source, -1, -1, "", "the zip entry cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the zip entry " + source + " failed", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // only the file handle is released here; nothing of the bill depends on it
        }
    }

    /** The entry's bytes, counted and checksummed; the check runs when the end is read. */
    private static final class CheckedEntry extends FilterInputStream {
        private final CRC32 crc = new CRC32();
        private final long expectedCrc;
        private final long maxBytes;
        private final String source;
        private long count;
        private boolean checked;

        CheckedEntry(InputStream in, long expectedCrc, long maxBytes, String source) {
            super(in);
            this.expectedCrc = expectedCrc;
            this.maxBytes = maxBytes;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (ZipException | java.io.EOFException e) {
                throw new MalformedBillException(source, -1, -1, "", "the zip entry is damaged: " + e.getMessage(), e);
            }
            if (n < 0) {
                if (!checked && expectedCrc != -1 && crc.getValue() != expectedCrc) {
                    throw new MalformedBillException(source, -1, -1, "", "the file's CRC-32 " + Long.toHexString(
                            crc.getValue()) + " is not the zip's " + Long.toHexString(expectedCrc) + ": damaged");
                }
                checked = true;
                return n;
            }
            crc.update(b, off, n);
            count += n;
            if (count > maxBytes) {
                throw new BillUnavailableException("the bill's detail file " + source + " is larger than the limit of "
                        + maxBytes + " bytes");
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("a checked bill entry is read, not skipped");
        }
    }
}
