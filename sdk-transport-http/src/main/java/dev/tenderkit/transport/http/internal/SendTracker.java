package dev.tenderkit.transport.http.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import java.net.InetAddress;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;

/**
 * Feeds a call's {@link CallState} from OkHttp's events. The event that decides "may have left" is
 * {@code requestHeadersStart}: OkHttp fires it immediately before it writes the first byte of the
 * request to the connection, on every attempt, and fires nothing that writes request bytes before
 * it. Everything earlier (DNS, connect, TLS handshake with the pin check, acquiring a pooled
 * connection) writes no request byte.
 *
 * <p>Per OkHttp's rules for listeners it only sets volatile fields: quick, no I/O, never throws.
 */
final class SendTracker extends EventListener {

    private final CallState state;

    /** @param state the state of the call this listener was created for */
    SendTracker(CallState state) {
        this.state = state;
    }

    @Override
    public void dnsStart(Call call, String domainName) {
        state.advance(CallPhase.DNS);
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
        state.advance(CallPhase.CONNECTING);
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        state.advance(CallPhase.CONNECTING);
    }

    @Override
    public void secureConnectStart(Call call) {
        state.advance(CallPhase.SECURING);
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        // The pin check runs after this event; the phase stays SECURING until a connection is acquired.
    }

    @Override
    public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException e) {
        // Nothing was written on a connection that failed to open; the phase says where it failed.
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        state.advance(CallPhase.CONNECTED);
    }

    @Override
    public void requestHeadersStart(Call call) {
        state.sendStarted();
    }

    @Override
    public void responseHeadersStart(Call call) {
        state.advance(CallPhase.RECEIVING_HEADERS);
    }

    @Override
    public void responseBodyStart(Call call) {
        state.advance(CallPhase.RECEIVING_BODY);
    }
}
