package io.openvod.loadtest.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the answers of one keep-alive connection with at most one request in flight: a status line, headers and
 * a body framed by Content-Length, which is all the gateway sends. It replaces Netty's HTTP decoder and aggregator,
 * a large part of the generator's per-request CPU and of what its JIT compiled. Whatever it cannot frame (chunked
 * bodies, bytes nobody asked for, not HTTP/1.x) fails loudly, as a connection failure.
 */
final class ResponseReader {

    private static final int MAX_ANSWER = 1 << 20;
    private static final byte[] HTTP_1 = ascii("http/1.");
    private static final byte[] CONTENT_LENGTH = ascii("content-length:");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding:");

    private byte[] bytes = new byte[4096];
    private int length;
    /** Where the body starts, once the blank line after the headers is in; -1 before. */
    private int bodyStart = -1;
    private int contentLength;
    private int status;
    private boolean complete;

    /** Takes in received bytes; true once a whole answer is in, which {@link #status} and {@link #body} then tell. */
    boolean read(ByteBuf in) {
        if (complete) {
            startNextAnswer();
        }
        append(in);
        if (bodyStart < 0) {
            readHead();
        }
        if (bodyStart >= 0 && length >= bodyStart + contentLength) {
            if (length > bodyStart + contentLength) {
                throw new IllegalStateException("bytes after the answer, but no request was waiting for them");
            }
            complete = true;
        }
        return complete;
    }

    int status() {
        return status;
    }

    String body() {
        return new String(bytes, bodyStart, contentLength, StandardCharsets.UTF_8);
    }

    private void startNextAnswer() {
        length = 0;
        bodyStart = -1;
        complete = false;
    }

    private void append(ByteBuf in) {
        int readable = in.readableBytes();
        if (length + readable > MAX_ANSWER) {
            throw new IllegalStateException("an answer over " + MAX_ANSWER + " bytes");
        }
        if (length + readable > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + readable));
        }
        in.readBytes(bytes, length, readable);
        length += readable;
    }

    /** Once the headers are all in: the status code, the body's start and its length. */
    private void readHead() {
        int end = indexOfBlankLine();
        if (end < 0) {
            return;
        }
        if (end < 12 || !startsWith(0, HTTP_1)) {
            throw new IllegalStateException("not an HTTP/1.x answer: " + new String(bytes, 0, Math.min(end, 40),
                    StandardCharsets.ISO_8859_1));
        }
        status = parseDecimal(9, 12);
        contentLength = -1;
        for (int line = nextLine(0); line < end; line = nextLine(line)) {
            if (startsWith(line, CONTENT_LENGTH)) {
                contentLength = parseDecimal(skipSpaces(line + CONTENT_LENGTH.length), lineEnd(line));
            } else if (startsWith(line, TRANSFER_ENCODING)) {
                throw new IllegalStateException("a Transfer-Encoding answer: only Content-Length bodies are read");
            }
        }
        if (contentLength < 0) {
            throw new IllegalStateException("an answer without Content-Length");
        }
        bodyStart = end + 4;
    }

    private int indexOfBlankLine() {
        for (int i = 0; i + 3 < length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int nextLine(int from) {
        return lineEnd(from) + 2;
    }

    private int lineEnd(int from) {
        int at = from;
        while (bytes[at] != '\r') {
            at++;
        }
        return at;
    }

    private int skipSpaces(int from) {
        int at = from;
        while (bytes[at] == ' ' || bytes[at] == '\t') {
            at++;
        }
        return at;
    }

    /** Whether the bytes at {@code at} are {@code lowerCase}, ignoring ASCII case (header names have none). */
    private boolean startsWith(int at, byte[] lowerCase) {
        if (at + lowerCase.length > length) {
            return false;
        }
        for (int i = 0; i < lowerCase.length; i++) {
            int b = bytes[at + i];
            if ((b >= 'A' && b <= 'Z' ? b | 0x20 : b) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private int parseDecimal(int from, int to) {
        int end = to;
        while (end > from && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            end--;
        }
        if (from == end || end - from > 9) {
            throw new IllegalStateException("not a number in the answer's head");
        }
        int value = 0;
        for (int i = from; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalStateException("not a number in the answer's head");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
