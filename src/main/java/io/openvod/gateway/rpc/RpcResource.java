package io.openvod.gateway.rpc;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The RPC front door: {@code GET /} and {@code POST /} with any content type. The body is taken as bytes
 * because V3 signatures hash it and form parameters must be decoded strictly by us.
 */
@Path("/")
public class RpcResource {

    private static final byte[] NO_BODY = new byte[0];

    private final RpcPipeline pipeline;

    public RpcResource(RpcPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @GET
    @Produces(MediaType.WILDCARD)
    public Uni<Response> get(@Context HttpServerRequest http) {
        return pipeline.handle(http, NO_BODY);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.WILDCARD)
    public Uni<Response> post(@Context HttpServerRequest http, byte[] body) {
        return pipeline.handle(http, body == null ? NO_BODY : body);
    }
}
