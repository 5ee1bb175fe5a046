package io.openvod.gateway.core.signature;

import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.request.RpcRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a request presents to prove who sent it: a v1 signature in its parameters, or an ACS3 (V3) one in its
 * {@code Authorization} header. {@link #read} checks everything that needs no secret (syntax, nonce, timestamp);
 * {@link #requireSignedWith} checks the signature once the key's secret is known.
 */
public final class Credentials {

    private static final int MAX_NONCE_LENGTH = 128;

    private final String accessKeyId;
    private final String nonce;
    private final String signature;
    private final boolean v3;
    private final Instant timestamp;
    /**
     * Built only when the signature is checked: the v1 string to sign, or for V3 the canonical request, which is
     * also what a SignatureDoesNotMatch shows (aliyun-java-sdk-core keeps it as its "string to sign" and compares
     * it; the V3 string to sign is only a hash, useless to compare).
     */
    private final Supplier<String> canonical;

    private Credentials(String accessKeyId, String nonce, String signature, boolean v3, Instant timestamp,
            Supplier<String> canonical) {
        this.accessKeyId = accessKeyId;
        this.timestamp = timestamp;
        this.nonce = nonce;
        this.signature = signature;
        this.v3 = v3;
        this.canonical = canonical;
    }

    /**
     * @throws io.openvod.gateway.core.envelope.ApiException for a missing or malformed part, or a timestamp outside
     *         {@code skew} of {@code now}
     */
    public static Credentials read(RpcRequest request, Instant now, Duration skew) {
        String authorization = request.header("authorization");
        return authorization != null && authorization.trim().startsWith("ACS3-")
                ? v3(request, authorization, now, skew) : v1(request, now, skew);
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String nonce() {
        return nonce;
    }

    /** The request's own {@code Timestamp} / {@code x-acs-date}: its nonce must be remembered while it is accepted. */
    public Instant timestamp() {
        return timestamp;
    }

    /** @throws io.openvod.gateway.core.envelope.ApiException SignatureDoesNotMatch, showing our canonical text */
    public void requireSignedWith(String secret) {
        String text = canonical.get();
        boolean signed = v3
                ? SignatureV3.matches(secret, SignatureV3.stringToSign(text), signature)
                : SignatureV1.matches(secret, text, signature);
        if (!signed) {
            throw ApiError.signatureDoesNotMatch(text).exception();
        }
    }

    private static Credentials v1(RpcRequest request, Instant now, Duration skew) {
        String signature = required(request, "Signature");
        String accessKeyId = AccessKeyIds.requireWellFormed(required(request, "AccessKeyId"));
        // Exact: every SDK sends HMAC-SHA1 in capitals (docs/vod-api.md §2.3).
        if (!SignatureV1.METHOD.equals(required(request, "SignatureMethod"))) {
            throw ApiError.invalidParameter("SignatureMethod", "Only HMAC-SHA1 is supported.").exception();
        }
        if (!SignatureV1.VERSION.equals(required(request, "SignatureVersion"))) {
            throw ApiError.invalidParameter("SignatureVersion", "Only 1.0 is supported.").exception();
        }
        String nonce = nonce(required(request, "SignatureNonce"), "SignatureNonce");
        Instant timestamp = Timestamps.check(required(request, "Timestamp"), now, skew);
        return new Credentials(accessKeyId, nonce, signature, false, timestamp,
                () -> SignatureV1.stringToSign(request.method(), request.params()));
    }

    private static Credentials v3(RpcRequest request, String header, Instant now, Duration skew) {
        for (String mandatory : new String[] {"x-acs-date", "x-acs-signature-nonce"}) {
            if (request.header(mandatory) == null) {
                throw ApiError.missingParameter(mandatory).exception();
            }
        }
        SignatureV3.Authorization authorization = SignatureV3.parseAuthorization(header);
        if (authorization == null
                || !authorization.signedHeaders().contains("x-acs-date")
                || !authorization.signedHeaders().contains("x-acs-signature-nonce")) {
            throw ApiError.incompleteSignature().exception();
        }
        Map<String, String> signed = new HashMap<>();
        for (String name : authorization.signedHeaders()) {
            String value = request.header(name);
            if (value == null) {
                throw ApiError.incompleteSignature().exception();
            }
            signed.put(name, value);
        }
        String nonce = nonce(signed.get("x-acs-signature-nonce"), "x-acs-signature-nonce");
        Instant timestamp = Timestamps.check(signed.get("x-acs-date").trim(), now, skew);
        String payloadHash = SignatureV3.sha256Hex(request.body());
        String claimedHash = request.header("x-acs-content-sha256");
        if (claimedHash != null && !payloadHash.equals(claimedHash.trim().toLowerCase(Locale.ROOT))) {
            throw ApiError.invalidParameter("x-acs-content-sha256", "It is not the SHA-256 of the request body.")
                    .exception();
        }
        return new Credentials(AccessKeyIds.requireWellFormed(authorization.accessKeyId()), nonce,
                authorization.signature(), true, timestamp,
                () -> SignatureV3.canonicalRequest(request.method(), request.query(), signed,
                        authorization.signedHeaders(), payloadHash));
    }

    private static String required(RpcRequest request, String name) {
        String value = request.param(name);
        if (value == null || value.isEmpty()) {
            throw ApiError.missing(name).exception();
        }
        return value;
    }

    private static String nonce(String value, String name) {
        String nonce = value.trim();
        if (!isPrintableAscii(nonce, MAX_NONCE_LENGTH)) {
            throw ApiError.invalidParameter(name, "It must be 1 to 128 printable ASCII characters.").exception();
        }
        return nonce;
    }

    /** 1 to {@code max} characters in {@code !}..{@code ~}; a loop, since a regex was a visible share of a call. */
    private static boolean isPrintableAscii(String value, int max) {
        if (value.isEmpty() || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
