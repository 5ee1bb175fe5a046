package io.openvod.gateway.rpc;

import io.openvod.gateway.api.ApiError;
import io.openvod.gateway.api.ApiException;
import io.openvod.gateway.api.RequestContext;
import io.openvod.gateway.api.ResponseFormat;
import io.openvod.gateway.api.RpcResponses;
import io.openvod.gateway.api.ServerFailures;
import io.openvod.gateway.auth.Caller;
import io.openvod.gateway.auth.RequestAuthenticator;
import io.openvod.gateway.metrics.RpcMetrics;
import io.openvod.gateway.ratelimit.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The order every call goes through: parse, resolve the action, authenticate, rate-limit, then the action itself.
 * A call the rate limiter already knows it will refuse is refused once its key is found, before its signature and
 * before the values of its other parameters are decoded.
 * Whatever fails on the way ends as an Alibaba error envelope, never as a stack trace.
 */
@ApplicationScoped
public class RpcPipeline {

    private static final Logger LOG = Logger.getLogger(RpcPipeline.class);

    private final RpcActions actions;
    private final RequestAuthenticator authenticator;
    private final RpcResponses responses;
    private final AccessLog accessLog;
    private final RpcMetrics metrics;
    private final RateLimiter rateLimiter;

    public RpcPipeline(RpcActions actions, RequestAuthenticator authenticator, RpcResponses responses,
            AccessLog accessLog, RpcMetrics metrics, RateLimiter rateLimiter) {
        this.actions = actions;
        this.authenticator = authenticator;
        this.responses = responses;
        this.accessLog = accessLog;
        this.metrics = metrics;
        this.rateLimiter = rateLimiter;
    }

    public Uni<Response> handle(HttpServerRequest http, byte[] body) {
        CallTrace trace = new CallTrace(startContext(http));
        return Uni.createFrom().deferred(() -> invoke(trace, http, body))
                .onFailure().recoverWithItem(failure -> fail(trace, failure))
                .invoke(() -> accessLog.record(trace))
                .invoke(() -> metrics.recordCall(trace));
    }

    private Uni<Response> invoke(CallTrace trace, HttpServerRequest http, byte[] body) {
        RpcRequest request = RpcRequest.from(http, body);
        trace.context(trace.context().withFormat(ResponseFormat.choose(request.param("Format"), request.header("accept"))));
        trace.action(request.paramOrHeader("Action", "x-acs-action"));
        if (!ResponseFormat.isValid(request.param("Format"))) {
            throw ApiError.invalidParameter("Format", "It must be JSON or XML.").exception();
        }
        RpcAction action = actions.resolve(request);
        // Steps that need no I/O share an operator with the next one: each Mutiny operator costs a throttled call.
        return authenticator.identify(request)
                .chain(claimed -> {
                    // Logged as claimed until verified, so that refusals and bad signatures name their key.
                    Caller claimedCaller = claimed.caller();
                    trace.caller(claimedCaller);
                    rateLimiter.refuseIfKnownEmpty(claimedCaller.account(), action.name());
                    // Values are decoded when read (FormParameters): all of them are read here, so a malformed one
                    // is refused before anything uses it, yet a call refused early never pays for decoding.
                    request.params().requireWellFormed();
                    return authenticator.verify(claimed);
                })
                .chain(caller -> {
                    trace.caller(caller);
                    return rateLimiter.acquire(caller, action.name());
                })
                .chain(caller -> action.invoke(new RpcCall(trace.context(), caller, request)))
                .map(fields -> responses.success(trace.context(), action.name(), fields));
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
