package io.openvod.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on an ephemeral port between the gateway and a shared server (PostgreSQL, Redis), so a test can take it away
 * without touching the server other tests use. {@link #cut()} drops every connection and refuses new ones;
 * {@link #stall()} accepts connections but never answers (a hung server); {@link #restore()} relays again,
 * including on the connections accepted while stalled, as a server that was slow and recovered would.
 * {@link #httpRequests()} counts the HTTP/1.1 request lines clients sent through it (bodiless requests such as HEAD).
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { RELAY, CUT, STALL }

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Socket> stalled = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.RELAY;
    private final java.util.concurrent.atomic.AtomicLong requestLines = new java.util.concurrent.atomic.AtomicLong();
    private static final byte[] REQUEST_LINE_END = " HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        daemon("proxy-accept", this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** HTTP/1.1 request lines relayed from clients to the server so far. */
    public long httpRequests() {
        return requestLines.get();
    }

    public synchronized void cut() {
        mode = Mode.CUT;
        closeAll();
    }

    public synchronized void stall() {
        mode = Mode.STALL;
        closeAll();
    }

    public synchronized void restore() {
        mode = Mode.RELAY;
        for (Socket client : stalled) {
            try {
                relay(client);
            } catch (IOException e) {
                close(client);
            }
        }
        stalled.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeAll();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                synchronized (this) {
                    switch (mode) {
                        case CUT -> client.close();
                        case STALL -> stalled.add(client);
                        case RELAY -> relay(client);
                    }
                }
            } catch (IOException e) {
                // Closed while accepting, or the server refused: the client sees a dropped connection, as intended.
            }
        }
    }

    private void relay(Socket client) throws IOException {
        sockets.add(client);
        Socket upstream;
        try {
            upstream = new Socket(targetHost, targetPort);
        } catch (IOException e) {
            close(client);
            throw e;
        }
        sockets.add(upstream);
        daemon("proxy-up", () -> pump(client, upstream, true));
        daemon("proxy-down", () -> pump(upstream, client, false));
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        int matched = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                for (int i = 0; fromClient && i < read; i++) {
                    matched = buffer[i] == REQUEST_LINE_END[matched] ? matched + 1 : (buffer[i] == REQUEST_LINE_END[0] ? 1 : 0);
                    if (matched == REQUEST_LINE_END.length) {
                        requestLines.incrementAndGet();
                        matched = 0;
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away: close both below.
        } finally {
            close(from);
            close(to);
        }
    }

    private void closeAll() {
        sockets.forEach(TcpProxy::close);
        sockets.clear();
        stalled.forEach(TcpProxy::close);
        stalled.clear();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
