package io.openvod.gateway.rpc;

import io.openvod.gateway.api.ApiError;
import io.openvod.gateway.api.ApiException;
import io.openvod.gateway.api.RequestContext;
import io.openvod.gateway.api.ResponseFormat;
import io.openvod.gateway.api.RpcResponses;
import io.openvod.gateway.auth.RequestAuthenticator;
import io.openvod.gateway.ratelimit.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * The order every call goes through: parse, resolve the action, authenticate, rate-limit, then the action itself.
 * Whatever fails on the way ends as an Alibaba error envelope, never as a stack trace.
 */
@ApplicationScoped
public class RpcPipeline {

    private final RpcActions actions;
    private final RequestAuthenticator authenticator;
    private final RpcResponses responses;
    private final RateLimiter rateLimiter;

    public RpcPipeline(RpcActions actions, RequestAuthenticator authenticator, RpcResponses responses,
            RateLimiter rateLimiter) {
        this.actions = actions;
        this.authenticator = authenticator;
        this.responses = responses;
        this.rateLimiter = rateLimiter;
    }

    public Uni<Response> handle(HttpServerRequest http, byte[] body) {
        RequestContext context = startContext(http);
        RpcRequest request;
        try {
            request = RpcRequest.from(http, body);
        } catch (ApiException e) {
            return Uni.createFrom().item(responses.error(context, e));
        }
        RequestContext call = context.withFormat(ResponseFormat.choose(request.param("Format"), request.header("accept")));
        return Uni.createFrom().deferred(() -> invoke(call, request))
                .onFailure().recoverWithItem(failure -> responses.error(call, failure));
    }

    private Uni<Response> invoke(RequestContext context, RpcRequest request) {
        if (!ResponseFormat.isValid(request.param("Format"))) {
            throw ApiError.invalidParameter("Format", "It must be JSON or XML.").exception();
        }
        RpcAction action = actions.resolve(request);
        return authenticator.authenticate(request)
                .chain(caller -> rateLimiter.acquire(caller, action.name()))
                .chain(caller -> action.invoke(new RpcCall(context, caller, request)))
                .map(fields -> responses.success(context, action.name(), fields));
    }

    static RequestContext startContext(HttpServerRequest http) {
        String host = http.getHeader("Host");
        return new RequestContext(RequestContext.newRequestId(),
                ResponseFormat.choose(null, http.getHeader("Accept")),
                host == null ? "localhost" : host, System.nanoTime());
    }
}
