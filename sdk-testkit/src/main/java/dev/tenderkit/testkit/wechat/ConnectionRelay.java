package dev.tenderkit.testkit.wechat;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback in front of the JDK HTTP server, so that a fault can really reset a
 * client's connection (RST, by SO_LINGER 0), which {@code HttpServer} cannot: it only closes
 * politely. Each client connection gets its own connection to the server; the handler names the
 * client by the port the relay connected from. Thread-safe.
 */
final class ConnectionRelay implements AutoCloseable {
    private final AtomicInteger resets = new AtomicInteger();
    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ExecutorService threads;
    /** The relay's local port towards the server → the client's socket. */
    private final Map<Integer, Socket> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ConnectionRelay(InetSocketAddress backend, ExecutorService threads) throws IOException {
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
            // one side went away: both are closed below
        } finally {
            clients.remove(key);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Resets the client connection that reached the server from {@code relayPort}; false if none. */
    boolean reset(int relayPort) {
        Socket client = clients.remove(relayPort);
        if (client == null) {
            return false;
        }
        resets.incrementAndGet();
        try {
            client.setSoLinger(true, 0);
        } catch (IOException e) {
            // closing still ends the connection
        }
        closeQuietly(client);
        return true;
    }

    int resets() {
        return resets.get();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // nothing to do
        }
        clients.values().forEach(ConnectionRelay::closeQuietly);
        clients.clear();
    }
}
