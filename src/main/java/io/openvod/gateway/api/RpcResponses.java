package io.openvod.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** Turns a result or a failure into the Alibaba RPC envelope, in JSON or XML. */
@ApplicationScoped
public class RpcResponses {

    public static final String REQUEST_ID_HEADER = "x-acs-request-id";
    private static final Logger LOG = Logger.getLogger(RpcResponses.class);

    private final ObjectMapper json;
    private final EnvelopeConfig config;

    public RpcResponses(ObjectMapper json, EnvelopeConfig config) {
        this.json = json;
        this.config = config;
    }

    /** {@code fields} must not contain {@code Code}: pop-core treats any body with a Code as an error. */
    public Response success(RequestContext context, String action, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", context.requestId());
        body.putAll(fields);
        return build(context, 200, action + "Response", body, Map.of());
    }

    public Response error(RequestContext context, Throwable failure) {
        if (failure instanceof ApiException api) {
            return error(context, api.error(), api.headers());
        }
        ApiError error = ServerFailures.classify(failure);
        if (error.status() == 500) {
            LOG.errorf(failure, "RequestId %s failed unexpectedly", context.requestId());
        } else {
            LOG.warnf("RequestId %s: %s (%s)", context.requestId(), error.code(), failure.toString());
        }
        return error(context, error, Map.of());
    }

    public Response error(RequestContext context, ApiError error, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", context.requestId());
        body.put("HostId", config.hostId().orElse(context.hostId()));
        body.put("Code", error.code());
        body.put("Message", error.message());
        if (!"none".equals(config.recommendUrl())) {
            body.put("Recommend", config.recommendUrl()
                    .replace("{code}", error.code())
                    .replace("{requestId}", context.requestId()));
        }
        return build(context, error.status(), "Error", body, headers);
    }

    private Response build(RequestContext context, int status, String xmlRoot, Map<String, Object> body,
            Map<String, String> headers) {
        byte[] entity = context.format() == ResponseFormat.XML
                ? XmlRenderer.render(xmlRoot, body).getBytes(StandardCharsets.UTF_8)
                : toJson(body);
        Response.ResponseBuilder response = Response.status(status)
                .header("Content-Type", context.format().contentType())
                .header(REQUEST_ID_HEADER, context.requestId())
                .entity(entity);
        headers.forEach(response::header);
        return response.build();
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
