package io.openvod.loadtest.bench;

import static io.openvod.loadtest.bench.SignedBodies.ascii;
import static io.openvod.loadtest.bench.SignedBodies.signed;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.AcsSigner;
import io.openvod.loadtest.SignedRpc;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;

/**
 * Signed GetVideoInfo form bodies, byte for byte what {@link SignedRpc#formBody} builds for a VideoId, written as
 * bytes as cheaply as {@link RegisterMediaSigner} writes RegisterMedia's.
 * <p>
 * Sorted, the string to sign is {@code AccessKeyId, Action, Format, SignatureMethod} (constant for one key), then
 * {@code SignatureNonce, SignatureVersion, Timestamp, Version, VideoId}. The key's HMAC state through the
 * SignatureNonce name is computed once and copied for each request; a video id is encoded once ({@link #prepare}).
 * <p>
 * One instance per access key. {@link #sign} is not thread-safe: the load generator calls it from its one event loop.
 */
final class GetVideoInfoSigner {

    private static final String ACTION = "GetVideoInfo";
    private static final byte[] SIGNED_AFTER_NONCE = signed("&SignatureVersion=1.0&Timestamp=");
    private static final byte[] SIGNED_AFTER_TIMESTAMP = signed("&Version=" + SignedRpc.VERSION + "&VideoId=");
    private static final byte[] FORM_TIMESTAMP = ascii("&Timestamp=");
    private static final byte[] FORM_VIDEO_ID = ascii("&VideoId=");
    private static final byte[] FORM_SIGNATURE = ascii("&Signature=");

    /** The body up to the nonce's value: the parameters in SignedRpc's order. */
    private final byte[] formHead;
    /** Keyed, and fed the string to sign up to the SignatureNonce value. */
    private final Mac signedHead;
    private final byte[] digest;

    GetVideoInfoSigner(AccessKey key) {
        formHead = SignedBodies.formHead(key, ACTION);
        signedHead = SignedBodies.signedHead(key, ACTION, "&SignatureMethod=HMAC-SHA1&SignatureNonce=");
        digest = new byte[signedHead.getMacLength()];
    }

    /** A VideoId value encoded for the body and for the string to sign, for signing any number of times. */
    static VideoId prepare(String videoId) {
        byte[] formValue = AcsSigner.percentEncode(videoId.getBytes(StandardCharsets.UTF_8));
        return new VideoId(formValue, AcsSigner.percentEncode(formValue));
    }

    /**
     * The signed form body for one request.
     *
     * @param nonce     the SignatureNonce, in unreserved characters only (it reads the same encoded, as UUIDs do)
     * @param timestamp the Timestamp
     */
    ByteBuf sign(ByteBufAllocator alloc, VideoId videoId, byte[] nonce, SignatureTimestamp timestamp) {
        Mac mac = SignedBodies.copy(signedHead);
        mac.update(nonce);
        mac.update(SIGNED_AFTER_NONCE);
        mac.update(timestamp.canonicalValue());
        mac.update(SIGNED_AFTER_TIMESTAMP);
        mac.update(videoId.signedValue);
        return SignedBodies.write(alloc, formHead, nonce, FORM_TIMESTAMP, timestamp.formValue(), FORM_VIDEO_ID,
                videoId.formValue, FORM_SIGNATURE, SignedBodies.signature(mac, digest));
    }

    /**
     * A VideoId value prepared for signing.
     *
     * @param formValue   percent-encoded, as it stands in the body
     * @param signedValue percent-encoded twice, as it stands in the string to sign
     */
    record VideoId(byte[] formValue, byte[] signedValue) {
    }
}
