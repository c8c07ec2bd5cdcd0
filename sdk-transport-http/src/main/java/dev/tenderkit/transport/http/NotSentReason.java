package dev.tenderkit.transport.http;

/**
 * Why a request provably never left this process. Every one of these is safe to retry: the
 * gateway cannot have seen the request.
 */
public enum NotSentReason {
    /** The gateway's host name did not resolve. */
    DNS_FAILURE,
    /** No TCP connection could be made: refused, unreachable, or the connect timeout passed. */
    CONNECT_FAILED,
    /** The TLS handshake failed (untrusted certificate, wrong host name, protocol mismatch, timeout). */
    TLS_FAILED,
    /** The server's certificate chain matched none of the configured SPKI pins. */
    CERTIFICATE_PINNING_FAILED,
    /** The call was cancelled before any byte of the request was written. */
    CANCELED,
    /** The call timeout passed before any byte of the request was written (for example a slow DNS). */
    CALL_TIMEOUT,
    /** Any other failure before the request started to be written. */
    OTHER
}
