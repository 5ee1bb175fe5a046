package io.openvod.loadtest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    private static final String THROTTLED = "{\"Code\":\"Throttling.User\",\"Message\":\"é\"}";
    private static final String ANSWER = "HTTP/1.1 400 Bad Request\r\ncontent-length: "
            + THROTTLED.getBytes(StandardCharsets.UTF_8).length + "\r\nContent-Type: application/json;charset=utf-8\r\n"
            + "x-acs-request-id: 24594218-D127-4B6C-9F60-FF657498D9A3\r\n\r\n" + THROTTLED;

    private final ResponseReader reader = new ResponseReader();

    @Test
    void readsAWholeAnswer() {
        assertTrue(read(ANSWER));
        assertEquals(400, reader.status());
        assertEquals(THROTTLED, reader.body());
    }

    @Test
    void waitsForTheLastByteOfAnAnswerReceivedInPieces() {
        byte[] bytes = ANSWER.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length - 1; i++) {
            assertFalse(reader.read(Unpooled.wrappedBuffer(bytes, i, 1)), "complete after byte " + i);
        }
        assertTrue(reader.read(Unpooled.wrappedBuffer(bytes, bytes.length - 1, 1)));
        assertEquals(THROTTLED, reader.body());
    }

    @Test
    void readsOneAnswerAfterTheOtherOnAKeptAliveConnection() {
        assertTrue(read(ANSWER));
        assertTrue(read("HTTP/1.1 200 OK\r\nCONTENT-LENGTH:2 \r\n\r\n{}"));
        assertEquals(200, reader.status());
        assertEquals("{}", reader.body());
        assertTrue(read("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"));
        assertEquals(204, reader.status());
        assertEquals("", reader.body());
    }

    @Test
    void refusesWhatItCannotFrame() {
        assertThrows(IllegalStateException.class,
                () -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"));
        assertThrows(IllegalStateException.class, () -> new ResponseReader().read(buffer("HTTP/1.1 200 OK\r\n\r\n")));
        assertThrows(IllegalStateException.class,
                () -> new ResponseReader().read(buffer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}{}")));
        assertThrows(IllegalStateException.class,
                () -> new ResponseReader().read(buffer("SSH-2.0-OpenSSH_9.2\r\nContent-Length: 0\r\n\r\n")));
        assertThrows(IllegalStateException.class,
                () -> new ResponseReader().read(buffer("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n")));
    }

    private boolean read(String answer) {
        return reader.read(buffer(answer));
    }

    private static ByteBuf buffer(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
