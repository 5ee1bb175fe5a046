package io.openvod.gateway.core.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.openvod.gateway.core.envelope.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the parameters of a RegisterMedia call into a {@link RegisterMediaRequest}, or a precise 4xx error
 * ({@code ApiException}). Pure: no I/O, so the whole validation matrix runs as plain unit tests.
 */
public final class RegisterMediaParser {

    static final int MAX_ITEMS = 10;
    static final int MAX_ID_LENGTH = 64;

    private static final String METADATAS = "RegisterMetadatas";

    private final ObjectReader reader;
    private final UserDataRules userDataRules;

    public RegisterMediaParser(ObjectMapper json) {
        // Ambiguous JSON is refused, not guessed: a repeated key or text after the array is an error.
        this.reader = json.reader()
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.userDataRules = new UserDataRules(reader);
    }

    /** @param params the call's decoded parameters, by name */
    public RegisterMediaRequest parse(Map<String, String> params) {
        String metadatas = params.get(METADATAS);
        if (metadatas == null || metadatas.isBlank()) {
            throw ApiError.missing(METADATAS).exception();
        }
        List<MediaMetadata> items = distinctItems(readItems(metadatas));
        String storageLocation = items.get(0).fileUrl().storageLocation();
        if (items.stream().anyMatch(item -> !item.fileUrl().storageLocation().equals(storageLocation))) {
            throw ApiError.invalidParameter(METADATAS, "All FileURLs of one request must share one storage location.")
                    .exception();
        }
        TranscodeIntent transcode = TranscodeIntent.of(optionalId(params, "TemplateGroupId"), optionalId(params, "WorkflowId"));
        String userData = emptyToNull(params.get("UserData"));
        userDataRules.validate(userData);
        return new RegisterMediaRequest(items, storageLocation, transcode, userData);
    }

    private List<MediaMetadata> readItems(String metadatas) {
        JsonNode root = readJson(metadatas);
        if (!root.isArray() || root.isEmpty() || root.size() > MAX_ITEMS) {
            throw ApiError.invalidParameter(METADATAS,
                    "It must be a JSON array of 1 to " + MAX_ITEMS + " objects.").exception();
        }
        List<MediaMetadata> items = new ArrayList<>(root.size());
        for (JsonNode node : root) {
            if (!node.isObject()) {
                throw ApiError.invalidParameter(METADATAS, "Each item must be a JSON object.").exception();
            }
            items.add(item(node));
        }
        return items;
    }

    private JsonNode readJson(String text) {
        try {
            return reader.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            throw ApiError.invalidParameter(METADATAS, "It is not valid JSON.").exception();
        }
    }

    private static MediaMetadata item(JsonNode node) {
        String url = string(node, "FileURL");
        if (url == null || url.isEmpty()) {
            throw ApiError.invalidParameter("FileURL", "Each item needs a FileURL.").exception();
        }
        FileUrl fileUrl = FileUrl.parse(url);

        String title = emptyToNull(string(node, "Title"));
        if (title != null) {
            MediaFields.checkTitle(title);
        } else {
            title = TextRules.truncateToBytes(fileUrl.fileName(), MediaFields.MAX_TITLE_BYTES);
        }
        String description = string(node, "Description");
        MediaFields.checkDescription(description);
        String tags = emptyToNull(string(node, "Tags"));
        MediaFields.checkTags(tags);
        String coverUrl = string(node, "CoverURL");
        MediaFields.checkCoverUrl(coverUrl);
        return new MediaMetadata(fileUrl, title, description, tags, coverUrl, cateId(node));
    }

    /** CateId is a long; a JSON string of digits is accepted too, as hand-written JSON often quotes ids. */
    private static Long cateId(JsonNode node) {
        JsonNode value = node.get("CateId");
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw ApiError.invalidParameter("CateId", "It must be an integer.").exception();
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.invalidParameter(field, "It must be a string.").exception();
        }
        return value.asText();
    }

    /** A file listed twice in one request is registered once, with the metadata of its first occurrence. */
    private static List<MediaMetadata> distinctItems(List<MediaMetadata> items) {
        Map<String, MediaMetadata> byKey = new LinkedHashMap<>();
        items.forEach(item -> byKey.putIfAbsent(item.fileUrl().key(), item));
        return List.copyOf(byKey.values());
    }

    private static String optionalId(Map<String, String> params, String parameter) {
        String value = emptyToNull(params.get(parameter));
        if (value != null && (value.length() > MAX_ID_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F))) {
            throw ApiError.invalidParameter(parameter).exception();
        }
        return value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
