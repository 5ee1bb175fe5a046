package io.openvod.loadtest.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.AcsSigner;
import io.openvod.loadtest.SignedRpc;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * What the byte-level signers ({@link RegisterMediaSigner}, {@link GetVideoInfoSigner}) share: the parameters every
 * signed call has, as body and string-to-sign templates, and the per-request steps of copying a prepared HMAC,
 * finishing it and writing the body.
 */
final class SignedBodies {

    private SignedBodies() {
    }

    /** The body up to the SignatureNonce value: the common parameters in SignedRpc's order. */
    static byte[] formHead(AccessKey key, String action) {
        return ascii("Action=" + action + "&Version=" + SignedRpc.VERSION + "&Format=JSON&AccessKeyId="
                + AcsSigner.percentEncode(key.id()) + "&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=");
    }

    /**
     * The key's HMAC fed the string to sign through {@code Format}, the first parameters in sorted order, and then
     * {@code afterFormat} (form-encoded, starting with {@code &}): what is constant for the key.
     */
    static Mac signedHead(AccessKey key, String action, String afterFormat) {
        Mac mac = AcsSigner.keyedMac(key.secret());
        mac.update(ascii("POST&" + AcsSigner.percentEncode("/") + "&"));
        mac.update(signed("AccessKeyId=" + AcsSigner.percentEncode(key.id()) + "&Action=" + action + "&Format=JSON"
                + afterFormat));
        return mac;
    }

    /** The HMAC finished into {@code digest} (its length), as the body's Signature value. */
    static byte[] signature(Mac mac, byte[] digest) {
        try {
            mac.doFinal(digest, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("digest is sized by getMacLength", e);
        }
        return AcsSigner.percentEncode(Base64.getEncoder().encode(digest));
    }

    /** A buffer of exactly the parts, in order. */
    static ByteBuf write(ByteBufAllocator alloc, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuf body = alloc.buffer(length, length);
        for (byte[] part : parts) {
            body.writeBytes(part);
        }
        return body;
    }

    /** A prepared HMAC state to finish for one request, leaving the prepared one as it is. */
    static Mac copy(Mac mac) {
        try {
            return (Mac) mac.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JRE's HmacSHA1 can be cloned", e);
        }
    }

    /** Text as it stands in the string to sign: percent-encoded once more than in the body. */
    static byte[] signed(String formText) {
        return ascii(AcsSigner.percentEncode(formText));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
