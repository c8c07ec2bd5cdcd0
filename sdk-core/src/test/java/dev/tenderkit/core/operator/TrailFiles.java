package dev.tenderkit.core.operator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A trail file taken apart and put together again, as someone editing it would: its header and its
 * records (length, payload, CRC-32C), each record re-framed with a correct checksum.
 */
final class TrailFiles {
    static final int HEADER = 8;
    /** The clock of the trails these tests write. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T02:00:00Z"), ZoneOffset.UTC);

    private TrailFiles() {
    }

    /** @return the payloads of the records of a well-formed trail file */
    static List<byte[]> payloads(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file);
        b.position(HEADER);
        while (b.remaining() >= 8) {
            byte[] p = new byte[b.getInt()];
            b.get(p);
            b.getInt();
            out.add(p);
        }
        return out;
    }

    /** @return the byte offset of each record */
    static List<Integer> offsets(byte[] file) {
        List<Integer> out = new ArrayList<>();
        int at = HEADER;
        for (byte[] p : payloads(file)) {
            out.add(at);
            at += 8 + p.length;
        }
        return out;
    }

    /** @return a trail file with these payloads, each framed with a correct checksum */
    static byte[] assemble(byte[] original, List<byte[]> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, HEADER);
        for (byte[] p : payloads) {
            ByteBuffer r = ByteBuffer.allocate(8 + p.length);
            r.putInt(p.length).put(p);
            CRC32C crc = new CRC32C();
            crc.update(r.array(), 0, 4 + p.length);
            r.putInt((int) crc.getValue());
            out.write(r.array(), 0, r.capacity());
        }
        return out.toByteArray();
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A scratch directory on tmpfs when there is one (thousands of opens, each forcing the anchor), else under {@code fallback}. */
    static Path scratch(Path fallback) {
        try {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "trail-")
                    : Files.createTempDirectory(fallback, "trail-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
