package io.openvod.gateway.core.validation;

import io.openvod.gateway.core.envelope.ApiError;
import java.util.Locale;
import java.util.Map;

/**
 * A valid GetMezzanineInfo call.
 *
 * @param authTimeout seconds a signed FileURL stays valid (default 1800, at least 1)
 * @param outputType  {@code oss} or {@code cdn} as asked (default {@code cdn}, as the real service)
 */
public record MezzanineQuery(String videoId, long authTimeout, String outputType) {

    static final long DEFAULT_AUTH_TIMEOUT = 1800;

    public static MezzanineQuery parse(Map<String, String> params) {
        String videoId = VideoIds.one(params);
        Long authTimeout = Numbers.optionalLong(params, "AuthTimeout", 1, Integer.MAX_VALUE);
        String outputType = params.get("OutputType");
        if (outputType == null || outputType.isEmpty()) {
            outputType = "cdn";
        } else if (!outputType.equalsIgnoreCase("oss") && !outputType.equalsIgnoreCase("cdn")) {
            throw ApiError.invalidParameter("OutputType").exception();
        }
        String additionType = params.get("AdditionType");
        if (additionType != null && !additionType.isEmpty()) {
            for (String type : additionType.split(",")) {
                if (!type.strip().equals("video") && !type.strip().equals("audio")) {
                    throw ApiError.invalidParameter("AdditionType").exception();
                }
            }
        }
        return new MezzanineQuery(videoId, authTimeout == null ? DEFAULT_AUTH_TIMEOUT : authTimeout,
                outputType.toLowerCase(Locale.ROOT));
    }
}
