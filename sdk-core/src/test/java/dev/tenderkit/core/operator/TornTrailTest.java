package dev.tenderkit.core.operator;

import static dev.tenderkit.core.operator.Till.LI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.payment.journal.AppendOnlyJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash in the middle of appending an entry: the files as the crash left them (the trail never
 * closed, its anchor as the open wrote it), the last record cut at every byte. Each is a torn tail,
 * reported as such, not a break; the chain goes on from the entry before it.
 */
class TornTrailTest {

    @TempDir
    Path fallback;
    Path dir;

    @AfterEach
    void clean() {
        if (dir != null) {
            TrailFiles.delete(dir);
        }
    }

    @Test
    void aLastEntryCutAtAnyByteIsATornTailAndTheChainGoesOn() throws IOException {
        dir = TrailFiles.scratch(fallback);
        Path live = dir.resolve("live.trail");
        byte[] image;
        byte[] anchorImage;
        TrailHead afterTwo;
        try (AuditTrail t = AuditTrail.open(live, AuditTrail.Options.durable(TrailFiles.CLOCK))) {
            t.note(LI, "A1", "refund R1 approved");
            t.note(LI, "A2", "drawer counted");
            afterTwo = t.head();
            t.note(LI, "A3", "the entry the crash cuts");
            image = Files.readAllBytes(live);   // what the disk holds at the crash: the trail is still open
            anchorImage = Files.readAllBytes(AppendOnlyJournal.anchorFile(live));
        }
        int last = TrailFiles.offsets(image).get(2);
        Path file = dir.resolve("crashed.trail");
        for (int cut = last + 1; cut < image.length; cut++) {
            for (Path side : Files.list(dir).filter(p -> p.getFileName().toString().startsWith("crashed")).toList()) {
                Files.delete(side);
            }
            int at = cut;
            Files.write(file, Arrays.copyOf(image, cut));
            Files.write(AppendOnlyJournal.anchorFile(file), anchorImage);
            try (AuditTrail t = AuditTrail.open(file, AuditTrail.Options.durable(TrailFiles.CLOCK))) {
                TrailVerification v = t.verification();
                assertTrue(v.isIntact(), "cut at " + cut + ": " + v.breaks());
                TrailVerification.TornTail torn = v.tornTail().orElseThrow(() -> new AssertionError("cut at " + at));
                assertEquals(3, torn.entry());
                assertEquals(last, torn.offset());
                assertEquals(cut - last, torn.bytes());
                assertTrue(Files.exists(torn.savedCopy().orElseThrow()));
                assertEquals(afterTwo, t.head());
                assertEquals(List.of("refund R1 approved", "drawer counted"),
                        t.entries().stream().map(TrailEntry::detail).toList());
                assertEquals(3, t.note(LI, "A3", "written again after the restart").seq());
            }
            try (AuditTrail t = AuditTrail.open(file, AuditTrail.Options.durable(TrailFiles.CLOCK))) {
                assertTrue(t.verification().isIntact() && t.verification().tornTail().isEmpty(), "cut at " + cut);
                assertEquals(3, t.head().entries());
            }
        }
    }
}
