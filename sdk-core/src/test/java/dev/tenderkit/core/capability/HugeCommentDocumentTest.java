package dev.tenderkit.core.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.DocumentLimits;
import dev.tenderkit.core.MalformedDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 10 MB description whose {@code comment} holds millions of nested arrays, the document that
 * used to exhaust a 512 MB heap. Surefire runs this class alone in a JVM with {@code -Xmx256m}
 * (see the {@code bounded-heap} execution in this module's POM); the assertions are on the
 * outcome, not on memory.
 */
class HugeCommentDocumentTest {

    private static final String SAMPLE = "doctor-scenarios.sample.json";
    private static final int TEN_MB = 10_000_000;

    private static String sample() throws IOException {
        try (InputStream in = HugeCommentDocumentTest.class.getResourceAsStream(SAMPLE)) {
            assertNotNull(in, "test fixture " + SAMPLE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The sample scenarios with their top-level comment replaced by about 10 MB of nested arrays. */
    static String withHugeComment(String document, int size) {
        int at = document.indexOf("\"comment\": \"");
        int end = document.indexOf("\",", at + 12) + 1;
        StringBuilder comment = new StringBuilder(size + 64).append('[');
        while (comment.length() < size) {
            comment.append("[[[[[[]]]],[[]]],[]],");
        }
        comment.append("[]]");
        return document.substring(0, at) + "\"comment\": " + comment + document.substring(end);
    }

    @Test
    void aTenMegabyteDescriptionIsRefusedByTheDefaultLimitWithTheFileTheLimitAndTheSize() throws IOException {
        String huge = withHugeComment(sample(), TEN_MB);

        MalformedDocumentException e = assertThrows(MalformedDocumentException.class,
                () -> new CheckoutDescriptionReader().read(huge, "counter-7.json"));

        assertEquals("counter-7.json", e.source());
        assertEquals("the document is larger than the limit of 4 MiB (4194304 bytes): it holds at least "
                + huge.getBytes(StandardCharsets.UTF_8).length + " bytes; is this the right file? If so, raise the limit"
                + " where the reader is built (DocumentLimits)", e.problem());
        assertTrue(e.getMessage().startsWith("counter-7.json: the document is larger"), e.getMessage());
    }

    @Test
    void withTheLimitRaisedTheHugeCommentIsSkippedAndTheScenariosAreRead() throws IOException {
        String sample = sample();
        String huge = withHugeComment(sample, TEN_MB);
        CheckoutDescriptionReader reader = new CheckoutDescriptionReader(new DocumentLimits(16 * 1024 * 1024));

        List<CheckoutDescription> read = reader.read(huge, "counter-7.json");

        List<CheckoutDescription> expected = new CheckoutDescriptionReader().read(sample, SAMPLE);
        assertEquals(expected.stream().map(CheckoutDescription::label).toList(),
                read.stream().map(CheckoutDescription::label).toList());
    }
}
