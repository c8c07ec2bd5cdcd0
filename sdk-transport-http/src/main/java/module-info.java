/**
 * The gateway transport over OkHttp: one shared client, timeouts, no resend of a request that may
 * have left, "not sent" kept apart from "outcome unknown", redacted logging, metrics, pinning.
 *
 * <p>Exports {@code dev.tenderkit.transport.http} only; {@code dev.tenderkit.transport.http.internal}
 * (what the transport is made of) is not exported. OkHttp is required transitively: a host
 * application may hand its own {@code OkHttpClient} to {@code GatewayTransport.Builder.baseClient}.
 */
module dev.tenderkit.transport.http {
    requires transitive dev.tenderkit.core;
    requires transitive okhttp3;
    requires org.slf4j;

    exports dev.tenderkit.transport.http;
}
