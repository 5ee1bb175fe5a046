package io.openvod.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Answers read with Jackson, for tests that read hundreds of them: RestAssured's Groovy JsonPath costs about 20 ms per
 * body, which was 20 s of DatabaseOutageTest alone.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode of(Response response) {
        try {
            return MAPPER.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
