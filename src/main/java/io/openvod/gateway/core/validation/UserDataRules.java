package io.openvod.gateway.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.openvod.gateway.core.envelope.ApiError;
import java.util.Locale;
import java.util.regex.Pattern;

/** UserData (docs/vod-api.md §4): a JSON object; Extend at most 512 bytes; a callback URL must be http(s). */
final class UserDataRules {

    static final int MAX_EXTEND_BYTES = 512;
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^/?#\\s]+([/?#]\\S*)?");

    private final ObjectReader reader;

    UserDataRules(ObjectReader reader) {
        this.reader = reader;
    }

    void validate(String userData) {
        if (userData == null) {
            return;
        }
        JsonNode root = read(userData);
        if (!root.isObject()) {
            throw invalid("It must be a JSON object.");
        }
        JsonNode extend = root.get("Extend");
        if (extend != null && !extend.isNull()) {
            String text = extend.isTextual() ? extend.asText() : extend.toString();
            if (TextRules.utf8Length(text) > MAX_EXTEND_BYTES) {
                throw ApiError.lengthExceeded("UserData.Extend", MAX_EXTEND_BYTES).exception();
            }
        }
        JsonNode callback = root.get("MessageCallback");
        if (callback != null && !callback.isNull()) {
            validateCallback(callback);
        }
    }

    private static void validateCallback(JsonNode callback) {
        if (!callback.isObject()) {
            throw invalid("MessageCallback must be a JSON object.");
        }
        JsonNode url = callback.get("CallbackURL");
        if (url != null && !(url.isTextual() && HTTP_URL.matcher(url.asText()).matches())) {
            throw invalid("MessageCallback.CallbackURL must be an http or https URL.");
        }
        JsonNode type = callback.get("CallbackType");
        if (type != null && !(type.isTextual() && type.asText().toLowerCase(Locale.ROOT).matches("http|mns"))) {
            throw invalid("MessageCallback.CallbackType must be http or MNS.");
        }
    }

    private JsonNode read(String userData) {
        try {
            return reader.readTree(userData);
        } catch (Exception e) {
            throw invalid("It is not valid JSON.");
        }
    }

    private static RuntimeException invalid(String why) {
        return ApiError.invalidParameter("UserData", why).exception();
    }
}
