package dev.tenderkit.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.DocumentLimits;
import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.FeeScheduleReader;
import dev.tenderkit.core.method.PaymentMethods;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Size and depth limits, and comments that are skipped rather than built. */
class DocumentBoundsTest {

    private static final String SCHEDULE_HEAD = """
            {"schema": "tenderkit.fee-schedule/1", "id": "M1", "channels": {"lakala": {"versions": [
              {"id": "v1", "effectiveFrom": "2026-06-01", "methods": {"alipay": {"rate": "0.38%"}}}]}},
              "comment": [""";
    private static final String SCHEDULE_TAIL = "[]]}";

    private static JsonNode parse(String json) {
        return new JsonDocumentParser().parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "doc.json");
    }

    /** A valid fee schedule of exactly {@code size} bytes, most of it a comment of nested arrays. */
    private static String scheduleOfSize(int size) {
        StringBuilder sb = new StringBuilder(size).append(SCHEDULE_HEAD);
        while (sb.length() + 10 + SCHEDULE_TAIL.length() <= size) {
            sb.append("[[[[]]]],");
        }
        sb.append(" ".repeat(size - sb.length() - SCHEDULE_TAIL.length())).append(SCHEDULE_TAIL);
        assertEquals(size, sb.toString().getBytes(StandardCharsets.UTF_8).length);
        return sb.toString();
    }

    @Test
    void aDocumentAtTheDefaultLimitIsReadAndOneByteMoreIsRefused() {
        FeeScheduleReader reader = new FeeScheduleReader(PaymentMethods.standardRegistry());
        FeeSchedule atLimit = reader.read(scheduleOfSize(DocumentLimits.DEFAULT_MAX_BYTES), "fees.json");
        assertEquals("M1", atLimit.id());

        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> reader.read(scheduleOfSize(DocumentLimits.DEFAULT_MAX_BYTES + 1), "fees.json"));
        assertEquals("fees.json", e.source());
        assertTrue(e.problem().startsWith("the document is larger than the limit of 4 MiB (4194304 bytes): it holds at"
                + " least 4194305 bytes"), e.problem());
    }

    @Test
    void theLimitIsSetWhereTheReaderIsBuilt() {
        FeeScheduleReader small = new FeeScheduleReader(PaymentMethods.standardRegistry(), new DocumentLimits(64 * 1024));
        assertEquals("M1", small.read(scheduleOfSize(64 * 1024), "fees.json").id());
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> small.read(scheduleOfSize(64 * 1024 + 1), "fees.json"));
        assertTrue(e.problem().startsWith("the document is larger than the limit of 64 KiB (65536 bytes)"), e.problem());
    }

    @Test
    void anEndlessStreamIsRefusedAfterOneByteBeyondTheLimit() {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return ' ';
            }
        };
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> new JsonDocumentParser(new DocumentLimits(1000)).parse(endless, "/dev/zero"));
        assertEquals(1001, served[0], "reading stops one byte past the limit");
        assertEquals("/dev/zero: the document is larger than the limit of 1000 bytes: it holds at least 1001 bytes;"
                + " is this the right file? If so, raise the limit where the reader is built (DocumentLimits)",
                e.getMessage());
    }

    @Test
    void aLimitOutsideTheRangeNamesTheSetting() {
        assertEquals("maxBytes", assertThrows(ConfigurationException.class, () -> new DocumentLimits(0)).setting());
        assertEquals("maxBytes", assertThrows(ConfigurationException.class,
                () -> new DocumentLimits(DocumentLimits.MAX_BYTES_LIMIT + 1)).setting());
    }

    @Test
    void nestingBeyondTheLimitIsAClearErrorEvenInsideAComment() {
        String deep = "[".repeat(DocumentLimits.MAX_NESTING_DEPTH) + "]".repeat(DocumentLimits.MAX_NESTING_DEPTH);
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> parse("{\"comment\": " + deep + "}"));
        assertEquals("nesting depth exceeds the limit of 64 arrays and objects inside each other", e.problem());
        assertEquals(1, e.line());

        String deepest = "[".repeat(DocumentLimits.MAX_NESTING_DEPTH - 1) + "]".repeat(DocumentLimits.MAX_NESTING_DEPTH - 1);
        assertEquals(JsonNode.Kind.ARRAY, parse("{\"comment\": " + deepest + "}").required("comment").kind());
    }

    @Test
    void aNumberOrAStringOverItsLimitIsNamedWithItsLength() {
        MalformedDocumentException number = assertThrows(MalformedDocumentException.class,
                () -> parse("{\"rate\": " + "1".repeat(65) + "}"));
        assertEquals("a number of 65 characters is longer than the limit of 64", number.problem());
        assertEquals("/rate", number.path());
        assertEquals("1".repeat(64), parse("{\"rate\": " + "1".repeat(64) + "}").required("rate").raw());

        String big = "x".repeat(1024 * 1024 + 1);
        MalformedDocumentException string = assertThrows(MalformedDocumentException.class,
                () -> new JsonDocumentParser(new DocumentLimits(2 * 1024 * 1024)).parse(
                        new ByteArrayInputStream(("[\"" + big + "\"]").getBytes(StandardCharsets.UTF_8)), "big.json"));
        assertEquals("a string of 1048577 characters is longer than the limit of 1048576", string.problem());
    }

    @Test
    void aCommentsObjectOrArrayIsNotBuilt() {
        JsonNode root = parse("{\"comment\": {\"a\": [1, 2], \"a\": {\"b\": true}}, \"x\": {\"comment\": [[1], [2]]}}");
        JsonNode comment = root.required("comment");
        assertEquals(JsonNode.Kind.OBJECT, comment.kind());
        assertTrue(comment.fields().isEmpty(), "skipped: not even its repeated key was looked at");
        assertTrue(root.required("x").required("comment").elements().isEmpty());
        assertEquals("text", parse("{\"comment\": \"text\"}").required("comment").string());
    }

    @Test
    void nestedCommentsAreAcceptedOnEveryObjectOfAFeeSchedule() {
        String c = "\"comment\": [[\"note\"], {\"by\": [1, 2]}]";
        String json = "{\"schema\": \"tenderkit.fee-schedule/1\", \"id\": \"M1\", " + c + ", \"channels\": {\"lakala\": {"
                + c + ", \"versions\": [{" + c + ", \"id\": \"v1\", \"effectiveFrom\": \"2026-06-01\", \"methods\": {"
                + "\"alipay\": {" + c + ", \"rate\": \"0.38%\", \"settlement\": {\"D0\": {" + c + ", \"rate\": \"0.05%\"}},"
                + " \"waiver\": {" + c + ", \"monthlyVolume\": \"100.00\"}},"
                + " \"alipay.huabei.installment.6\": {\"rate\": \"0.60%\", \"installment\": {" + c
                + ", \"rate\": \"4.50%\", \"sellerPercent\": 0}}}}]}}}";
        FeeSchedule schedule = new FeeScheduleReader(PaymentMethods.standardRegistry()).read(json, "fees.json");
        assertEquals("M1", schedule.id());
    }

    @Test
    void aCommentWhereTheFormatAllowsNoneIsStillRefusedAtItsPlace() {
        JsonNode root = parse("{\"name\": {\"zh\": \"拉卡拉\", \"en\": \"Lakala\",\n \"comment\": [[1], {\"z\": 2}]}}");
        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> JsonValues.text(root.required("name")));
        assertEquals("/name/comment", e.path());
        assertEquals(2, e.line());
        assertEquals(13, e.column());
        assertTrue(e.problem().startsWith("unknown field \"comment\""), e.problem());
    }

    @Test
    void pointersAreComputedOnDemandWithEscapes() {
        JsonNode root = parse("{\"a/b\": [{\"c~d\": [0, 1, {\"e\": null}]}]}");
        JsonNode e = root.required("a/b").elements().get(0).required("c~d").elements().get(2);
        assertEquals("/a~1b/0/c~0d/2", e.path());
        assertEquals("/a~1b/0/c~0d/2/e", e.fields().get("e").path());
        assertEquals("", root.path());
    }
}
