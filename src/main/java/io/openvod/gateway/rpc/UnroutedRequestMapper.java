package io.openvod.gateway.rpc;

import io.openvod.gateway.api.ApiError;
import io.openvod.gateway.api.RpcResponses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Requests that never reach the RPC front door (another path or method, an unreadable body) still get an
 * Alibaba envelope instead of the framework's default page.
 */
public class UnroutedRequestMapper {

    private final RpcResponses responses;

    public UnroutedRequestMapper(RpcResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest http) {
        return responses.error(RpcPipeline.startContext(http), ApiError.actionNotFound(), java.util.Map.of());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest http) {
        return responses.error(RpcPipeline.startContext(http), ApiError.actionNotFound(), java.util.Map.of());
    }

    @ServerExceptionMapper
    public Response otherWebFailure(WebApplicationException e, HttpServerRequest http) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ApiError error = status == 413
                ? ApiError.requestTooLarge("body", -1)
                : status >= 500 ? ApiError.internalError() : ApiError.invalidParameter("Request", e.getMessage());
        return responses.error(RpcPipeline.startContext(http), error, java.util.Map.of());
    }
}
