package io.openvod.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds an RPC call the way an SDK does and sends it over real HTTP. Parameters go in the query string
 * ({@link #get()}, {@link #post()}) or in a form body ({@link #postForm()}).
 */
public final class Rpc {

    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Rpc() {
    }

    public static Rpc action(String action, TestAccount account) {
        Rpc rpc = new Rpc();
        rpc.params.put("Action", action);
        rpc.params.put("Version", "2017-03-21");
        rpc.params.put("Format", "JSON");
        if (account != null) {
            rpc.params.put("AccessKeyId", account.accessKeyId());
        }
        return rpc;
    }

    public static Rpc registerMedia(TestAccount account, String registerMetadatas) {
        return action("RegisterMedia", account).param("RegisterMetadatas", registerMetadatas);
    }

    public Rpc param(String name, String value) {
        params.put(name, value);
        return this;
    }

    public Rpc without(String name) {
        params.remove(name);
        return this;
    }

    public Rpc header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Response get() {
        return spec().queryParams(params).get("/");
    }

    public Response post() {
        return spec().queryParams(params).post("/");
    }

    public Response postForm() {
        return spec().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(params).post("/");
    }

    private RequestSpecification spec() {
        return given().urlEncodingEnabled(true).headers(headers);
    }
}
