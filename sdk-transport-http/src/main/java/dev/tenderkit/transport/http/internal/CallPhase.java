package dev.tenderkit.transport.http.internal;

/** How far one call got, as told by OkHttp's events; ordered from earliest to latest. */
enum CallPhase {
    /** Nothing happened yet. */
    STARTED,
    /** Resolving the host name ({@code dnsStart}). */
    DNS,
    /** Opening the TCP connection ({@code connectStart}). */
    CONNECTING,
    /** TLS handshake and pin check ({@code secureConnectStart}). */
    SECURING,
    /** A connection is held, nothing of the request written yet ({@code connectionAcquired}). */
    CONNECTED,
    /** The request's headers started to be written ({@code requestHeadersStart}): it may have left. */
    SENDING,
    /** The response's headers started to arrive ({@code responseHeadersStart}). */
    RECEIVING_HEADERS,
    /** The response's body started to arrive ({@code responseBodyStart}). */
    RECEIVING_BODY
}
