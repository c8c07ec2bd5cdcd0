package dev.tenderkit.core.operator;

import static dev.tenderkit.core.operator.TrailFiles.assemble;
import static dev.tenderkit.core.operator.TrailFiles.bytes;
import static dev.tenderkit.core.operator.TrailFiles.offsets;
import static dev.tenderkit.core.operator.TrailFiles.payloads;
import static dev.tenderkit.core.operator.TrailFiles.text;
import static dev.tenderkit.core.operator.Till.LI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.payment.journal.AppendOnlyJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper campaign: every bit of a small trail flipped one at a time, entries deleted,
 * duplicated, reordered, altered with their checksum recomputed, inserted; a rewrite that recomputes
 * the whole chain and a cut of trailing entries, which only a head kept elsewhere reveals.
 */
class TrailTamperTest {

    @TempDir
    Path fallback;
    Path dir;
    Path file;
    byte[] trail;
    byte[] anchor;
    TrailHead head;

    @BeforeEach
    void writeTrail() throws IOException {
        dir = TrailFiles.scratch(fallback);
        file = dir.resolve("ops.trail");
        try (AuditTrail t = AuditTrail.open(file, AuditTrail.Options.durable(TrailFiles.CLOCK))) {
            t.note(LI, "A1", "shift opened");
            t.note(LI, "A2", "drawer 500.00");
            t.note(LI, "A3", "shift closed");
            head = t.head();
        }
        trail = Files.readAllBytes(file);
        anchor = Files.readAllBytes(AppendOnlyJournal.anchorFile(file));
    }

    @AfterEach
    void clean() {
        TrailFiles.delete(dir);
    }

    /** Puts {@code bytes} in place of the trail, with the anchor as it was (or none), and opens it. */
    private TrailVerification open(byte[] bytes, boolean withAnchor, boolean withHead) throws IOException {
        for (Path side : Files.list(dir).filter(p -> !p.equals(file)).toList()) {
            Files.delete(side);
        }
        Files.write(file, bytes);
        if (withAnchor) {
            Files.write(AppendOnlyJournal.anchorFile(file), anchor);
        }
        AuditTrail.Options o = AuditTrail.Options.durable(TrailFiles.CLOCK);
        try (AuditTrail t = AuditTrail.open(file, withHead ? o.expectedHead(head) : o)) {
            return t.verification();
        }
    }

    @Test
    void everyFlippedBitIsDetectedAndNamedByEntryAndOffset() throws IOException {
        int detected = 0;
        for (int bit = 0; bit < trail.length * 8; bit++) {
            byte[] flipped = trail.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            TrailVerification v = open(flipped, true, false);
            assertFalse(v.isIntact(), "bit " + bit + " (byte " + bit / 8 + ") went unseen");
            for (TrailBreak b : v.breaks()) {
                assertTrue(b.entry() >= 1 && b.entry() <= 4 && b.offset() >= 0 && b.offset() <= trail.length,
                        "bit " + bit + ": " + b.describe());
                assertTrue(b.describe().contains("entry " + b.entry() + " at byte " + b.offset()), b.describe());
            }
            detected++;
        }
        assertEquals(trail.length * 8, detected);
    }

    @Test
    void aDeletedEntryIsNamedWithOrWithoutTheAnchor() throws IOException {
        List<byte[]> p = new ArrayList<>(payloads(trail));
        p.remove(1);
        byte[] cut = assemble(trail, p);
        TrailVerification noAnchor = open(cut, false, false);
        assertEquals(List.of(TrailBreak.Kind.MISSING), kinds(noAnchor));
        TrailBreak b = noAnchor.breaks().get(0);
        assertEquals(2, b.entry());
        assertEquals((long) offsets(trail).get(1), b.offset());   // where entry 3 now starts
        assertTrue(b.problem().contains("entry 2 is missing"), b.problem());
        TrailVerification anchored = open(cut, true, false);
        assertTrue(kinds(anchored).contains(TrailBreak.Kind.MISSING) && kinds(anchored).contains(
                TrailBreak.Kind.DAMAGED_BYTES), anchored.breaks().toString());   // shorter than the anchor's mark
    }

    @Test
    void aDuplicatedEntryIsNamed() throws IOException {
        List<byte[]> p = new ArrayList<>(payloads(trail));
        p.add(2, p.get(1));
        TrailVerification v = open(assemble(trail, p), true, false);
        assertTrue(kinds(v).contains(TrailBreak.Kind.DUPLICATE), v.breaks().toString());
        TrailBreak d = v.breaks().stream().filter(b -> b.kind() == TrailBreak.Kind.DUPLICATE).findFirst().orElseThrow();
        assertEquals(2, d.entry());
        assertEquals((long) offsets(assemble(trail, p)).get(2), d.offset());
        assertEquals(3, v.entries(), "the copy is left out");
    }

    @Test
    void reorderedEntriesAreNamed() throws IOException {
        List<byte[]> p = new ArrayList<>(payloads(trail));
        p.add(1, p.remove(2));   // 1, 3, 2
        TrailVerification v = open(assemble(trail, p), false, false);
        assertTrue(kinds(v).contains(TrailBreak.Kind.MISSING) && kinds(v).contains(TrailBreak.Kind.OUT_OF_ORDER),
                v.breaks().toString());
        TrailBreak o = v.breaks().stream().filter(b -> b.kind() == TrailBreak.Kind.OUT_OF_ORDER).findFirst()
                .orElseThrow();
        assertEquals(2, o.entry());
        assertTrue(o.problem().contains("entry 2 comes after entry 3"), o.problem());
    }

    @Test
    void anEntryAlteredWithItsChecksumRecomputedBreaksTheChainAtTheNextEntry() throws IOException {
        List<byte[]> p = new ArrayList<>(payloads(trail));
        p.set(1, bytes(text(p.get(1)).replace("drawer 500.00", "drawer 300.00")));
        TrailVerification v = open(assemble(trail, p), false, false);
        assertEquals(List.of(TrailBreak.Kind.CHAIN_MISMATCH), kinds(v));
        assertEquals(3, v.breaks().get(0).entry());
        assertEquals((long) offsets(trail).get(2), v.breaks().get(0).offset());
    }

    @Test
    void anInsertedEntryIsNamed() throws IOException {
        List<byte[]> p = new ArrayList<>(payloads(trail));
        String forged = text(p.get(1)).replace("\"seq\":2", "\"seq\":3").replace("drawer 500.00", "refund 900.00");
        p.add(2, bytes(forged));   // a third entry that does not chain to the second; the real third repeats 3
        TrailVerification v = open(assemble(trail, p), true, false);
        assertTrue(kinds(v).contains(TrailBreak.Kind.CHAIN_MISMATCH), v.breaks().toString());
        assertEquals(3, v.breaks().get(0).entry());
    }

    @Test
    void aRecordThatIsNotAnEntryIsNamedUnreadable() throws IOException {
        List<byte[]> p = new ArrayList<>(payloads(trail));
        p.set(1, bytes("{\"seq\":2,\"note\":\"not an entry\"}"));
        TrailVerification v = open(assemble(trail, p), false, false);
        TrailBreak u = v.breaks().get(0);
        assertEquals(TrailBreak.Kind.UNREADABLE, u.kind());
        assertEquals(2, u.entry());
        assertEquals((long) offsets(trail).get(1), u.offset());
        assertEquals(2, v.entries());
    }

    @Test
    void aRewriteThatRecomputesTheWholeChainIsSeenOnlyByAHeadKeptElsewhere() throws Exception {
        List<byte[]> p = new ArrayList<>(payloads(trail));
        p.set(1, bytes(text(p.get(1)).replace("drawer 500.00", "drawer 300.00")));
        byte[] rewritten = assemble(trail, rechain(p));
        assertTrue(open(rewritten, true, false).isIntact(), "the documented limit: no secret in the chain");
        TrailVerification v = open(rewritten, true, true);
        assertEquals(List.of(TrailBreak.Kind.HEAD_MISMATCH), kinds(v));
        assertTrue(v.breaks().get(0).problem().contains("rewritten"), v.breaks().get(0).problem());
    }

    @Test
    void aCutOfTrailingEntriesIsSeenByTheAnchorOrTheHead() throws IOException {
        byte[] cut = assemble(trail, payloads(trail).subList(0, 2));
        assertTrue(open(cut, false, false).isIntact(), "without the anchor or a head, a clean cut looks whole");
        assertEquals(List.of(TrailBreak.Kind.DAMAGED_BYTES), kinds(open(cut, true, false)));
        TrailVerification v = open(cut, false, true);
        assertEquals(List.of(TrailBreak.Kind.HEAD_MISMATCH), kinds(v));
        assertTrue(v.breaks().get(0).problem().contains("cut off"), v.breaks().get(0).problem());
    }

    @Test
    void theHeadIsTheSha256OfThePreviousHashAndTheRecordsBytes() throws Exception {
        assertEquals(rechainedHead(payloads(trail)), head.hash());
        assertTrue(open(trail, true, true).isIntact());
    }

    private static List<TrailBreak.Kind> kinds(TrailVerification v) {
        return v.breaks().stream().map(TrailBreak::kind).toList();
    }

    private static final Pattern PREV = Pattern.compile("\"prev\":\"([0-9a-f]{64})\"");

    /** What a forger does: sets each entry's "prev" to the SHA-256 of the one before, computed anew. */
    private static List<byte[]> rechain(List<byte[]> payloads) throws Exception {
        List<byte[]> out = new ArrayList<>();
        byte[] prev = new byte[32];
        for (byte[] p : payloads) {
            Matcher m = PREV.matcher(text(p));
            assertTrue(m.find());
            byte[] fixed = bytes(m.replaceFirst("\"prev\":\"" + hex(prev) + "\""));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev);
            prev = sha.digest(fixed);
            out.add(fixed);
        }
        return out;
    }

    private static String rechainedHead(List<byte[]> payloads) throws Exception {
        byte[] prev = new byte[32];
        for (byte[] p : payloads) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev);
            prev = sha.digest(p);
        }
        return hex(prev);
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }
}
