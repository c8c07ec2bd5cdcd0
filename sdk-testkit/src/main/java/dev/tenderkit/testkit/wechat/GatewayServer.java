package dev.tenderkit.testkit.wechat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The simulator's network side: the JDK HTTP server on a free loopback port, the
 * {@link ConnectionRelay} clients really connect to (so a fault can reset a connection), and the
 * daemon threads both run on. Thread-safe.
 */
final class GatewayServer implements AutoCloseable {
    private final ExecutorService threads;
    private final HttpServer server;
    private final ConnectionRelay relay;
    private final GatewayDispatch dispatch;

    /** Starts listening; if it cannot, nothing is left running. */
    GatewayServer(Function<ConnectionRelay, GatewayDispatch> dispatchFor) throws IOException {
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "simulated-wechatpay");
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            threads.shutdownNow();
            throw e;
        }
        server.setExecutor(threads);
        try {
            this.relay = new ConnectionRelay(server.getAddress(), threads);
        } catch (IOException e) {
            server.stop(0);
            threads.shutdownNow();
            throw e;
        }
        this.dispatch = dispatchFor.apply(relay);
        server.createContext("/", dispatch);
        server.start();
    }

    int port() {
        return relay.port();
    }

    GatewayDispatch dispatch() {
        return dispatch;
    }

    int resets() {
        return relay.resets();
    }

    @Override
    public void close() {
        relay.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
