package dev.tenderkit.core.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming reader of trail entries: what the codec writes reads back as it was; anything else is named. */
class EntryReaderTest {
    private final TrailCodec codec = new TrailCodec();

    @Test
    void whatTheCodecWritesReadsBackEqual() {
        Random random = new Random(15);
        for (int i = 0; i < 2000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextInt(2_000_000_000), i % 3 == 0 ? 0 : random.nextInt(1_000_000_000)
                    / (i % 2 == 0 ? 1_000_000 : 1) * (i % 2 == 0 ? 1_000_000 : 1));
            TrailEntry e = new TrailEntry(i + 1, at, EntryType.values()[i % EntryType.values().length],
                    i % 5 == 0 ? Optional.empty() : Optional.of(DeskAction.values()[i % 4]), Till.LI,
                    i % 2 == 0 ? Optional.of(Till.WANG) : Optional.empty(), i % 2 == 0 ? Optional.of("PIN") : Optional.empty(),
                    "订单-" + i, Optional.of("T" + i), i % 3 == 0 ? Optional.of("R" + i) : Optional.empty(),
                    Optional.of(Money.ofFen(random.nextInt(1_000_000))), Optional.of("alipay"),
                    i % 4 == 0 ? Optional.of(TrailResult.values()[i % TrailResult.values().length]) : Optional.empty(),
                    i % 7 == 0 ? "" : "退货 \"quoted\" \n line " + i, i % 2 == 1 ? OptionalLong.of(i) : OptionalLong.empty());
            TrailCodec.Decoded d = codec.reader().read(codec.encode(e, TrailHash.GENESIS), "test");
            assertEquals(e, d.entry());
            assertEquals(TrailHash.GENESIS, d.prev());
            assertEquals(at, EntryReader.instant(at.toString()));
        }
    }

    @Test
    void anythingElseIsNamedByFieldAndColumn() {
        String ok = new String(codec.encode(new TrailEntry(1, Instant.parse("2026-12-03T01:00:00Z"), EntryType.NOTE,
                Optional.empty(), Till.LI, Optional.empty(), Optional.empty(), "", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "n", OptionalLong.empty()), TrailHash.GENESIS),
                StandardCharsets.UTF_8);
        assertRejected(ok.replace("\"type\":\"NOTE\"", "\"type\":\"NOPE\""), "/type");
        assertRejected(ok.replace("\"seq\":1", "\"seq\":\"1\""), "/seq");
        assertRejected(ok.replace("\"at\":\"2026-12-03T01:00:00Z\"", "\"at\":\"2026-02-30T01:00:00Z\""), "/at");
        assertRejected(ok.replace("}", ",\"extra\":1}"), "extra");
        assertRejected(ok.replace("\"op\":\"c1\",", ""), "\"op\" is required");
        assertRejected(ok.replace("\"op\":\"c1\"", "\"op\":\"c1\",\"op\":\"c2\""), "twice");
        assertRejected(ok.substring(0, ok.length() - 3), "not a trail entry");
        assertRejected("[1]", "JSON object");
    }

    private void assertRejected(String text, String named) {
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> codec.reader().read(text.getBytes(StandardCharsets.UTF_8), "trail@8"), text);
        assertTrue(e.getMessage().contains(named) && e.getMessage().contains("trail@8"), e.getMessage());
    }

    @Test
    void theReaderSharesTheCodecsFactory() {
        assertTrue(new EntryReader(new JsonFactory()).read(codec.encode(new TrailEntry(3, Instant.EPOCH,
                EntryType.NOTE, Optional.empty(), Till.ZHAO, Optional.empty(), Optional.empty(), "", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", OptionalLong.empty()),
                TrailHash.GENESIS), "x").entry().detail().isEmpty());
    }
}
