package io.openvod.gateway.core.validation;

import io.openvod.gateway.core.envelope.ApiError;
import java.util.Map;

/** Integer parameters: absent or empty is "not given"; anything else must be a decimal integer in range. */
final class Numbers {

    private Numbers() {
    }

    static Long optionalLong(Map<String, String> params, String name, long min, long max) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiError.invalidParameter(name, "It must be an integer.").exception();
        }
        if (parsed < min || parsed > max) {
            throw ApiError.invalidParameter(name, "It must be between " + min + " and " + max + ".").exception();
        }
        return parsed;
    }

    static int intOrDefault(Map<String, String> params, String name, int min, int max, int defaultValue) {
        Long value = optionalLong(params, name, min, max);
        return value == null ? defaultValue : value.intValue();
    }
}
