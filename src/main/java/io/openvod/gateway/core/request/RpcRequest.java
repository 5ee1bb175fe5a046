package io.openvod.gateway.core.request;

import io.openvod.gateway.core.envelope.ApiError;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One RPC call as it arrived. Official SDKs put parameters in the query string, the form body, or both
 * (pop-core sends everything including {@code Signature} in the body), so {@link #params()} merges them.
 *
 * @param method  the HTTP method, part of every signature
 * @param query   query parameters (V3 signs these only)
 * @param params  query and form parameters merged; a name may appear once. Values are decoded when read:
 *                see {@link FormParameters}
 * @param headers header values by lower-case name
 * @param body    the raw body, hashed by V3 signatures
 */
public record RpcRequest(String method, FormParameters query, FormParameters params,
        Map<String, String> headers, byte[] body) {

    private static final String FORM = "application/x-www-form-urlencoded";
    /** SDKs send about fifteen; a few hundred is only ever an attempt to make parsing expensive. */
    static final int MAX_PARAMETERS = 100;
    /**
     * Headers a signature reads as one value. Sent twice they would be joined (or the last one would win), so what
     * was signed would be ambiguous; no SDK sends them twice.
     */
    private static final Set<String> SINGLE_VALUED = Set.of("authorization", "x-acs-date", "x-acs-signature-nonce",
            "x-acs-content-sha256", "x-acs-action", "x-acs-version", "host");

    /**
     * @param rawQuery    the query string as it arrived, still encoded (may be null)
     * @param headerPairs header names and values as they arrived; repeated names are joined with a comma
     * @throws io.openvod.gateway.core.envelope.ApiException InvalidParameter for a malformed name, a repeated
     *         parameter or too many
     */
    public static RpcRequest of(String method, String rawQuery, Iterable<Map.Entry<String, String>> headerPairs,
            byte[] body) {
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, String> header : headerPairs) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (headers.containsKey(name) && SINGLE_VALUED.contains(name)) {
                throw ApiError.invalidParameter(header.getKey(), "This header may be sent only once.").exception();
            }
            headers.merge(name, header.getValue(), (a, b) -> a + "," + b);
        }
        FormParameters query = new FormParameters.Builder(MAX_PARAMETERS).parse(rawQuery).build();
        FormParameters params = query;
        String contentType = headers.getOrDefault("content-type", "");
        if (body.length > 0 && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            params = new FormParameters.Builder(MAX_PARAMETERS).addAll(query)
                    .parse(FormCodec.strictUtf8(body, "Body")).build();
        }
        return new RpcRequest(method, query, params, Collections.unmodifiableMap(headers), body);
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
