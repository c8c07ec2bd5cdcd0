package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.InvalidInputException;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The journal's durable high-water mark, kept apart from the journal in {@code <journal>.anchor}:
 * a lower bound of the journal's committed length, so that a journal found shorter (truncated, at a
 * record boundary or not, or emptied) is known to have lost records. It also keeps the last
 * out_trade_no run prefixes and whether damage was found and not yet repaired.
 *
 * <p>The file is two fixed-size slots, each with a generation number and its own CRC-32C; a write
 * goes to the slot not holding the latest generation, so a torn write of one slot leaves the other
 * valid (and, the mark being a lower bound, an older value is still true). Raising the mark after an
 * append is a plain write (the journal's own fsync already made the append durable; a lost raise
 * only weakens the bound); everything else is forced. The file is created atomically (temporary
 * file, fsync, rename), so a partial anchor never appears under its name.
 *
 * <pre>
 *   slot (512 bytes): "TKA1" | u64 generation | u64 committed | u64 damageAt+1 (0: none)
 *                     | u8 prefix count | (u8 length, ASCII bytes)* | zero padding | u32 crc32c
 * </pre>
 *
 * Not thread-safe: the journal calls it under its own lock.
 */
final class JournalAnchor implements AutoCloseable {
    static final int SLOT_BYTES = 512;
    static final int FILE_BYTES = 2 * SLOT_BYTES;
    static final int MAX_PREFIXES = 8;
    static final int MAX_PREFIX_LENGTH = 32;
    private static final byte[] MAGIC = {'T', 'K', 'A', '1'};

    /**
     * One slot's content.
     *
     * @param generation grows by one per write
     * @param committed lower bound of the journal's committed length in bytes
     * @param damageAt offset of damage found and not repaired, or -1
     * @param prefixes the last run prefixes, oldest first
     */
    record State(long generation, long committed, long damageAt, List<String> prefixes) {
        State {
            prefixes = List.copyOf(prefixes);
        }

        State next(long newCommitted, long newDamageAt, List<String> newPrefixes) {
            return new State(generation + 1, newCommitted, newDamageAt, newPrefixes);
        }
    }

    /**
     * What reading the anchor found.
     *
     * @param state the latest valid slot, when there is one
     * @param exists whether the file exists
     * @param problem why an existing file has no valid slot
     */
    record Read(Optional<State> state, boolean exists, Optional<String> problem) {
    }

    private final Path file;
    private final FileChannel channel;
    private State state;

    private JournalAnchor(Path file, FileChannel channel, State state) {
        this.file = file;
        this.channel = channel;
        this.state = state;
    }

    static Path fileFor(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".anchor");
    }

    /** Reads the anchor file, if there is one; never modifies it. */
    static Read read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Read(Optional.empty(), false, Optional.empty());
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != FILE_BYTES) {
            return new Read(Optional.empty(), true, Optional.of("the anchor is " + bytes.length + " bytes, not "
                    + FILE_BYTES));
        }
        Optional<State> a = decode(bytes, 0);
        Optional<State> b = decode(bytes, SLOT_BYTES);
        Optional<State> latest = a.isEmpty() ? b : b.isEmpty() ? a
                : Optional.of(a.get().generation() >= b.get().generation() ? a.get() : b.get());
        return new Read(latest, true, latest.isPresent() ? Optional.empty()
                : Optional.of("neither of the anchor's two slots passes its checksum"));
    }

    /** Creates (or replaces) the anchor atomically with the given content, forced to disk. */
    static JournalAnchor create(Path file, long committed, long damageAt, List<String> prefixes) throws IOException {
        State first = new State(1, committed, damageAt, prefixes);
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        ByteBuffer whole = ByteBuffer.allocate(FILE_BYTES);
        // The other slot stays zeros, invalid. Through Buffer: Android lacks ByteBuffer's covariant
        // position(int) and clear(), and the absolute put(int, byte[]).
        ((Buffer) whole).position((int) (first.generation() % 2) * SLOT_BYTES);
        whole.put(encode(first));
        ((Buffer) whole).clear();
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (whole.hasRemaining()) {
                out.write(whole, whole.position());
            }
            out.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename atomically; the journal's anchor needs it", e);
        }
        JournalFiles.syncDirectory(file);
        return new JournalAnchor(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE),
                first);
    }

    /** Opens an existing, readable anchor for writing. */
    static JournalAnchor open(Path file, State state) throws IOException {
        return new JournalAnchor(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE),
                Objects.requireNonNull(state, "state"));
    }

    State state() {
        return state;
    }

    Path file() {
        return file;
    }

    /**
     * Raises the mark to a length known durable, if higher: by an append, without forcing (a lost
     * raise only weakens a lower bound); at close, forced.
     */
    void raise(long committed, boolean force) throws IOException {
        if (committed > state.committed()) {
            write(state.next(committed, state.damageAt(), state.prefixes()), force);
        }
    }

    /** Sets the mark to exactly this value, forced: lowered before a compaction's rename, or at open. */
    void set(long committed) throws IOException {
        write(state.next(committed, state.damageAt(), state.prefixes()), true);
    }

    /** At open: the mark as found, and damage noted if there is any (the first noted stays), forced. */
    void opened(long committed, long damageFound) throws IOException {
        long damageAt = state.damageAt() >= 0 ? state.damageAt() : damageFound;
        write(state.next(committed, damageAt, state.prefixes()), true);
    }

    /** Notes damage at an offset (the first one noted stays), forced. */
    void markDamaged(long offset) throws IOException {
        if (state.damageAt() < 0) {
            write(state.next(state.committed(), offset, state.prefixes()), true);
        }
    }

    /** After a repair: the mark is the repaired journal's length and no damage is noted, forced. */
    void repaired(long committed) throws IOException {
        write(state.next(committed, -1, state.prefixes()), true);
    }

    /** Adds a run prefix (keeping the last {@link #MAX_PREFIXES}), forced. */
    /** @throws InvalidInputException unless {@code prefix} is 1-{@value #MAX_PREFIX_LENGTH} printable ASCII characters */
    static void checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty() || prefix.length() > MAX_PREFIX_LENGTH || !prefix.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInputException("prefix", "must be 1-" + MAX_PREFIX_LENGTH
                    + " printable ASCII characters, got \"" + prefix + "\"");
        }
    }

    void reservePrefix(String prefix) throws IOException {
        byte[] ascii = prefix.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length == 0 || ascii.length > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("a run prefix is 1-" + MAX_PREFIX_LENGTH + " ASCII characters: "
                    + prefix);
        }
        List<String> prefixes = new ArrayList<>(state.prefixes());
        prefixes.remove(prefix);
        prefixes.add(prefix);
        while (prefixes.size() > MAX_PREFIXES) {
            prefixes.remove(0);
        }
        write(state.next(state.committed(), state.damageAt(), prefixes), true);
    }

    private void write(State next, boolean force) throws IOException {
        ByteBuffer slot = ByteBuffer.wrap(encode(next));
        long at = (next.generation() % 2) * SLOT_BYTES;
        while (slot.hasRemaining()) {
            channel.write(slot, at + slot.position());
        }
        if (force) {
            channel.force(false);
        }
        state = next;
    }

    static byte[] encode(State s) {
        ByteBuffer b = ByteBuffer.allocate(SLOT_BYTES).order(ByteOrder.BIG_ENDIAN);
        b.put(MAGIC).putLong(s.generation()).putLong(s.committed()).putLong(s.damageAt() + 1);
        b.put((byte) s.prefixes().size());
        for (String p : s.prefixes()) {
            byte[] ascii = p.getBytes(StandardCharsets.US_ASCII);
            b.put((byte) ascii.length).put(ascii);
        }
        b.putInt(SLOT_BYTES - 4, RecordFormat.crc(b.array(), 0, SLOT_BYTES - 4));
        return b.array();
    }

    static Optional<State> decode(byte[] bytes, int at) {
        if (RecordFormat.crc(bytes, at, SLOT_BYTES - 4) != RecordFormat.readInt(bytes, at + SLOT_BYTES - 4)) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, at, SLOT_BYTES - 4).order(ByteOrder.BIG_ENDIAN);
        byte[] magic = new byte[4];
        b.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            return Optional.empty();
        }
        long generation = b.getLong();
        long committed = b.getLong();
        long damageAt = b.getLong() - 1;
        int count = b.get() & 0xff;
        if (generation < 1 || committed < 0 || damageAt < -1 || count > MAX_PREFIXES) {
            return Optional.empty();
        }
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = b.get() & 0xff;
            if (length == 0 || length > MAX_PREFIX_LENGTH) {
                return Optional.empty();
            }
            byte[] p = new byte[length];
            b.get(p);
            prefixes.add(new String(p, StandardCharsets.US_ASCII));
        }
        return Optional.of(new State(generation, committed, damageAt, prefixes));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
