package io.openvod.loadtest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.RegisterBatches;
import io.openvod.loadtest.SignedRpc;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fast signer must send exactly what the straightforward SignedRpc path sends, given the same nonce and time. */
class RegisterMediaSignerTest {

    private static final AccessKey KEY = new AccessKey("LTAI5tExample+/=", "s3cr3t/+=&", "bucket.oss-cn-shanghai.aliyuncs.com");
    private static final String NONCE = "8f8a035d-6496-4268-afd4-67c22837e38d";
    private static final Instant TIME = Instant.parse("2024-02-29T23:59:07Z");

    @Test
    void signsAHotBatchAgainAndAgainLikeSignedRpc() {
        RegisterMediaSigner signer = new RegisterMediaSigner(KEY);
        String json = new RegisterBatches().repeatedBatch(KEY.storageHost(), 5);
        RegisterMediaSigner.Batch batch = signer.prepare(json);

        // The prepared HMAC state is copied, never consumed: every use signs like the first.
        for (int second = 0; second < 3; second++) {
            Instant time = TIME.plusSeconds(second);
            String nonce = NONCE.substring(0, 35) + second;
            assertEquals(reference(json, nonce, time), fast(signer, batch, nonce, time));
        }
    }

    @Test
    void signsANewBatchLikeSignedRpc() {
        RegisterMediaSigner signer = new RegisterMediaSigner(KEY);
        String json = new RegisterBatches().newBatch(KEY.storageHost());

        assertEquals(reference(json, NONCE, TIME), fast(signer, signer.prepare(json), NONCE, TIME));
    }

    @Test
    void encodesEveryAsciiCharacterAndMultiByteOnesLikeSignedRpc() {
        RegisterMediaSigner signer = new RegisterMediaSigner(KEY);
        StringBuilder json = new StringBuilder("é中😀 ");
        for (char c = 0; c < 128; c++) {
            json.append(c);
        }

        assertEquals(reference(json.toString(), NONCE, TIME), fast(signer, signer.prepare(json.toString()), NONCE, TIME));
    }

    @Test
    void signsWithATemplateGroupThatNeedsEncodingLikeSignedRpc() {
        String templateGroupId = "bench tg/é中+*~&=%_.-";
        RegisterMediaSigner signer = new RegisterMediaSigner(KEY, templateGroupId);
        String json = new RegisterBatches().newBatch(KEY.storageHost());
        RegisterMediaSigner.Batch batch = signer.prepare(json);

        for (int second = 0; second < 3; second++) {
            Instant time = TIME.plusSeconds(second);
            String nonce = NONCE.substring(0, 35) + second;
            assertEquals(reference(json, templateGroupId, nonce, time), fast(signer, batch, nonce, time));
        }
    }

    @Test
    void signsWithAPlainTemplateGroupLikeSignedRpc() {
        RegisterMediaSigner signer = new RegisterMediaSigner(KEY, "bench-tg");
        String json = new RegisterBatches().repeatedBatch(KEY.storageHost(), 5);

        assertEquals(reference(json, "bench-tg", NONCE, TIME), fast(signer, signer.prepare(json), NONCE, TIME));
    }

    @Test
    void withoutATemplateGroupSignsThePlainCallUnchanged() {
        RegisterMediaSigner plain = new RegisterMediaSigner(KEY);
        RegisterMediaSigner none = new RegisterMediaSigner(KEY, null);
        String json = new RegisterBatches().newBatch(KEY.storageHost());

        String expected = reference(json, NONCE, TIME);
        assertEquals(expected, fast(plain, plain.prepare(json), NONCE, TIME));
        assertEquals(expected, fast(none, none.prepare(json), NONCE, TIME));
        assertFalse(expected.contains("TemplateGroupId"));
    }

    private static String reference(String json, String nonce, Instant time) {
        return SignedRpc.formBody(KEY, "RegisterMedia", Map.of("RegisterMetadatas", json), nonce, time.toString());
    }

    /** SignedRpc with both parameters, in the order the fast signer writes them (the signature sorts them anyway). */
    private static String reference(String json, String templateGroupId, String nonce, Instant time) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("RegisterMetadatas", json);
        params.put("TemplateGroupId", templateGroupId);
        return SignedRpc.formBody(KEY, "RegisterMedia", params, nonce, time.toString());
    }

    private static String fast(RegisterMediaSigner signer, RegisterMediaSigner.Batch batch, String nonce, Instant time) {
        ByteBuf body = signer.sign(UnpooledByteBufAllocator.DEFAULT, batch, nonce.getBytes(StandardCharsets.US_ASCII),
                SignatureTimestamp.of(time.getEpochSecond()));
        try {
            return body.toString(StandardCharsets.US_ASCII);
        } finally {
            body.release();
        }
    }
}
