package dev.tenderkit.testkit.alipay;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The simulator's network side: the JDK HTTP server on a free loopback port answering through a
 * {@link GatewayDispatch} (and bill downloads through {@link BillDownloads}), the {@link ResettableFront} clients really connect to (so that a fault
 * can reset a connection), and the daemon threads both run on. Thread-safe.
 */
final class GatewayServer implements AutoCloseable {
    private final ExecutorService threads;
    private final HttpServer server;
    private final ResettableFront front;
    private final GatewayDispatch dispatch;

    /**
     * Starts listening.
     *
     * @throws IOException if the server or its front cannot listen; nothing is left running then
     */
    GatewayServer(WalletState state, RequestCheck check, ResponseRenderer renderer, FaultRules faults, String pid)
            throws IOException {
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "simulated-alipay");
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
            this.front = new ResettableFront(server.getAddress(), threads);
        } catch (IOException e) {
            server.stop(0);
            threads.shutdownNow();
            throw e;
        }
        BillDownloads bills = new BillDownloads(state, pid, front.port());
        this.dispatch = new GatewayDispatch(state, check, renderer, faults, front, bills.urlQuery());
        server.createContext("/", dispatch);
        server.createContext("/downloadBillFile.resource", bills);
        server.start();
    }

    /** @return the port clients connect to (the front's) */
    int port() {
        return front.port();
    }

    /** @return every request received, in order */
    List<SimulatedAlipay.Received> received() {
        return dispatch.received();
    }

    /** @return how many connections were reset */
    int resets() {
        return front.resets();
    }

    @Override
    public void close() {
        front.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
