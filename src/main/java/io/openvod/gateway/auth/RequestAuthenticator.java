package io.openvod.gateway.auth;

import io.openvod.gateway.account.AccessKey;
import io.openvod.gateway.account.AccountDirectory;
import io.openvod.gateway.api.ApiError;
import io.openvod.gateway.rpc.RpcRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Verifies the signature of a request (v1 HMAC-SHA1 or ACS3-HMAC-SHA256) and resolves its caller, in two steps:
 * {@link #identify} (syntax and timestamp, no I/O, then the key) and {@link #verify} (the signature, and only then
 * the nonce, so that nobody can burn someone else's nonces without their secret).
 */
@ApplicationScoped
public class RequestAuthenticator {

    private static final int MAX_NONCE_LENGTH = 128;

    private final AccountDirectory directory;
    private final NonceStore nonces;
    private final Duration skew;

    public RequestAuthenticator(AccountDirectory directory, NonceStore nonces, AuthConfig config) {
        this.directory = directory;
        this.nonces = nonces;
        this.skew = config.timestampSkew();
    }

    /**
     * What a request claims. {@code canonical} is built only when the signature is checked: the v1 string to sign,
     * or for V3 the canonical request, which is also what a SignatureDoesNotMatch shows (aliyun-java-sdk-core keeps
     * it as its "string to sign" and compares it; the V3 string to sign is only a hash, useless to compare).
     */
    private record Claim(String accessKeyId, String nonce, String signature, boolean v3, Supplier<String> canonical) {
    }

    /** A call whose AccessKey exists and is active; its signature and nonce are not checked yet. */
    public static final class Claimed {
        private final Claim claim;
        private final AccessKey key;

        private Claimed(Claim claim, AccessKey key) {
            this.claim = claim;
            this.key = key;
        }

        /** Who the call claims to be: not proven until {@link #verify} emits it. */
        public Caller caller() {
            return new Caller(key.account(), key.id());
        }
    }

    /**
     * Everything but the signature and the nonce: syntax and timestamp (no I/O), then the key. Splitting here lets
     * the rate limiter refuse a call it already knows it will refuse before paying for the signature.
     */
    public Uni<Claimed> identify(RpcRequest request) {
        Claim claim;
        try {
            String authorization = request.header("authorization");
            claim = authorization != null && authorization.trim().startsWith("ACS3-")
                    ? v3(request, authorization) : v1(request);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return directory.findAccessKey(claim.accessKeyId()).map(found -> new Claimed(claim, usable(found)));
    }

    /** The signature, and only then the nonce, so that nobody can burn someone else's nonces. */
    public Uni<Caller> verify(Claimed claimed) {
        Claim claim = claimed.claim;
        AccessKey key = claimed.key;
        String canonical = claim.canonical().get();
        boolean signed = claim.v3()
                ? SignatureV3.matches(key.secret(), SignatureV3.stringToSign(canonical), claim.signature())
                : SignatureV1.matches(key.secret(), canonical, claim.signature());
        if (!signed) {
            return Uni.createFrom().failure(ApiError.signatureDoesNotMatch(canonical).exception());
        }
        return nonces.firstUse(key.id(), claim.nonce(), skew.multipliedBy(2)).map(first -> {
            if (!first) {
                throw ApiError.nonceUsed().exception();
            }
            return claimed.caller();
        });
    }

    private static AccessKey usable(Optional<AccessKey> found) {
        AccessKey key = found.orElseThrow(() -> ApiError.accessKeyNotFound().exception());
        if (!key.active()) {
            throw ApiError.accessKeyInactive().exception();
        }
        return key;
    }

    private Claim v1(RpcRequest request) {
        String signature = required(request, "Signature");
        String accessKeyId = required(request, "AccessKeyId");
        if (!SignatureV1.METHOD.equalsIgnoreCase(required(request, "SignatureMethod"))) {
            throw ApiError.invalidParameter("SignatureMethod", "Only HMAC-SHA1 is supported.").exception();
        }
        if (!SignatureV1.VERSION.equals(required(request, "SignatureVersion"))) {
            throw ApiError.invalidParameter("SignatureVersion", "Only 1.0 is supported.").exception();
        }
        String nonce = nonce(required(request, "SignatureNonce"), "SignatureNonce");
        Timestamps.check(required(request, "Timestamp"), Instant.now(), skew);
        return new Claim(accessKeyId, nonce, signature, false,
                () -> SignatureV1.stringToSign(request.method(), request.params()));
    }

    private Claim v3(RpcRequest request, String header) {
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
        Timestamps.check(signed.get("x-acs-date").trim(), Instant.now(), skew);
        String payloadHash = SignatureV3.sha256Hex(request.body());
        String claimedHash = request.header("x-acs-content-sha256");
        if (claimedHash != null && !payloadHash.equals(claimedHash.trim().toLowerCase(Locale.ROOT))) {
            throw ApiError.invalidParameter("x-acs-content-sha256", "It is not the SHA-256 of the request body.")
                    .exception();
        }
        return new Claim(authorization.accessKeyId(), nonce, authorization.signature(), true,
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

    private static String nonce(String value, String name) {
        String nonce = value.trim();
        if (!isPrintableAscii(nonce, MAX_NONCE_LENGTH)) {
            throw ApiError.invalidParameter(name, "It must be 1 to 128 printable ASCII characters.").exception();
        }
        return nonce;
    }
}
