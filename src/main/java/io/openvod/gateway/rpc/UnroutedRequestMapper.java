package io.openvod.gateway.rpc;

import io.openvod.gateway.core.envelope.ApiError;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Requests that never reach the RPC front door (another path or method, an unreadable body) still get an
 * Alibaba envelope instead of the framework's default page.
 */
public class UnroutedRequestMapper {

    private final RpcResponses responses;
    private final RequestLimits limits;

    public UnroutedRequestMapper(RpcResponses responses, RequestLimits limits) {
        this.responses = responses;
        this.limits = limits;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest http) {
        return answer(http, ApiError.actionNotFound());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest http) {
        return answer(http, ApiError.actionNotFound());
    }

    @ServerExceptionMapper
    public Response otherWebFailure(WebApplicationException e, HttpServerRequest http) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ApiError error = status == 413 ? limits.bodyTooLarge()
                : status >= 500 ? ApiError.internalError()
                : ApiError.invalidParameter("Request", "The HTTP request could not be read.");
        return answer(http, error);
    }

    private Response answer(HttpServerRequest http, ApiError error) {
        return responses.error(RpcPipeline.startContext(http), error, Map.of());
    }
}
