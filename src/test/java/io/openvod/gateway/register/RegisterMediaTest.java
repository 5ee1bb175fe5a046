package io.openvod.gateway.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegisterMediaTest {

    @Inject
    TestAccounts accounts;

    TestAccount account;

    @BeforeEach
    void newAccount() {
        account = accounts.create();
    }

    @Test
    void newFileGetsNewMediaIdAndNewRegisterTrue() {
        String url = account.fileUrl("video/a.mp4");
        Rpc.registerMedia(account, Metadatas.of(url)).get().then()
                .statusCode(200)
                .contentType("application/json")
                .header("x-acs-request-id", matchesPattern("[0-9A-F-]{36}"))
                .body("RequestId", matchesPattern("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"))
                .body("$", not(hasKey("Code")))
                .body("RegisteredMediaList", hasSize(1))
                .body("RegisteredMediaList[0].MediaId", matchesPattern("[0-9a-f]{32}"))
                .body("RegisteredMediaList[0].FileURL", equalTo(url))
                .body("RegisteredMediaList[0].NewRegister", equalTo(true))
                .body("FailedFileURLs", hasSize(0));
    }

    @Test
    void repeatedFileReturnsSameMediaIdWithNewRegisterFalse() {
        String url = account.fileUrl("video/b.mp4");
        JsonPath first = Rpc.registerMedia(account, Metadatas.of(url)).get().then().statusCode(200).extract().jsonPath();
        JsonPath second = Rpc.registerMedia(account, Metadatas.of(url)).get().then().statusCode(200).extract().jsonPath();

        assertThat(second.getString("RegisteredMediaList[0].MediaId"))
                .isEqualTo(first.getString("RegisteredMediaList[0].MediaId"));
        assertThat(second.getBoolean("RegisteredMediaList[0].NewRegister")).isFalse();
    }
}
