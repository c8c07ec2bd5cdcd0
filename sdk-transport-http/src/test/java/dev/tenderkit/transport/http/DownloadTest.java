package dev.tenderkit.transport.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A download streams to its file, whole or not at all, within its limit; a refusal is read, not saved. */
class DownloadTest {
    private final MockWebServer server = new MockWebServer();
    private final GatewayTransport transport = Requests.patientTransport().build();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GatewayRequest get() {
        return GatewayRequest.get("bill.download", server.url("/bill?token=t").uri()).build();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aWholeBodyIsSavedByteForByte() throws Exception {
        byte[] bill = randomBytes(700_000);
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(bill)).build());
        Path file = dir.resolve("bill.gz");

        HttpDownload.Saved saved = assertInstanceOf(HttpDownload.Saved.class, transport.download(get(), file, 1 << 20));

        assertEquals(bill.length, saved.size());
        assertArrayEquals(bill, Files.readAllBytes(file));
    }

    @Test
    void aChunkedBodyLongerThanTheLimitStopsThereAndLeavesNoFile() throws Exception {
        server.enqueue(new MockResponse.Builder().chunkedBody(new Buffer().write(randomBytes(300_000)), 4096).build());
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(randomBytes(300_000))).build());
        Path file = dir.resolve("bill.gz");

        assertEquals(new HttpDownload.TooLarge(100_000), transport.download(get(), file, 100_000));
        assertFalse(Files.exists(file));
        assertEquals(new HttpDownload.TooLarge(100_000), transport.download(get(), file, 100_000),
                "a declared length over the limit is refused before a byte is written");
        assertFalse(Files.exists(file));
    }

    @Test
    void aRefusalIsReadIntoMemoryAndNothingIsWritten() {
        String json = "{\"code\":\"NO_STATEMENT_EXIST\",\"message\":\"请求的账单文件不存在\"}";
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body(json).build());
        Path file = dir.resolve("bill.gz");

        HttpDownload.Refused refused = assertInstanceOf(HttpDownload.Refused.class,
                transport.download(get(), file, 1 << 20));

        assertEquals(400, refused.response().status());
        assertEquals(json, refused.response().rawBody());
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), refused.response().body());
        assertFalse(Files.exists(file));
    }

    @Test
    void aConnectionCutInsideTheBodyFailsAndLeavesNoHalfFile() {
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(randomBytes(400_000)))
                .onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build());
        Path file = dir.resolve("bill.gz");

        HttpDownload.Failed failed = assertInstanceOf(HttpDownload.Failed.class,
                transport.download(get(), file, 1 << 20));

        assertInstanceOf(HttpOutcome.OutcomeUnknown.class, failed.outcome());
        assertFalse(Files.exists(file));
    }

    @Test
    void aFileThatCannotBeWrittenIsTheDisksFailureNotTheNetworks() {
        server.enqueue(new MockResponse.Builder().body("bill").build());
        Path file = dir.resolve("no-such-dir").resolve("bill.gz");

        assertThrows(UncheckedIOException.class, () -> transport.download(get(), file, 1 << 20));
    }

    @Test
    void onlyGetsWithALimitAreDownloads() {
        GatewayRequest post = GatewayRequest.post("x", server.url("/x").uri()).body("text/plain", new byte[1]).build();
        assertThrows(IllegalArgumentException.class, () -> transport.download(post, dir.resolve("f"), 10));
        assertThrows(IllegalArgumentException.class, () -> transport.download(get(), dir.resolve("f"), 0));
    }
}
