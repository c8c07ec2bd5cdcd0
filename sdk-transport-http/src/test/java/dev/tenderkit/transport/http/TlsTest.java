package dev.tenderkit.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.CertificatePinner;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TLS to a real loopback server: trusted works, untrusted and wrongly pinned are "not sent". */
class TlsTest {

    private final HeldCertificate serverCertificate = new HeldCertificate.Builder()
            .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostName())
            .addSubjectAlternativeName("127.0.0.1").build();
    private final HandshakeCertificates trustsServer = new HandshakeCertificates.Builder()
            .addTrustedCertificate(serverCertificate.certificate()).build();
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCertificate).build().sslSocketFactory());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aServerWithTheRightPinAnswers() {
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        GatewayTransport transport = Requests.patientTransport().trustManager(trustsServer.trustManager())
                .certificatePin(server.getHostName(), CertificatePinner.pin(serverCertificate.certificate())).build();

        HttpOutcome outcome = transport.execute(Requests.pay(server.url("/gateway.do").uri()));

        assertEquals("ok", assertInstanceOf(HttpOutcome.Response.class, outcome).rawBody());
    }

    @Test
    void theHttpsClientIsBuiltAtTheFirstHttpsCallAndServesItsVariantsToo() throws Exception {
        try (MockWebServer plain = new MockWebServer()) {
            plain.start();
            plain.enqueue(new MockResponse.Builder().code(200).body("plain").build());
            server.enqueue(new MockResponse.Builder().code(200).body("tls").build());
            server.enqueue(new MockResponse.Builder().code(200).body("variant").build());
            GatewayTransport transport = Requests.patientTransport().trustManager(trustsServer.trustManager()).build();

            HttpOutcome overHttp = transport.execute(Requests.pay(plain.url("/gateway.do").uri()));
            assertEquals("plain", assertInstanceOf(HttpOutcome.Response.class, overHttp).rawBody());
            assertFalse(transport.tlsReady(), "an http call must not build the TLS client");

            HttpOutcome overHttps = transport.execute(Requests.pay(server.url("/gateway.do").uri()));
            assertEquals("tls", assertInstanceOf(HttpOutcome.Response.class, overHttps).rawBody());
            assertTrue(transport.tlsReady());

            GatewayTransport variant = transport.newBuilder().readTimeout(java.time.Duration.ofSeconds(3)).build();
            HttpOutcome fromVariant = variant.execute(Requests.pay(server.url("/gateway.do").uri()));
            assertEquals("variant", assertInstanceOf(HttpOutcome.Response.class, fromVariant).rawBody());
        }
    }

    @Test
    void aPinMismatchIsNotSentAndTheServerSeesNoRequest() {
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        GatewayTransport transport = Requests.patientTransport().trustManager(trustsServer.trustManager())
                .certificatePin(server.getHostName(), "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").build();

        HttpOutcome outcome = transport.execute(Requests.pay(server.url("/gateway.do").uri()));

        assertEquals(NotSentReason.CERTIFICATE_PINNING_FAILED, assertInstanceOf(HttpOutcome.NotSent.class, outcome).reason());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aCertificateThePlatformDoesNotTrustIsNotSent() {
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());

        HttpOutcome outcome = Requests.patientTransport().build().execute(Requests.pay(server.url("/gateway.do").uri()));

        assertEquals(NotSentReason.TLS_FAILED, assertInstanceOf(HttpOutcome.NotSent.class, outcome).reason());
        assertEquals(0, server.getRequestCount());
    }
}
