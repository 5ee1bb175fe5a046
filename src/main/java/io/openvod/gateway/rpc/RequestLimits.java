package io.openvod.gateway.rpc;

import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.envelope.RequestContext;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rejects an oversized body before it is read, with the Alibaba envelope rather than the HTTP layer's empty
 * 413. The limit is the one the HTTP layer enforces anyway ({@code quarkus.http.limits.max-body-size}), which
 * still stops a chunked body that grows past it.
 */
@ApplicationScoped
public class RequestLimits {

    private final RpcResponses responses;
    private final long maxBodyBytes;

    public RequestLimits(RpcResponses responses,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.responses = responses;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && exceeds(length)) {
                RequestContext context = RpcPipeline.startContext(ctx.request());
                ApiError error = bodyTooLarge();
                ctx.response().setStatusCode(error.status())
                        .putHeader("Content-Type", context.format().contentType())
                        .putHeader(RpcResponses.REQUEST_ID_HEADER, context.requestId())
                        .putHeader("Connection", "close")
                        .end(Buffer.buffer(responses.errorBody(context, error)));
                return;
            }
            ctx.next();
        });
    }

    /** The answer to a body over the limit, wherever it is noticed. */
    ApiError bodyTooLarge() {
        return ApiError.requestTooLarge("body", maxBodyBytes);
    }

    private boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
