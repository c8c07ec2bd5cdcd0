package dev.tenderkit.wechat;

import dev.tenderkit.core.reconcile.BillUnavailableException;
import dev.tenderkit.core.reconcile.MalformedBillException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Checks a downloaded WeChat Pay bill against the {@code hash_value} of the signed answer that linked to it
 * (bills.md §2: the download itself is not signed, so the hash is all that binds the file to WeChat Pay):
 * decompresses the gzip file to a second temporary file while hashing the decompressed bytes with SHA-1, in
 * one pass and never whole in memory, and hands out the decompressed file only when the hash matches. A
 * download that is not gzip (an answer decompressed on the way) is hashed as it is. Stateless.
 */
final class BillFileCheck {
    private static final int GZIP_MAGIC = 0x1f8b;

    private BillFileCheck() {
    }

    /**
     * @param downloaded the file as downloaded; deleted in any case
     * @param plain where to write the decompressed bill (created or truncated); deleted unless returned
     * @param sha1Hex the hash the signed answer states, hex in either case
     * @param maxBytes the longest decompressed bill accepted
     * @param source the bill's name, as errors name it
     * @return {@code plain}, holding the bill whose SHA-1 is {@code sha1Hex}
     * @throws MalformedBillException (line -1) when the hash does not match or the file is not whole gzip
     * @throws BillUnavailableException when the bill is larger than {@code maxBytes} or the disk fails
     */
    static Path verified(Path downloaded, Path plain, String sha1Hex, long maxBytes, String source) {
        boolean ok = false;
        try {
            String actual = decompress(downloaded, plain, maxBytes, source);
            if (!actual.equalsIgnoreCase(sha1Hex)) {
                throw new MalformedBillException(source, -1, -1, "", "the SHA-1 of the bill is " + actual
                        + " where WeChat Pay's signed answer says " + sha1Hex.toLowerCase(Locale.ROOT)
                        + ": the file is not the bill WeChat Pay issued; nothing of it is believed");
            }
            ok = true;
            return plain;
        } finally {
            deleteQuietly(downloaded);
            if (!ok) {
                deleteQuietly(plain);
            }
        }
    }

    private static String decompress(Path downloaded, Path plain, long maxBytes, String source) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the platform has no SHA-1", e);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(downloaded), 16 * 1024);
                OutputStream out = Files.newOutputStream(plain)) {
            raw.mark(2);
            int magic = (raw.read() << 8) | raw.read();
            raw.reset();
            InputStream bill = magic == GZIP_MAGIC ? new GZIPInputStream(raw, 16 * 1024) : raw;
            try (DigestInputStream in = new DigestInputStream(bill, sha1)) {
                byte[] buffer = new byte[16 * 1024];
                long total = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    if (total > maxBytes) {
                        throw new BillUnavailableException("the WeChat Pay bill " + source + " decompresses to more "
                                + "than the limit of " + maxBytes + " bytes: not read");
                    }
                    out.write(buffer, 0, n);
                }
            }
        } catch (EOFException | ZipException e) {
            throw new MalformedBillException(source, -1, -1, "", "the download is not a whole gzip file ("
                    + e.getMessage() + "): cut short or damaged", e);
        } catch (IOException e) {
            throw new BillUnavailableException("reading or writing the WeChat Pay bill " + source + " on disk failed: "
                    + e.getMessage(), e);
        }
        StringBuilder hex = new StringBuilder(40);
        for (byte b : sha1.digest()) {
            hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return hex.toString();
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is the operating system's to clean; nothing of it is read
        }
    }
}
