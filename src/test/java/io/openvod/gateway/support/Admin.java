package io.openvod.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** The admin API on the management interface, with the test admin token. */
public final class Admin {

    private Admin() {
    }

    public static RequestSpecification call() {
        return anonymous().header("Authorization", "Bearer "
                + ConfigProvider.getConfig().getValue("vod.admin.token", String.class));
    }

    /** Without any token. */
    public static RequestSpecification anonymous() {
        return given().baseUri("http://127.0.0.1").port(port()).contentType(ContentType.JSON);
    }

    /** Quarkus publishes the random management port it bound under this key once started. */
    static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
