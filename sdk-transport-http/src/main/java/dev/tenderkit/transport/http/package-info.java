/**
 * HTTP transport for payment gateways: OkHttp underneath a small, safe face.
 *
 * <p>{@link dev.tenderkit.transport.http.GatewayTransport} sends one
 * {@link dev.tenderkit.transport.http.GatewayRequest} and answers with a sealed
 * {@link dev.tenderkit.transport.http.HttpOutcome}: a response that was received, a request that
 * provably never left ({@code NotSent}, safe to retry), or a request that may have reached the
 * gateway ({@code OutcomeUnknown}, which must be queried, never assumed). A request that may have
 * left is never sent a second time by this transport.
 *
 * <p>Everything in {@code dev.tenderkit.transport.http.internal} is not public API.
 */
package dev.tenderkit.transport.http;
