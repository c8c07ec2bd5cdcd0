package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.payment.StoreDamage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What reading a journal back at open found and left ready for appends: the journal scanned, its
 * damage copied to side files, a bad header rewritten, a torn tail cut off (its bytes kept), and
 * the anchor brought up to date (created when missing or unreadable, forced). The caller holds the
 * journal's lock; {@link AppendOnlyJournal} owns the channel and anchor from then on.
 *
 * @param channel the journal file, open for reading and writing
 * @param size the journal's length after the open
 * @param anchor the anchor, up to date
 * @param damage what the open found wrong, in file order, the anchor's own problem last
 * @param records the valid records, in file order
 * @param report the summary of the open
 * @param crcBytes bytes checksummed while scanning
 */
record JournalOpening(FileChannel channel, long size, JournalAnchor anchor, List<StoreDamage> damage,
        List<JournalRecord> records, JournalOpenReport report, long crcBytes) {
    private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyJournal.class);

    /**
     * Reads the journal back (creating it if absent).
     *
     * @param file the journal file, absolute
     * @param options behaviour
     * @return what the open found; the channel and anchor are the caller's to close
     * @throws IOException if the file or its anchor cannot be read or written; nothing stays open
     */
    static JournalOpening read(Path file, JournalOptions options) throws IOException {
        Files.deleteIfExists(JournalFiles.compactionFile(file));
        Path anchorFile = JournalAnchor.fileFor(file);
        JournalAnchor.Read anchorRead = JournalAnchor.read(anchorFile);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        JournalAnchor anchor = null;
        try {
            byte[] bytes = JournalFiles.readAll(channel, file);
            JournalScanner.Result scan = JournalScanner.scan(file, bytes, options.maxRecordBytes(),
                    anchorRead.state().map(JournalAnchor.State::committed).orElse(0L), anchorRead.exists());
            List<StoreDamage> found = new ArrayList<>();
            for (JournalScanner.Region r : scan.damage()) {
                Optional<Path> copy = r.length() == 0 ? Optional.empty()
                        : Optional.of(JournalFiles.preserve(file, "damaged", r.offset(),
                                Arrays.copyOfRange(bytes, r.offset(), r.offset() + r.length())));
                found.add(new StoreDamage(r.kind(), file, r.offset(), r.length(), r.problem(), copy));
            }
            if (anchorRead.problem().isPresent()) {
                Path copy = JournalFiles.preserve(file, "damaged-anchor", 0, Files.readAllBytes(anchorFile));
                found.add(new StoreDamage(StoreDamage.Kind.ANCHOR_UNREADABLE, anchorFile, 0, JournalAnchor.FILE_BYTES,
                        anchorRead.problem().get() + ": a truncation of the journal cannot be ruled out",
                        Optional.of(copy)));
            }
            if (scan.rewriteHeader()) {
                channel.truncate(0);
                JournalFiles.writeFully(channel, RecordFormat.header(), 0);
                channel.force(true);
                JournalFiles.syncDirectory(file);
            }
            long torn = 0;
            Optional<Path> tornCopy = Optional.empty();
            if (scan.tornAt() >= 0) {
                int pos = scan.tornAt();
                tornCopy = Optional.of(JournalFiles.preserve(file, "torn", pos,
                        Arrays.copyOfRange(bytes, pos, bytes.length)));
                channel.truncate(pos);
                channel.force(true);
                torn = (long) bytes.length - pos;
                LOG.warn("journal {}: cut off a torn tail of {} bytes at offset {} (the unfinished write of a crash); "
                        + "its bytes are saved in {}", file, torn, pos, tornCopy.get());
            }
            long size = channel.size();
            anchor = openAnchor(file, size, anchorFile, anchorRead, found);
            List<StoreDamage> damage = List.copyOf(found);
            List<JournalRecord> records = List.copyOf(scan.records());
            JournalOpenReport report = new JournalOpenReport(records.size(), size, torn, tornCopy, damage);
            for (StoreDamage d : damage) {
                LOG.error("journal {} is DAMAGED, opened in salvage mode (nothing was cut off): {}", file, d.describe());
            }
            return new JournalOpening(channel, size, anchor, damage, records, report, scan.crcBytes());
        } catch (IOException | RuntimeException e) {
            JournalFiles.closeQuietly(channel, e instanceof RuntimeException r ? r : null);
            if (anchor != null) {
                anchor.close();
            }
            throw e;
        }
    }

    /** Brings the anchor up to date with what the open found (forced), creating it when missing or unreadable. */
    private static JournalAnchor openAnchor(Path file, long size, Path anchorFile, JournalAnchor.Read read,
            List<StoreDamage> found) throws IOException {
        long damageAt = found.isEmpty() ? -1 : found.get(0).offset();
        if (read.state().isEmpty()) {
            if (!read.exists() && size > RecordFormat.HEADER_BYTES) {
                LOG.info("journal {} has no anchor (written by an earlier version): creating {} at {} bytes", file,
                        anchorFile, size);
            }
            return JournalAnchor.create(anchorFile, size, damageAt, List.of());
        }
        JournalAnchor.State state = read.state().get();
        if (state.damageAt() >= 0 && found.isEmpty()) {
            found.add(new StoreDamage(StoreDamage.Kind.NOT_REPAIRED, file, state.damageAt(), 0, "an earlier open "
                    + "found damage here, and the journal has not been repaired since (the evidence may no longer "
                    + "be visible in the file; see the side files beside it)", Optional.empty()));
        }
        JournalAnchor opened = JournalAnchor.open(anchorFile, state);
        try {
            opened.opened(Math.max(state.committed(), size), damageAt);
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        return opened;
    }
}
