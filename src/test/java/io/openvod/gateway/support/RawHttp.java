package io.openvod.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes exactly as written over a socket and reads one answer (the connection is closed by {@code
 * Connection: close}): for requests an HTTP client would refuse to send or would normalise (no Host, malformed
 * escapes, CONNECT, a header twice).
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code head} is the request line and headers, lines separated by CRLF, without the final empty line. */
    public static Answer send(int port, String head) throws IOException {
        return send(port, head, "");
    }

    public static Answer send(int port, String head, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    /**
     * Sends {@code first}, then {@code line} every {@code intervalMillis} (a request head that never ends) until the
     * server closes the connection or {@code giveUpMillis} pass.
     *
     * @return milliseconds from connecting until the server closed the connection, or {@code giveUpMillis}
     */
    public static long trickleUntilClosed(int port, String first, String line, long intervalMillis, long giveUpMillis)
            throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) intervalMillis);
            socket.getOutputStream().write(first.getBytes(StandardCharsets.ISO_8859_1));
            while (elapsedMillis(start) < giveUpMillis) {
                try {
                    socket.getOutputStream().write(line.getBytes(StandardCharsets.ISO_8859_1));
                    if (socket.getInputStream().read() < 0) {
                        return elapsedMillis(start);
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // nothing to read yet: the connection is open, send the next line
                } catch (IOException closed) {
                    return elapsedMillis(start);
                }
            }
            return giveUpMillis;
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Answer parse(String text) {
        if (text.isEmpty()) {
            return new Answer(0, Map.of(), ""); // closed without an answer
        }
        int headEnd = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, headEnd < 0 ? text.length() : headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Answer(status, headers, headEnd < 0 ? "" : text.substring(headEnd + 4));
    }
}
