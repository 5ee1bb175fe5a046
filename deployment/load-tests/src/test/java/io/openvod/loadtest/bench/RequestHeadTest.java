package io.openvod.loadtest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpVersion;
import io.openvod.loadtest.SignedRpc;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ready-made request bytes must be what Netty's encoder wrote for the generator's request objects. */
class RequestHeadTest {

    private static final String HOST = "127.0.0.1:22593";
    private final RequestHead head = new RequestHead("/", HOST);

    @Test
    void writesTheGetNettyWrote() {
        assertEquals(encodedByNetty(get()), text(head.get()));
        assertEquals(encodedByNetty(get()), text(head.get()), "the shared GET is sent again unchanged");
    }

    @Test
    void writesThePostsNettyWrote() {
        for (int length : new int[] {0, 1, 9, 10, 1887, 2021, 1_000_000}) {
            String body = "x".repeat(length);
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                    Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII));
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, SignedRpc.CONTENT_TYPE);
            request.headers().set(HttpHeaderNames.HOST, HOST);
            request.headers().set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON);
            request.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);

            assertEquals(encodedByNetty(request), text(head.post(UnpooledByteBufAllocator.DEFAULT, length)) + body);
        }
    }

    private static FullHttpRequest get() {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        request.headers().set(HttpHeaderNames.HOST, HOST);
        request.headers().set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON);
        request.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        return request;
    }

    private static String encodedByNetty(FullHttpRequest request) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestEncoder());
        channel.writeOutbound(request);
        StringBuilder bytes = new StringBuilder();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            bytes.append(text(part));
        }
        return bytes.toString();
    }

    private static String text(ByteBuf buffer) {
        try {
            return buffer.toString(StandardCharsets.US_ASCII);
        } finally {
            buffer.release();
        }
    }
}
