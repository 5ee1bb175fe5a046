package io.openvod.loadtest.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.AcsSigner;
import io.openvod.loadtest.SignedRpc;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * Signed RegisterMedia form bodies, byte for byte what {@link SignedRpc#registerMedia} builds, written as bytes at
 * a fraction of its cost: the benchmark's load generator shares the CPU with the gateway it measures.
 * <p>
 * SignedRpc's parameter set is fixed, so both strings are templates. Sorted, the string to sign is
 * {@code AccessKeyId, Action, Format, RegisterMetadatas, SignatureMethod} (constant for one key and one batch),
 * then {@code SignatureNonce, SignatureVersion, Timestamp, Version}. The HMAC state after the constant part is
 * computed once per batch ({@link #prepare}) and copied for each request, which then hashes some 120 bytes.
 * <p>
 * One instance per access key. {@link #sign} is not thread-safe: the load generator calls it from its one event loop.
 */
final class RegisterMediaSigner {

    private static final byte[] SIGNED_AFTER_METADATAS = signed("&SignatureMethod=HMAC-SHA1&SignatureNonce=");
    private static final byte[] SIGNED_AFTER_NONCE = signed("&SignatureVersion=1.0&Timestamp=");
    private static final byte[] SIGNED_AFTER_TIMESTAMP = signed("&Version=" + SignedRpc.VERSION);
    private static final byte[] FORM_TIMESTAMP = ascii("&Timestamp=");
    private static final byte[] FORM_METADATAS = ascii("&RegisterMetadatas=");
    private static final byte[] FORM_SIGNATURE = ascii("&Signature=");
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    private static final boolean[] UNRESERVED = unreservedBytes();

    /** The body up to the nonce's value: the parameters in SignedRpc's order. */
    private final byte[] formHead;
    /** Keyed, and fed the string to sign up to the RegisterMetadatas value. */
    private final Mac signedHead;
    private final byte[] digest;
    /** Scratch for {@link #encode}: a RegisterMetadatas value encoded once and twice, and their lengths. */
    private byte[] formValue = new byte[0];
    private byte[] signedValue = new byte[0];
    private int formLength;
    private int signedLength;

    RegisterMediaSigner(AccessKey key) {
        String accessKeyId = AcsSigner.percentEncode(key.id());
        formHead = ascii("Action=RegisterMedia&Version=" + SignedRpc.VERSION + "&Format=JSON&AccessKeyId="
                + accessKeyId + "&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=");
        signedHead = AcsSigner.keyedMac(key.secret());
        signedHead.update(ascii("POST&" + AcsSigner.percentEncode("/") + "&"));
        signedHead.update(signed("AccessKeyId=" + accessKeyId + "&Action=RegisterMedia&Format=JSON&RegisterMetadatas="));
        digest = new byte[signedHead.getMacLength()];
    }

    /** A RegisterMetadatas value encoded, and hashed into a copy of the key's HMAC, for signing any number of times. */
    Batch prepare(String registerMetadatas) {
        encode(registerMetadatas.getBytes(StandardCharsets.UTF_8));
        Mac mac = copy(signedHead);
        mac.update(signedValue, 0, signedLength);
        mac.update(SIGNED_AFTER_METADATAS);
        return new Batch(Arrays.copyOf(formValue, formLength), mac);
    }

    /**
     * Percent-encodes {@code utf8} as {@link AcsSigner#percentEncode} does, once for the body and twice for the
     * string to sign, in one pass: a new batch per request (1.2 KB of JSON) makes this the signer's busiest loop.
     */
    private void encode(byte[] utf8) {
        if (formValue.length < 3 * utf8.length) {
            formValue = new byte[3 * utf8.length];
            signedValue = new byte[5 * utf8.length];
        }
        int form = 0;
        int signed = 0;
        for (byte b : utf8) {
            int c = b & 0xFF;
            if (UNRESERVED[c]) {
                formValue[form++] = b;
                signedValue[signed++] = b;
            } else {
                // %XX once; %25XX twice, the '%' itself encoded
                byte high = HEX[c >> 4];
                byte low = HEX[c & 0xF];
                formValue[form++] = '%';
                formValue[form++] = high;
                formValue[form++] = low;
                signedValue[signed++] = '%';
                signedValue[signed++] = '2';
                signedValue[signed++] = '5';
                signedValue[signed++] = high;
                signedValue[signed++] = low;
            }
        }
        formLength = form;
        signedLength = signed;
    }

    /**
     * The signed form body for one request.
     *
     * @param nonce     the SignatureNonce, in unreserved characters only (it reads the same encoded, as UUIDs do)
     * @param timestamp the Timestamp
     */
    ByteBuf sign(ByteBufAllocator alloc, Batch batch, byte[] nonce, SignatureTimestamp timestamp) {
        Mac mac = copy(batch.signedThroughNonceName);
        mac.update(nonce);
        mac.update(SIGNED_AFTER_NONCE);
        mac.update(timestamp.canonicalValue());
        mac.update(SIGNED_AFTER_TIMESTAMP);
        byte[] signature = AcsSigner.percentEncode(Base64.getEncoder().encode(doFinal(mac)));
        byte[][] parts = {formHead, nonce, FORM_TIMESTAMP, timestamp.formValue(), FORM_METADATAS, batch.formValue,
                FORM_SIGNATURE, signature};
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

    private byte[] doFinal(Mac mac) {
        try {
            mac.doFinal(digest, 0);
            return digest;
        } catch (ShortBufferException e) {
            throw new IllegalStateException("digest is sized by getMacLength", e);
        }
    }

    private static Mac copy(Mac mac) {
        try {
            return (Mac) mac.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JRE's HmacSHA1 can be cloned", e);
        }
    }

    /** The bytes AcsSigner leaves as they are, asked of AcsSigner itself so both follow one rule. */
    private static boolean[] unreservedBytes() {
        boolean[] unreserved = new boolean[256];
        for (int c = 0; c < 256; c++) {
            unreserved[c] = AcsSigner.percentEncode(new byte[] {(byte) c}).length == 1;
        }
        return unreserved;
    }

    /** Text as it stands in the string to sign: percent-encoded once more than in the body. */
    private static byte[] signed(String formText) {
        return ascii(AcsSigner.percentEncode(formText));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A RegisterMetadatas value prepared for signing.
     *
     * @param formValue              percent-encoded, as it stands in the body
     * @param signedThroughNonceName the key's HMAC fed the string to sign up to the SignatureNonce value
     */
    record Batch(byte[] formValue, Mac signedThroughNonceName) {
    }
}
