package io.openvod.gateway.rpc;

import io.openvod.gateway.api.ApiError;
import io.openvod.gateway.api.FormCodec;
import io.vertx.core.http.HttpServerRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One RPC call as it arrived. Official SDKs put parameters in the query string, the form body, or both
 * (pop-core sends everything including {@code Signature} in the body), so {@link #params()} merges them.
 *
 * @param method  the HTTP method, part of every signature
 * @param query   decoded query parameters (V3 signs these only)
 * @param params  query and form parameters merged; a name may appear once
 * @param headers header values by lower-case name
 * @param body    the raw body, hashed by V3 signatures
 */
public record RpcRequest(String method, Map<String, String> query, Map<String, String> params,
        Map<String, String> headers, byte[] body) {

    private static final String FORM = "application/x-www-form-urlencoded";
    /** SDKs send about fifteen; a few hundred is only ever an attempt to make parsing expensive. */
    static final int MAX_PARAMETERS = 100;

    public static RpcRequest from(HttpServerRequest http, byte[] body) {
        Map<String, String> headers = new TreeMap<>();
        http.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + "," + b));
        Map<String, String> query = new LinkedHashMap<>();
        FormCodec.decode(http.query(), (name, value) -> putOnce(query, name, value));
        Map<String, String> params = new LinkedHashMap<>(query);
        String contentType = headers.getOrDefault("content-type", "");
        if (body.length > 0 && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            FormCodec.decode(FormCodec.strictUtf8(body, "Body"), (name, value) -> putOnce(params, name, value));
        }
        return new RpcRequest(http.method().name(), Collections.unmodifiableMap(query),
                Collections.unmodifiableMap(params), Collections.unmodifiableMap(headers), body);
    }

    /** A parameter given twice would make the signature ambiguous, so it is refused rather than guessed. */
    private static void putOnce(Map<String, String> params, String name, String value) {
        if (params.size() >= MAX_PARAMETERS) {
            throw ApiError.invalidParameter("Parameters", "A request may carry at most " + MAX_PARAMETERS
                    + " parameters.").exception();
        }
        if (params.putIfAbsent(name, value) != null) {
            throw ApiError.invalidParameter(name, "It is given more than once.").exception();
        }
    }

    public String param(String name) {
        return params.get(name);
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** A parameter that current SDKs may send as an {@code x-acs-*} header instead (Action, Version). */
    public String paramOrHeader(String name, String header) {
        String value = params.get(name);
        return value != null ? value : headers.get(header);
    }
}
