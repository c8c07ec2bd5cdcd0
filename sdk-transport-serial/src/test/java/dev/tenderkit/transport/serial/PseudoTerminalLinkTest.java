package dev.tenderkit.transport.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JSerialCommLink} on real pseudo-terminal pairs made by socat. */
class PseudoTerminalLinkTest {

    static final SerialPortSettings FAST = SerialPortSettings.builder().baudRate(115200).build();
    static final ReconnectBackoff QUICK = new ReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200));

    private SocatPair socat;
    private ExecutorTaskScheduler scheduler;
    private JSerialCommLink a;
    private JSerialCommLink b;

    @BeforeEach
    void setUp() throws Exception {
        socat = SocatPair.start();
        scheduler = ExecutorTaskScheduler.create("pty-test-scheduler", 1);
        a = JSerialCommLink.builder(socat.a()).settings(FAST).reconnectBackoff(QUICK).scheduler(scheduler).build();
        b = JSerialCommLink.builder(socat.b()).settings(FAST).reconnectBackoff(QUICK).scheduler(scheduler).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (socat != null) {
            socat.close();
        }
    }

    static byte[] readExactly(BlockingQueue<byte[]> received, int count) throws InterruptedException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (got.size() < count) {
            byte[] chunk = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (chunk == null) {
                throw new AssertionError("only " + got.size() + " of " + count + " bytes arrived within 5 s");
            }
            got.writeBytes(chunk);
        }
        return got.toByteArray();
    }

    @Test
    void linesWrittenAtOneEndArriveAtTheOther() throws Exception {
        BlockingQueue<byte[]> atB = new LinkedBlockingQueue<>();
        a.open(bytes -> { });
        b.open(atB::add);
        byte[] line = "2851234567890123\r\n".getBytes(StandardCharsets.US_ASCII);
        a.write(line);
        assertArrayEquals(line, readExactly(atB, line.length));
        assertEquals(LinkState.OPEN, a.state());
    }

    @Test
    void aLargeWriteArrivesWhole() throws Exception {
        BlockingQueue<byte[]> atB = new LinkedBlockingQueue<>();
        a.open(bytes -> { });
        b.open(atB::add);
        byte[] data = new byte[20_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        a.write(data);
        assertArrayEquals(data, readExactly(atB, data.length));
    }

    @Test
    void aMissingPortIsReportedWithItsPath() {
        JSerialCommLink missing = JSerialCommLink.builder(socat.a() + "-missing").scheduler(scheduler).build();
        SerialTransportException e = assertThrows(SerialTransportException.class, () -> missing.open(bytes -> { }));
        assertEquals(SerialFailure.PORT_UNAVAILABLE, e.failure());
        assertTrue(e.getMessage().contains(socat.a() + "-missing"), e.getMessage());
        assertEquals(LinkState.CLOSED, missing.state());
    }

    @Test
    void thePeerVanishingIsDetectedAndTheLinkReconnectsWhenItComesBack() throws Exception {
        BlockingQueue<LinkStateChange> changes = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> atB = new LinkedBlockingQueue<>();
        b.addStateListener(changes::add);
        b.open(atB::add);
        assertEquals(LinkState.OPEN, changes.poll(5, TimeUnit.SECONDS).current());

        socat.kill();
        LinkStateChange lost = changes.poll(5, TimeUnit.SECONDS);
        assertEquals(LinkState.RECONNECTING, lost != null ? lost.current() : null, "the vanished peer was not noticed");
        assertThrows(SerialTransportException.class, () -> b.write(new byte[] {1}));

        socat.restart();
        LinkStateChange back = changes.poll(5, TimeUnit.SECONDS);
        assertEquals(LinkState.OPEN, back != null ? back.current() : null, "the link did not come back");

        a.open(bytes -> { });
        byte[] hello = "again".getBytes(StandardCharsets.US_ASCII);
        a.write(hello);
        assertArrayEquals(hello, readExactly(atB, hello.length));
    }

    @Test
    void closingStopsReconnecting() throws Exception {
        BlockingQueue<LinkStateChange> changes = new LinkedBlockingQueue<>();
        b.addStateListener(changes::add);
        b.open(bytes -> { });
        socat.kill();
        changes.poll(5, TimeUnit.SECONDS);
        assertEquals(LinkState.RECONNECTING, changes.poll(5, TimeUnit.SECONDS).current());
        b.close();
        assertEquals(LinkState.CLOSED, changes.poll(5, TimeUnit.SECONDS).current());
        socat.restart();
        assertEquals(null, changes.poll(300, TimeUnit.MILLISECONDS), "a closed link must stay closed");
    }

    @Test
    void theBuilderNamesAMissingPath() {
        assertEquals("path", assertThrows(ConfigurationException.class,
                () -> JSerialCommLink.builder(" ").scheduler(scheduler).build()).setting());
        assertEquals("scheduler", assertThrows(ConfigurationException.class,
                () -> JSerialCommLink.builder("/dev/ttyS0").build()).setting());
    }
}
