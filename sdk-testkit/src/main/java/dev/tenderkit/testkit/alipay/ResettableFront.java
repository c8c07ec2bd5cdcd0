package dev.tenderkit.testkit.alipay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * A TCP relay on loopback in front of the JDK HTTP server, so that the simulator can really
 * <em>reset</em> a client's connection (RST, via SO_LINGER 0), which {@code HttpServer} cannot do
 * itself: it only ever closes politely. Each client connection gets its own connection to the HTTP
 * server; the handler finds the client by the port the relay connected from.
 */
final class ResettableFront implements AutoCloseable {
    private final java.util.concurrent.atomic.AtomicInteger resets = new java.util.concurrent.atomic.AtomicInteger();
    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ExecutorService threads;
    /** Relay's local port towards the HTTP server → the client's socket. */
    private final Map<Integer, Socket> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ResettableFront(InetSocketAddress backend, ExecutorService threads) throws IOException {
        this.backend = backend;
        this.threads = threads;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            try {
                Socket server = new Socket(backend.getAddress(), backend.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                int key = server.getLocalPort();
                clients.put(key, client);
                threads.execute(() -> pump(client, server, key));
                threads.execute(() -> pump(server, client, key));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to, int key) {
        byte[] buf = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away; close both below
        } finally {
            clients.remove(key);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /**
     * Resets the client connection that reached the HTTP server from {@code relayPort}.
     *
     * @return whether a connection was found and reset
     */
    boolean reset(int relayPort) {
        Socket client = clients.remove(relayPort);
        if (client == null) {
            return false;
        }
        // Counted before the socket closes: the client sees the reset at once and may ask right away.
        resets.incrementAndGet();
        try {
            client.setSoLinger(true, 0);
        } catch (IOException e) {
            // closing still ends the connection
        }
        closeQuietly(client);
        return true;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** @return connections reset so far */
    int resets() {
        return resets.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // nothing to do
        }
        clients.values().forEach(ResettableFront::closeQuietly);
        clients.clear();
    }
}
