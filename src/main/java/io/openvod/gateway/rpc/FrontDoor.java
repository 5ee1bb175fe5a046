package io.openvod.gateway.rpc;

import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.envelope.RequestContext;
import io.openvod.gateway.core.envelope.ResponseFormat;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The first and last word on every request to the RPC port, below JAX-RS: what the framework would otherwise answer
 * itself (with an empty body, an HTML page or its own JSON) and log (with the full URL, signature and nonce
 * included) is answered here with the Alibaba envelope and a request id.
 * <ul>
 * <li>Before routing: only {@code GET} and {@code POST} of the path {@code /} exist (anything else is
 * {@code InvalidAction.NotFound}); an HTTP/1.x request needs exactly one valid {@code Host}. These are the requests
 * the framework fails on before our pipeline runs. (Malformed escapes in the request line never get this far: the
 * HTTP decoder refuses them with an empty 400, see the README's framing errors.)</li>
 * <li>After: any failure of any handler ends here, so the framework's error handler (which logs the request URL)
 * never sees a request. Client mistakes are not logged; a 500 is logged with its RequestId and stack trace, never
 * the URL.</li>
 * </ul>
 */
@ApplicationScoped
public class FrontDoor {

    private static final Logger LOG = Logger.getLogger(FrontDoor.class);
    private static final int ORDER = -200;

    private final RpcResponses responses;
    private final RequestLimits limits;
    private final HeadDeadlines deadlines;
    private final boolean devMode;

    public FrontDoor(RpcResponses responses, RequestLimits limits, HeadDeadlines deadlines) {
        this.responses = responses;
        this.limits = limits;
        this.deadlines = deadlines;
        this.devMode = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::screen);
        router.route().order(ORDER).failureHandler(this::failed);
        for (int status : new int[] {400, 404, 405, 413, 414, 431, 500}) {
            router.errorHandler(status, ctx -> respond(ctx, byStatus(ctx.statusCode())));
        }
    }

    private void screen(RoutingContext ctx) {
        deadlines.headArrived(ctx);
        HttpServerRequest http = ctx.request();
        if (devMode && http.path() != null && http.path().startsWith("/q/")) {
            ctx.next(); // Dev UI only; in production /q/ lives on the management port.
            return;
        }
        ApiError refusal = refusal(http);
        if (refusal != null) {
            respond(ctx, refusal);
            return;
        }
        ctx.next();
    }

    /** Why a request cannot be an RPC call at all, or null. */
    /** The one static page on the RPC port: the table of error codes, from docs/errors.md. */
    static final String ERROR_TABLE = "/errors.md";

    private static ApiError refusal(HttpServerRequest http) {
        if (!hasValidHost(http)) {
            return ApiError.invalidParameter("Host", "An HTTP/1.1 request needs exactly one valid Host header.");
        }
        if (http.method() == HttpMethod.GET && ERROR_TABLE.equals(http.path())) {
            return null; // the page every error envelope's Recommend links to (EnvelopeConfig)
        }
        if ((http.method() != HttpMethod.GET && http.method() != HttpMethod.POST) || !"/".equals(http.path())) {
            return ApiError.actionNotFound();
        }
        return null;
    }

    private static boolean hasValidHost(HttpServerRequest http) {
        if (http.version() == HttpVersion.HTTP_2) {
            return http.authority() != null;
        }
        // Vert.x parses the Host header into the authority and refuses to build the request URI without one.
        return http.headers().getAll("Host").size() == 1 && http.authority() != null;
    }

    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        ApiError refusal = refusal(ctx.request());
        // A request that is no RPC call at all (no Host, another path) often fails in the framework before screen().
        ApiError error = refusal != null ? refusal
                : failure == null ? byStatus(ctx.statusCode())
                : failure instanceof IllegalArgumentException ? byStatus(400)
                : ServerFailures.classify(failure);
        RequestContext context = respond(ctx, error);
        if (error.status() == 500 && failure != null) {
            LOG.errorf(failure, "RequestId %s failed unexpectedly", context.requestId());
        }
    }

    private ApiError byStatus(int status) {
        return switch (status) {
            case 404, 405 -> ApiError.actionNotFound();
            case 413 -> limits.bodyTooLarge();
            case 503 -> ApiError.serviceUnavailable();
            default -> status >= 400 && status < 500
                    ? ApiError.invalidParameter("Request", "The HTTP request could not be read.")
                    : ApiError.internalError();
        };
    }

    private RequestContext respond(RoutingContext ctx, ApiError error) {
        HttpServerRequest http = ctx.request();
        String host = http.getHeader("Host");
        RequestContext context = new RequestContext(RequestContext.newRequestId(),
                ResponseFormat.choose(null, http.getHeader("Accept")),
                host != null && hasValidHost(http) ? host : "localhost", System.nanoTime());
        if (!ctx.response().ended() && !ctx.response().headWritten()) {
            ctx.response().setStatusCode(error.status())
                    .putHeader("Content-Type", context.format().contentType())
                    .putHeader(RpcResponses.REQUEST_ID_HEADER, context.requestId())
                    .end(Buffer.buffer(responses.errorBody(context, error)));
        }
        return context;
    }
}
