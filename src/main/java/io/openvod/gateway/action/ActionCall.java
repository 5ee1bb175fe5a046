package io.openvod.gateway.rpc;

import io.openvod.gateway.api.RequestContext;
import io.openvod.gateway.auth.Caller;

/** An authenticated, admitted call handed to an {@link RpcAction}. */
public record RpcCall(RequestContext context, Caller caller, RpcRequest request) {

    public String param(String name) {
        return request.param(name);
    }
}
