package io.openvod.gateway.rpc;

import io.openvod.gateway.action.ActionCall;
import io.openvod.gateway.action.RpcAction;
import io.openvod.gateway.auth.Caller;
import io.openvod.gateway.auth.RequestAuthenticator;
import io.openvod.gateway.auth.RequestAuthenticator.ClaimedCaller;
import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.envelope.ApiException;
import io.openvod.gateway.core.envelope.RequestContext;
import io.openvod.gateway.core.envelope.ResponseFormat;
import io.openvod.gateway.core.request.RpcRequest;
import io.openvod.gateway.ratelimit.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The path of every RPC call, one named step each: read the request, resolve the action, identify the caller, refuse
 * early or verify the signature, take a token, run the action, answer. Whatever fails on the way ends as an Alibaba
 * error envelope, never as a stack trace; every call leaves one access-log line and its metrics.
 */
@ApplicationScoped
public class RpcPipeline {

    private static final Logger LOG = Logger.getLogger(RpcPipeline.class);

    private final RpcActions actions;
    private final RequestAuthenticator authenticator;
    private final RateLimiter rateLimiter;
    private final RpcResponses responses;
    private final AccessLog accessLog;
    private final RpcMetrics metrics;

    RpcPipeline(RpcActions actions, RequestAuthenticator authenticator, RateLimiter rateLimiter,
            RpcResponses responses, AccessLog accessLog, RpcMetrics metrics) {
        this.actions = actions;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.responses = responses;
        this.accessLog = accessLog;
        this.metrics = metrics;
    }

    public Uni<Response> handle(HttpServerRequest http, byte[] body) {
        CallTrace trace = new CallTrace(startContext(http));
        return Uni.createFrom().deferred(() -> invoke(trace, http, body))
                .onFailure().recoverWithItem(failure -> fail(trace, failure))
                .invoke(() -> {
                    accessLog.record(trace);
                    metrics.recordCall(trace);
                });
    }

    // Each Mutiny operator costs every call, the throttled ones included, so steps without I/O of their own share
    // an operator with the step before them (docs/architecture.md, "The path of a call").
    private Uni<Response> invoke(CallTrace trace, HttpServerRequest http, byte[] body) {
        RpcRequest request = readRequest(trace, http, body);
        RpcAction action = actions.resolve(request);
        return authenticator.identify(request)
                .chain(claimed -> refuseEarlyOrVerify(trace, claimed, request, action))
                .chain(caller -> admit(trace, caller, action))
                .chain(caller -> action.invoke(new ActionCall(trace.context(), caller, request.params(), trace.counters())))
                .map(answer -> responses.success(trace.context(), action.name(), answer));
    }

    /** Parameters, headers and the answer's format; the action's name is noted for the log even if unknown. */
    private static RpcRequest readRequest(CallTrace trace, HttpServerRequest http, byte[] body) {
        RpcRequest request = RpcRequest.of(http.method().name(), http.query(), http.headers(), body);
        trace.context(trace.context().withFormat(ResponseFormat.choose(request.param("Format"), request.header("accept"))));
        trace.action(request.paramOrHeader("Action", "x-acs-action"));
        if (!ResponseFormat.isValid(request.param("Format"))) {
            throw ApiError.invalidParameter("Format", "It must be JSON or XML.").exception();
        }
        return request;
    }

    /**
     * A call to a bucket known to be empty is refused here, before its signature and before the values of its other
     * parameters are decoded (early refusal: {@link RateLimiter}); any other call has every value checked, then its
     * signature and nonce. The claimed caller is logged until the signature proves it, so that refusals and bad
     * signatures name the key they used.
     */
    private Uni<Caller> refuseEarlyOrVerify(CallTrace trace, ClaimedCaller claimed, RpcRequest request, RpcAction action) {
        Caller claimedCaller = claimed.caller();
        trace.caller(claimedCaller);
        rateLimiter.refuseIfKnownEmpty(claimedCaller.account(), action.name(), action.defaultRatePerSecond());
        request.params().requireWellFormed();
        return authenticator.verify(claimed);
    }

    /** The verified caller takes a token from its bucket for this action. */
    private Uni<Caller> admit(CallTrace trace, Caller caller, RpcAction action) {
        trace.caller(caller);
        return rateLimiter.acquire(caller, action.name(), action.defaultRatePerSecond());
    }

    private Response fail(CallTrace trace, Throwable failure) {
        ApiError error = ServerFailures.classify(failure);
        if (error.status() == 500) {
            LOG.errorf(failure, "RequestId %s failed unexpectedly", trace.context().requestId());
        } else if (error.status() == 503) {
            LOG.warnf("RequestId %s: %s", trace.context().requestId(), failure.toString());
        }
        trace.outcome(error.status(), error.code());
        Map<String, String> headers = failure instanceof ApiException api ? api.headers() : Map.of();
        return responses.error(trace.context(), error, headers);
    }

    static RequestContext startContext(HttpServerRequest http) {
        String host = http.getHeader("Host");
        return new RequestContext(RequestContext.newRequestId(),
                ResponseFormat.choose(null, http.getHeader("Accept")),
                host == null ? "localhost" : host, System.nanoTime());
    }
}
