package io.openvod.gateway.auth;

import io.openvod.gateway.account.AccountDirectory;
import io.openvod.gateway.api.ApiError;
import io.openvod.gateway.rpc.RpcRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Resolves the caller of a request from its AccessKey. */
@ApplicationScoped
public class RequestAuthenticator {

    private final AccountDirectory directory;

    public RequestAuthenticator(AccountDirectory directory) {
        this.directory = directory;
    }

    public Uni<Caller> authenticate(RpcRequest request) {
        String accessKeyId = request.param("AccessKeyId");
        if (accessKeyId == null || accessKeyId.isEmpty()) {
            return Uni.createFrom().failure(ApiError.missing("AccessKeyId").exception());
        }
        return directory.findAccessKey(accessKeyId).map(found -> {
            var key = found.orElseThrow(() -> ApiError.accessKeyNotFound().exception());
            if (!key.active()) {
                throw ApiError.accessKeyInactive().exception();
            }
            return new Caller(key.account(), key.id());
        });
    }
}
