package dev.tenderkit.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on loopback for precise fault injection: it reads each whole request,
 * counts it, then does what the script says for that request number. Every request that reaches it
 * on any connection is counted, so a resend cannot go unseen.
 */
final class LoopbackServer implements AutoCloseable {

    /** What to do after reading request number n (0-based). */
    enum Action {
        /** Answer 200 with a small body and keep the connection open. */
        RESPOND,
        /** Never answer; keep the connection open until the server closes. */
        HANG,
        /** Reset the connection (RST, SO_LINGER 0). */
        RESET,
        /** Close the connection cleanly (FIN) without answering. */
        CLOSE
    }

    private final ServerSocket server;
    private final List<Action> script;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    LoopbackServer(Action... script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = List.of(script);
        Thread acceptor = new Thread(this::acceptLoop, "loopback-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** @return requests read whole so far, on every connection */
    int requestCount() {
        return requests.get();
    }

    /** @return connections accepted so far */
    int connectionCount() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread handler = new Thread(() -> serve(socket), "loopback-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closedServer) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (readRequest(in)) {
                int n = requests.getAndIncrement();
                Action action = n < script.size() ? script.get(n) : Action.RESPOND;
                switch (action) {
                    case RESPOND -> {
                        byte[] body = "{\"code\":\"10000\"}".getBytes(StandardCharsets.UTF_8);
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.flush();
                    }
                    case HANG -> {
                        closed.await(30, TimeUnit.SECONDS);
                        return;
                    }
                    case RESET -> {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    case CLOSE -> {
                        return;
                    }
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client went away; nothing to count
        }
    }

    /** Reads one request (headers and a Content-Length body); false at end of stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        if (matched < 4) {
            return false;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return in.readNBytes(length).length == length;
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
