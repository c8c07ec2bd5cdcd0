package dev.tenderkit.transport.http;

/**
 * Why the outcome of a request that may have reached the gateway is unknown. None of these may be
 * read as success or as failure: the caller must query the gateway.
 */
public enum UnknownReason {
    /** The read timeout passed while waiting for the response. */
    READ_TIMEOUT,
    /** The whole-call timeout passed after the request started to be written. */
    CALL_TIMEOUT,
    /** The connection was closed or reset after the request started to be written. */
    CONNECTION_LOST,
    /** The response started but its body did not arrive whole (truncated, reset, timed out). */
    RESPONSE_INCOMPLETE,
    /** The call was cancelled after the request started to be written. */
    CANCELED,
    /** Something (a retry or redirect) tried to send the request a second time and was refused. */
    RESEND_REFUSED,
    /** Any other failure after the request started to be written. */
    OTHER
}
