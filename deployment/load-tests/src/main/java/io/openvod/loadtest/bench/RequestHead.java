package io.openvod.loadtest.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.openvod.loadtest.SignedRpc;
import java.nio.charset.StandardCharsets;

/**
 * The request line and headers of the benchmark's requests, made once as bytes: what Netty's HttpRequestEncoder
 * wrote for the same request objects (same headers, same order, same lower-case names), without building and
 * encoding header objects per request.
 */
final class RequestHead {

    private static final byte[] END = {'\r', '\n', '\r', '\n'};

    /** A whole bodiless GET, shared by every such request (written through read-only duplicates). */
    private final ByteBuf get;
    /** A POST's head up to the value of its Content-Length. */
    private final byte[] postUntilLength;

    RequestHead(String path, String host) {
        String common = "host: " + host + "\r\naccept: application/json\r\ncontent-length: ";
        byte[] getBytes = ascii("GET " + path + " HTTP/1.1\r\n" + common + "0\r\n\r\n");
        get = Unpooled.unreleasableBuffer(Unpooled.directBuffer(getBytes.length).writeBytes(getBytes).asReadOnly());
        postUntilLength = ascii("POST " + path + " HTTP/1.1\r\ncontent-type: " + SignedRpc.CONTENT_TYPE + "\r\n" + common);
    }

    /** A bodiless GET request, whole. */
    ByteBuf get() {
        return get.duplicate();
    }

    /** The head of a POST request whose body, written right after it, is {@code contentLength} bytes long. */
    ByteBuf post(ByteBufAllocator alloc, int contentLength) {
        ByteBuf head = alloc.directBuffer(postUntilLength.length + 10 + END.length);
        head.writeBytes(postUntilLength);
        writeDecimal(head, contentLength);
        return head.writeBytes(END);
    }

    private static void writeDecimal(ByteBuf out, int value) {
        int divisor = 1;
        while (divisor <= value / 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.writeByte('0' + value / divisor % 10);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
