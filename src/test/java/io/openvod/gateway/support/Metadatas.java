package io.openvod.gateway.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes RegisterMetadatas JSON for tests. */
public final class Metadatas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Metadatas() {
    }

    public static String of(String... fileUrls) {
        return json(Arrays.stream(fileUrls).map(url -> (Object) item(url)).toList());
    }

    public static Map<String, Object> item(String fileUrl, Object... fieldsAndValues) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("FileURL", fileUrl);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            item.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return item;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String items(List<Map<String, Object>> items) {
        return json(items);
    }
}
