package io.openvod.gateway.action;

import io.openvod.gateway.auth.Caller;
import io.openvod.gateway.core.envelope.RequestContext;
import io.openvod.gateway.core.request.FormParameters;

/**
 * An authenticated, admitted call handed to an {@link RpcAction}.
 *
 * @param params   every parameter of the call (query and form merged), decoded; the common ones included
 * @param counters what the action wants the call's access-log line to say
 */
public record ActionCall(RequestContext context, Caller caller, FormParameters params, CallCounters counters) {

    public String param(String name) {
        return params.get(name);
    }

    public long accountId() {
        return caller.account().id();
    }
}
