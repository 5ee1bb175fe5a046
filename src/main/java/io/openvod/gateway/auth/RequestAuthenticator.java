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
import java.util.regex.Pattern;

/**
 * Verifies the signature of a request (v1 HMAC-SHA1 or ACS3-HMAC-SHA256) and resolves its caller.
 * Order: syntax and timestamp first (no I/O), then the key, then the signature, and only then the nonce, so
 * that nobody can burn someone else's nonces without their secret.
 */
@ApplicationScoped
public class RequestAuthenticator {

    private static final Pattern NONCE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final AccountDirectory directory;
    private final NonceStore nonces;
    private final Duration skew;

    public RequestAuthenticator(AccountDirectory directory, NonceStore nonces, AuthConfig config) {
        this.directory = directory;
        this.nonces = nonces;
        this.skew = config.timestampSkew();
    }

    /**
     * What a request claims, with the server's string to sign for it and the text a SignatureDoesNotMatch
     * shows: the v1 string to sign, or for V3 the canonical request, which is what aliyun-java-sdk-core keeps as
     * its "string to sign" and compares (the V3 string to sign is only a hash, useless to compare or debug).
     */
    private record Claim(String accessKeyId, String nonce, String stringToSign, String shown, String signature,
            boolean v3) {

        boolean signedWith(String secret) {
            return v3 ? SignatureV3.matches(secret, stringToSign, signature)
                    : SignatureV1.matches(secret, stringToSign, signature);
        }
    }

    public Uni<Caller> authenticate(RpcRequest request) {
        Claim claim;
        try {
            String authorization = request.header("authorization");
            claim = authorization != null && authorization.trim().startsWith("ACS3-")
                    ? v3(request, authorization) : v1(request);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return directory.findAccessKey(claim.accessKeyId())
                .map(found -> verify(claim, found))
                .call(key -> nonces.firstUse(key.id(), claim.nonce(), skew.multipliedBy(2)).invoke(first -> {
                    if (!first) {
                        throw ApiError.nonceUsed().exception();
                    }
                }))
                .map(key -> new Caller(key.account(), key.id()));
    }

    private AccessKey verify(Claim claim, Optional<AccessKey> found) {
        AccessKey key = found.orElseThrow(() -> ApiError.accessKeyNotFound().exception());
        if (!key.active()) {
            throw ApiError.accessKeyInactive().exception();
        }
        if (!claim.signedWith(key.secret())) {
            throw ApiError.signatureDoesNotMatch(claim.shown()).exception();
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
        String stringToSign = SignatureV1.stringToSign(request.method(), request.params());
        return new Claim(accessKeyId, nonce, stringToSign, stringToSign, signature, false);
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
        String canonical = SignatureV3.canonicalRequest(request.method(), request.query(), signed,
                authorization.signedHeaders(), payloadHash);
        return new Claim(authorization.accessKeyId(), nonce, SignatureV3.stringToSign(canonical), canonical,
                authorization.signature(), true);
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
        if (!NONCE.matcher(nonce).matches()) {
            throw ApiError.invalidParameter(name, "It must be 1 to 128 printable ASCII characters.").exception();
        }
        return nonce;
    }
}
