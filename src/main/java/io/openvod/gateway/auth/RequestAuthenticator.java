package io.openvod.gateway.auth;

import io.openvod.gateway.account.AccessKey;
import io.openvod.gateway.account.AccountDirectory;
import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.request.RpcRequest;
import io.openvod.gateway.core.signature.Credentials;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves who made a call, in two steps: {@link #identify} (the request's {@link Credentials}, then the key they
 * name) and {@link #verify} (the signature, and only then the nonce, so that nobody can burn someone else's nonces
 * without their secret). Between the two, the rate limiter may refuse a call it already knows it will refuse.
 */
@ApplicationScoped
public class RequestAuthenticator {

    private final AccountDirectory directory;
    private final NonceStore nonces;
    private final Duration skew;

    public RequestAuthenticator(AccountDirectory directory, NonceStore nonces, AuthConfig config) {
        this.directory = directory;
        this.nonces = nonces;
        this.skew = config.timestampSkew();
    }

    /** A call whose credentials are well formed and name an active key; its signature is not checked yet. */
    public record ClaimedCaller(Credentials credentials, AccessKey key) {

        /** Who the call claims to be: not proven until {@link #verify} emits it. */
        public Caller caller() {
            return new Caller(key.account(), key.id());
        }
    }

    /** Everything but the signature and the nonce: syntax and timestamp (no I/O), then the key. */
    public Uni<ClaimedCaller> identify(RpcRequest request) {
        Credentials credentials;
        try {
            credentials = Credentials.read(request, Instant.now(), skew);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return directory.findAccessKey(credentials.accessKeyId())
                .map(found -> new ClaimedCaller(credentials, usable(found)));
    }

    /** The signature, and only then the nonce. */
    public Uni<Caller> verify(ClaimedCaller claimed) {
        try {
            claimed.credentials().requireSignedWith(claimed.key().secret());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        Credentials credentials = claimed.credentials();
        return nonces.firstUse(claimed.key().id(), credentials.nonce(), credentials.timestamp()).map(first -> {
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
}
