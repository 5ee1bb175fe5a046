package io.openvod.gateway.rpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestLimitsTest {

    @Test
    void bodyOver128KibIs413WithTheEnvelope() {
        given().accept("application/json").contentType("application/x-www-form-urlencoded")
                .body("Action=RegisterMedia&RegisterMetadatas=" + "a".repeat(140_000)).post("/").then()
                .statusCode(413)
                .contentType("application/json")
                .body("Code", equalTo("RequestEntityTooLarge"))
                .body("Message", containsString("131072 bytes"));
    }

    @Test
    void moreThanAHundredParametersIsInvalidParameter() {
        StringBuilder form = new StringBuilder("Action=RegisterMedia");
        for (int i = 0; i < 120; i++) {
            form.append("&p").append(i).append("=x");
        }
        given().accept("application/json").contentType("application/x-www-form-urlencoded").body(form.toString())
                .post("/").then()
                .statusCode(400)
                .body("Code", equalTo("InvalidParameter"))
                .body("Message", containsString("at most 100 parameters"));
    }
}
