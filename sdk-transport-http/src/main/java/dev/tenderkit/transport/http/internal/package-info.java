/**
 * Not public API: the pieces {@link dev.tenderkit.transport.http.GatewayTransport} is made of
 * (send tracking, resend guard, failure classification, log redaction). May change in any release.
 */
package dev.tenderkit.transport.http.internal;
