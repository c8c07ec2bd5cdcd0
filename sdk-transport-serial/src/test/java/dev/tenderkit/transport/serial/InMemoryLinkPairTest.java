package dev.tenderkit.transport.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenderkit.core.time.ManualTaskScheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryLinkPairTest {

    private final ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.parse("2026-11-25T02:00:00Z"));
    private final InMemoryLinkPair pair = InMemoryLinkPair.create(scheduler);
    private final List<byte[]> atDevice = new ArrayList<>();
    private final List<LinkStateChange> hostChanges = new ArrayList<>();

    @Test
    void bytesWrittenAtOneEndArriveAtTheOtherInOrderAndOnlyWhenTheExecutorRuns() {
        pair.hostEnd().open(b -> { });
        pair.deviceEnd().open(atDevice::add);
        pair.hostEnd().write(new byte[] {1, 2});
        pair.hostEnd().write(new byte[] {3});
        assertEquals(0, atDevice.size());
        scheduler.runDueTasks();
        assertArrayEquals(new byte[] {1, 2}, atDevice.get(0));
        assertArrayEquals(new byte[] {3}, atDevice.get(1));
    }

    @Test
    void unpluggingAndPluggingInAreToldToListenersAndStopWrites() {
        pair.hostEnd().addStateListener(hostChanges::add);
        pair.hostEnd().open(b -> { });
        pair.deviceEnd().open(atDevice::add);
        pair.unplug();
        SerialTransportException down = assertThrows(SerialTransportException.class,
                () -> pair.hostEnd().write(new byte[] {1}));
        assertEquals(SerialFailure.NOT_OPEN, down.failure());
        pair.plugIn();
        pair.hostEnd().write(new byte[] {9});
        scheduler.runDueTasks();
        assertEquals(1, atDevice.size());
        assertEquals(List.of(LinkState.OPEN, LinkState.RECONNECTING, LinkState.OPEN),
                hostChanges.stream().map(LinkStateChange::current).toList());
        assertEquals(scheduler.clock().instant(), hostChanges.get(0).at());
    }

    @Test
    void aLinkIsOpenedOnceAndStaysClosedAfterClose() {
        pair.hostEnd().open(b -> { });
        assertEquals(SerialFailure.ALREADY_OPENED,
                assertThrows(SerialTransportException.class, () -> pair.hostEnd().open(b -> { })).failure());
        pair.hostEnd().close();
        pair.plugIn();
        assertEquals(LinkState.CLOSED, pair.hostEnd().state());
    }

    @Test
    void bytesSentToAnEndNobodyOpenedAreLost() {
        pair.hostEnd().open(b -> { });
        pair.hostEnd().write(new byte[] {1});
        pair.deviceEnd().open(atDevice::add);
        scheduler.runDueTasks();
        assertEquals(0, atDevice.size());
    }
}
