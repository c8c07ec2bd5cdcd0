package dev.tenderkit.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tenderkit.transport.http.LoopbackServer.Action;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Failures after the request may have left are "outcome unknown", and nothing is ever sent twice. */
class OutcomeUnknownTest {

    @Test
    void aServerThatReadsTheRequestAndNeverAnswersIsOutcomeUnknownAfterTheReadTimeout() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Action.HANG)) {
            HttpOutcome outcome = Requests.fastTransport().build().execute(Requests.pay(server.url("/gateway.do")));

            HttpOutcome.OutcomeUnknown unknown = assertInstanceOf(HttpOutcome.OutcomeUnknown.class, outcome);
            assertEquals(UnknownReason.READ_TIMEOUT, unknown.reason());
            assertEquals(1, server.requestCount());
        }
    }

    @Test
    void aResetAfterTheServerReadTheRequestIsOutcomeUnknownAndIsNotRetried() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Action.RESET)) {
            // the reset is the event: no read timeout may end the call before the server's thread resets it
            HttpOutcome outcome = Requests.patientTransport().build().execute(Requests.pay(server.url("/gateway.do")));

            HttpOutcome.OutcomeUnknown unknown = assertInstanceOf(HttpOutcome.OutcomeUnknown.class, outcome);
            assertEquals(UnknownReason.CONNECTION_LOST, unknown.reason());
            assertEquals(1, server.requestCount());
            assertEquals(1, server.connectionCount());
        }
    }

    @Test
    void aPooledConnectionTheServerDropsOnTheSecondPostIsNeverResent() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Action.RESPOND, Action.CLOSE)) {
            GatewayTransport transport = Requests.patientTransport().build();

            assertInstanceOf(HttpOutcome.Response.class, transport.execute(Requests.pay(server.url("/gateway.do"))));
            HttpOutcome second = transport.execute(Requests.pay(server.url("/gateway.do")));

            assertInstanceOf(HttpOutcome.OutcomeUnknown.class, second);
            assertEquals(2, server.requestCount(), "exactly one POST per call reached the server");
            assertEquals(1, server.connectionCount(), "the second call reused the pooled connection and opened no other");
        }
    }

    @Test
    void aHostClientThatWouldRetryOnConnectionFailureStillDoesNotResend() throws Exception {
        OkHttpClient host = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
        try (LoopbackServer server = new LoopbackServer(Action.RESPOND, Action.RESET)) {
            GatewayTransport transport = Requests.patientTransport().baseClient(host).build();

            transport.execute(Requests.pay(server.url("/gateway.do")));
            HttpOutcome second = transport.execute(Requests.pay(server.url("/gateway.do")));

            assertInstanceOf(HttpOutcome.OutcomeUnknown.class, second);
            assertEquals(2, server.requestCount());
        }
    }

    @Test
    void aHostInterceptorThatProceedsTwiceIsStoppedBeforeTheSecondSend() throws Exception {
        OkHttpClient host = new OkHttpClient.Builder().addInterceptor(chain -> {
            try {
                return chain.proceed(chain.request());
            } catch (java.io.IOException first) {
                return chain.proceed(chain.request());
            }
        }).build();
        try (LoopbackServer server = new LoopbackServer(Action.RESET)) {
            HttpOutcome outcome = Requests.patientTransport().baseClient(host).build()
                    .execute(Requests.pay(server.url("/gateway.do")));

            HttpOutcome.OutcomeUnknown unknown = assertInstanceOf(HttpOutcome.OutcomeUnknown.class, outcome);
            assertEquals(UnknownReason.RESEND_REFUSED, unknown.reason());
            assertEquals(1, server.requestCount());
        }
    }

    @Test
    void theCallTimeoutAfterSendingIsOutcomeUnknown() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Action.HANG)) {
            // the call timeout must outlast sending on a loaded machine (else NotSent), and fire before the read one
            GatewayTransport transport = Requests.patientTransport().connectTimeout(Duration.ofSeconds(2))
                    .callTimeout(Duration.ofSeconds(3)).build();

            HttpOutcome outcome = transport.execute(Requests.pay(server.url("/gateway.do")));

            assertEquals(UnknownReason.CALL_TIMEOUT, assertInstanceOf(HttpOutcome.OutcomeUnknown.class, outcome).reason());
        }
    }
}
