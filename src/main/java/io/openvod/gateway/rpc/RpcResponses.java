package io.openvod.gateway.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.gateway.action.ActionResponse;
import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.envelope.RequestContext;
import io.openvod.gateway.core.envelope.ResponseFormat;
import io.openvod.gateway.core.envelope.XmlRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a result or a failure into the Alibaba RPC envelope, in JSON or XML. */
@ApplicationScoped
public class RpcResponses {

    public static final String REQUEST_ID_HEADER = "x-acs-request-id";

    private final ObjectMapper json;
    private final EnvelopeConfig config;

    public RpcResponses(ObjectMapper json, EnvelopeConfig config) {
        this.json = json;
        this.config = config;
    }

    public Response success(RequestContext context, String action, ActionResponse answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", context.requestId());
        body.putAll(answer.fields());
        return build(context, 200, action + "Response", body, Map.of());
    }

    public Response error(RequestContext context, ApiError error, Map<String, String> headers) {
        return build(context, error.status(), "Error", errorFields(context, error), headers);
    }

    /** The error envelope as bytes, for the few places that answer below JAX-RS (request limits). */
    public byte[] errorBody(RequestContext context, ApiError error) {
        return render(context, "Error", errorFields(context, error));
    }

    private Map<String, Object> errorFields(RequestContext context, ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", context.requestId());
        body.put("HostId", config.hostId().orElse(context.hostId()));
        body.put("Code", error.code());
        body.put("Message", error.message());
        if (!"none".equals(config.recommendUrl())) {
            body.put("Recommend", config.recommendUrl()
                    .replace("{host}", context.hostId())
                    .replace("{code}", error.code())
                    .replace("{requestId}", context.requestId()));
        }
        return body;
    }

    private Response build(RequestContext context, int status, String xmlRoot, Map<String, Object> body,
            Map<String, String> headers) {
        Response.ResponseBuilder response = Response.status(status)
                .header("Content-Type", context.format().contentType())
                .header(REQUEST_ID_HEADER, context.requestId())
                .entity(render(context, xmlRoot, body));
        headers.forEach(response::header);
        return response.build();
    }

    private byte[] render(RequestContext context, String xmlRoot, Map<String, Object> body) {
        return context.format() == ResponseFormat.XML
                ? XmlRenderer.render(xmlRoot, body).getBytes(StandardCharsets.UTF_8)
                : toJson(body);
    }

    private byte[] toJson(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // Only maps, lists, strings, numbers and booleans are put in a body: this cannot happen.
            throw new IllegalStateException(e);
        }
    }
}
