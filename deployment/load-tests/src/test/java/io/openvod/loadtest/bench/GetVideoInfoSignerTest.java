package io.openvod.loadtest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.SignedRpc;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fast GetVideoInfo signer must send exactly what SignedRpc sends, given the same nonce and time. */
class GetVideoInfoSignerTest {

    private static final AccessKey KEY = new AccessKey("LTAI5tExample+/=", "s3cr3t/+=&", "bucket.oss-cn-shanghai.aliyuncs.com");
    private static final String NONCE = "8f8a035d-6496-4268-afd4-67c22837e38d";
    private static final Instant TIME = Instant.parse("2024-02-29T23:59:07Z");

    @Test
    void signsAGatewayVideoIdLikeSignedRpc() {
        String videoId = "4f1e0c3a9b2d4e5f8a7b6c5d4e3f2a1b";

        assertEquals(reference(videoId, NONCE, TIME), fast(new GetVideoInfoSigner(KEY), videoId, NONCE, TIME));
    }

    @Test
    void signsAVideoIdThatNeedsEncodingLikeSignedRpc() {
        String videoId = "vid/é中😀 +*~&=%\"\\,_.-";

        assertEquals(reference(videoId, NONCE, TIME), fast(new GetVideoInfoSigner(KEY), videoId, NONCE, TIME));
    }

    @Test
    void signsAgainAndAgainLikeSignedRpc() {
        GetVideoInfoSigner signer = new GetVideoInfoSigner(KEY);

        // The key's prepared HMAC state is copied, never consumed: every use signs like the first.
        for (int second = 0; second < 3; second++) {
            Instant time = TIME.plusSeconds(second);
            String nonce = NONCE.substring(0, 35) + second;
            String videoId = "video-" + second;
            assertEquals(reference(videoId, nonce, time), fast(signer, videoId, nonce, time));
        }
    }

    private static String reference(String videoId, String nonce, Instant time) {
        return SignedRpc.formBody(KEY, "GetVideoInfo", Map.of("VideoId", videoId), nonce, time.toString());
    }

    private static String fast(GetVideoInfoSigner signer, String videoId, String nonce, Instant time) {
        ByteBuf body = signer.sign(UnpooledByteBufAllocator.DEFAULT, GetVideoInfoSigner.prepare(videoId),
                nonce.getBytes(StandardCharsets.US_ASCII), SignatureTimestamp.of(time.getEpochSecond()));
        try {
            return body.toString(StandardCharsets.US_ASCII);
        } finally {
            body.release();
        }
    }
}
