package dev.tenderkit.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Failures before the request's first byte was written are "not sent", whatever the exception type. */
class NotSentTest {

    @Test
    void aRefusedConnectionIsNotSent() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        HttpOutcome outcome = Requests.fastTransport().build()
                .execute(Requests.pay(URI.create("http://127.0.0.1:" + closedPort + "/gateway.do")));

        assertEquals(NotSentReason.CONNECT_FAILED, assertInstanceOf(HttpOutcome.NotSent.class, outcome).reason());
    }

    @Test
    void aReadTimeoutDuringTheTlsHandshakeIsNotSentNotUnknown() throws Exception {
        AtomicInteger bytesReceived = new AtomicInteger();
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket socket = silent.accept()) {
                    byte[] buffer = new byte[4096];
                    int n;
                    while ((n = socket.getInputStream().read(buffer)) > 0) {
                        bytesReceived.addAndGet(n); // the ClientHello; never answered
                    }
                } catch (java.io.IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            HttpOutcome outcome = Requests.fastTransport().build()
                    .execute(Requests.pay(URI.create("https://127.0.0.1:" + silent.getLocalPort() + "/gateway.do")));

            HttpOutcome.NotSent notSent = assertInstanceOf(HttpOutcome.NotSent.class, outcome);
            assertEquals(NotSentReason.TLS_FAILED, notSent.reason());
            assertInstanceOf(java.net.SocketTimeoutException.class, notSent.cause(),
                    "the same exception type that means READ_TIMEOUT after sending");
        }
    }

    @Test
    void aCallCancelledBeforeItStartedIsNotSent() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            GatewayCall call = Requests.fastTransport().build().newCall(Requests.pay(server.url("/gateway.do")));
            call.cancel();

            HttpOutcome outcome = call.execute();

            assertEquals(NotSentReason.CANCELED, assertInstanceOf(HttpOutcome.NotSent.class, outcome).reason());
            assertEquals(0, server.requestCount());
        }
    }

    @Test
    void anUnresolvableHostIsNotSent() {
        HttpOutcome outcome = Requests.fastTransport().build()
                .execute(Requests.pay(URI.create("http://no-such-host.invalid/gateway.do")));

        assertEquals(NotSentReason.DNS_FAILURE, assertInstanceOf(HttpOutcome.NotSent.class, outcome).reason());
    }
}
