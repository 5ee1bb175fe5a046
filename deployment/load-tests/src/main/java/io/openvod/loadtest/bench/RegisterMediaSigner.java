package io.openvod.loadtest.bench;

import static io.openvod.loadtest.bench.SignedBodies.ascii;
import static io.openvod.loadtest.bench.SignedBodies.signed;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.AcsSigner;
import io.openvod.loadtest.SignedRpc;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * Signed RegisterMedia form bodies, byte for byte what {@link SignedRpc#formBody} builds for RegisterMetadatas and,
 * optionally, TemplateGroupId (in that order), written as bytes at a fraction of its cost: the benchmark's load
 * generator shares the CPU with the gateway it measures.
 * <p>
 * SignedRpc's parameter set is fixed, so both strings are templates. Sorted, the string to sign is
 * {@code AccessKeyId, Action, Format, RegisterMetadatas, SignatureMethod} (constant for one key and one batch),
 * then {@code SignatureNonce, SignatureVersion, [TemplateGroupId,] Timestamp, Version}. The HMAC state after the
 * constant part is computed once per batch ({@link #prepare}) and copied for each request, which then hashes some
 * 120 bytes. A TemplateGroupId is the same in every request of a signer, so it is part of the templates.
 * <p>
 * One instance per access key. {@link #sign} is not thread-safe: the load generator calls it from its one event loop.
 */
final class RegisterMediaSigner {

    private static final String ACTION = "RegisterMedia";
    private static final byte[] SIGNED_AFTER_METADATAS = signed("&SignatureMethod=HMAC-SHA1&SignatureNonce=");
    private static final byte[] SIGNED_AFTER_TIMESTAMP = signed("&Version=" + SignedRpc.VERSION);
    private static final byte[] FORM_TIMESTAMP = ascii("&Timestamp=");
    private static final byte[] FORM_METADATAS = ascii("&RegisterMetadatas=");
    private static final byte[] FORM_SIGNATURE = ascii("&Signature=");
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    private static final boolean[] UNRESERVED = unreservedBytes();

    /** The body up to the nonce's value: the parameters in SignedRpc's order. */
    private final byte[] formHead;
    /** {@code &TemplateGroupId=…} as it ends the body's parameters, or nothing. */
    private final byte[] formTemplateGroup;
    /** The string to sign between the nonce and the Timestamp value: SignatureVersion, TemplateGroupId if any. */
    private final byte[] signedAfterNonce;
    /** Keyed, and fed the string to sign up to the RegisterMetadatas value. */
    private final Mac signedHead;
    private final byte[] digest;
    /** Scratch for {@link #encode}: a RegisterMetadatas value encoded once and twice, and their lengths. */
    private byte[] formValue = new byte[0];
    private byte[] signedValue = new byte[0];
    private int formLength;
    private int signedLength;

    RegisterMediaSigner(AccessKey key) {
        this(key, null);
    }

    /** @param templateGroupId the TemplateGroupId every request carries, or {@code null} for none */
    RegisterMediaSigner(AccessKey key, String templateGroupId) {
        String templateGroup = templateGroupId == null ? ""
                : "&TemplateGroupId=" + AcsSigner.percentEncode(templateGroupId);
        formHead = SignedBodies.formHead(key, ACTION);
        formTemplateGroup = ascii(templateGroup);
        signedAfterNonce = signed("&SignatureVersion=1.0" + templateGroup + "&Timestamp=");
        signedHead = SignedBodies.signedHead(key, ACTION, "&RegisterMetadatas=");
        digest = new byte[signedHead.getMacLength()];
    }

    /** A RegisterMetadatas value encoded, and hashed into a copy of the key's HMAC, for signing any number of times. */
    Batch prepare(String registerMetadatas) {
        encode(registerMetadatas.getBytes(StandardCharsets.UTF_8));
        Mac mac = SignedBodies.copy(signedHead);
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
        Mac mac = SignedBodies.copy(batch.signedThroughNonceName);
        mac.update(nonce);
        mac.update(signedAfterNonce);
        mac.update(timestamp.canonicalValue());
        mac.update(SIGNED_AFTER_TIMESTAMP);
        return SignedBodies.write(alloc, formHead, nonce, FORM_TIMESTAMP, timestamp.formValue(), FORM_METADATAS,
                batch.formValue, formTemplateGroup, FORM_SIGNATURE, SignedBodies.signature(mac, digest));
    }

    /** The bytes AcsSigner leaves as they are, asked of AcsSigner itself so both follow one rule. */
    private static boolean[] unreservedBytes() {
        boolean[] unreserved = new boolean[256];
        for (int c = 0; c < 256; c++) {
            unreserved[c] = AcsSigner.percentEncode(new byte[] {(byte) c}).length == 1;
        }
        return unreserved;
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
