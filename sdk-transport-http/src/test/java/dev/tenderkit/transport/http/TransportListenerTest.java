package dev.tenderkit.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.transport.http.LoopbackServer.Action;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The metrics listener hears every call once, by operation, and cannot break a call. */
class TransportListenerTest {

    /** Records what it hears. */
    private static final class Recording implements TransportListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Duration> latencies = new CopyOnWriteArrayList<>();

        @Override
        public void responseReceived(String operation, int status, Duration latency) {
            events.add(operation + " " + status);
            latencies.add(latency);
        }

        @Override
        public void notSent(String operation, NotSentReason reason, Duration latency) {
            events.add(operation + " " + reason);
            latencies.add(latency);
        }

        @Override
        public void outcomeUnknown(String operation, UnknownReason reason, Duration latency) {
            events.add(operation + " " + reason);
            latencies.add(latency);
        }
    }

    @Test
    void everyOutcomeIsReportedWithItsOperationAndLatency() throws Exception {
        Recording recording = new Recording();
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (LoopbackServer server = new LoopbackServer(Action.RESPOND, Action.HANG)) {
            // a read timeout long enough for the first, answered call on a loaded machine; the hang then ends at it
            GatewayTransport transport = Requests.fastTransport().readTimeout(Duration.ofSeconds(3))
                    .listener(recording).build();

            transport.execute(Requests.pay(server.url("/gateway.do")));
            transport.execute(Requests.pay(server.url("/gateway.do")));
            transport.execute(Requests.pay(URI.create("http://127.0.0.1:" + closedPort + "/")));
        }

        assertEquals(List.of("alipay.trade.pay 200", "alipay.trade.pay READ_TIMEOUT", "alipay.trade.pay CONNECT_FAILED"),
                recording.events);
        assertTrue(recording.latencies.get(1).compareTo(Duration.ofSeconds(3)) >= 0, recording.latencies.toString());
    }

    @Test
    void aListenerThatThrowsDoesNotChangeTheOutcome() throws Exception {
        TransportListener broken = new TransportListener() {
            @Override
            public void responseReceived(String operation, int status, Duration latency) {
                throw new IllegalStateException("metrics backend down");
            }
        };
        try (LoopbackServer server = new LoopbackServer(Action.RESPOND)) {
            HttpOutcome outcome = Requests.patientTransport().listener(broken).build()
                    .execute(Requests.pay(server.url("/")));

            assertEquals(200, assertInstanceOf(HttpOutcome.Response.class, outcome).status());
        }
    }
}
