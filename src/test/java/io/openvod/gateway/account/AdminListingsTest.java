package io.openvod.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.openvod.gateway.support.Admin;
import io.openvod.gateway.support.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API's paged listings. */
@QuarkusTest
class AdminListingsTest {

    private static long createAccount() {
        return Admin.call().body("{\"name\":\"list-" + UUID.randomUUID() + "\"}").post("/admin/accounts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void accountsArePagedInTheOrderTheyWereCreated() {
        long first = createAccount();
        long second = createAccount();
        long total = Admin.call().get("/admin/accounts?pageSize=1").then().statusCode(200)
                .body("pageNumber", equalTo(1)).body("pageSize", equalTo(1)).body("items", hasSize(1))
                .extract().jsonPath().getLong("total");

        JsonPath lastPage = Admin.call().get("/admin/accounts?pageSize=1&pageNumber=" + total).then().statusCode(200)
                .extract().jsonPath();
        JsonPath beforeLast = Admin.call().get("/admin/accounts?pageSize=1&pageNumber=" + (total - 1))
                .then().statusCode(200).extract().jsonPath();

        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(lastPage.getLong("items[0].id")).isEqualTo(second);
        assertThat(beforeLast.getLong("items[0].id")).isEqualTo(first);
    }

    @Test
    void aPageBeyondTheLastIsEmpty() {
        createAccount();

        Admin.call().get("/admin/accounts?pageNumber=1000000").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void everythingAnAccountOwnsIsListedAndNoSecret() {
        TestAccount account = AdminApiTest.provisionThroughTheApi();
        String base = "/admin/accounts/" + account.id();

        Admin.call().get(base + "/access-keys").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].accessKeyId", equalTo(account.accessKeyId()))
                .body("items[0]", not(hasKey("accessKeySecret")));
        Admin.call().get(base + "/storage-locations").then().statusCode(200)
                .body("items.host", equalTo(List.of(account.bucketHost())));
        Admin.call().get(base + "/template-groups").then().statusCode(200)
                .body("items[0].id", equalTo(account.templateGroupId())).body("items[0].name", equalTo("tg"));
        Admin.call().get(base + "/workflows").then().statusCode(200)
                .body("items[0].id", equalTo(account.workflowId()));
        Admin.call().get(base + "/categories").then().statusCode(200)
                .body("items[0].id", equalTo((int) account.cateId())).body("items[0].name", equalTo("cat"));
    }

    @Test
    void anUnknownAccountsListingIsNotFound() {
        Admin.call().get("/admin/accounts/999999999/workflows").then().statusCode(404).body("Code", equalTo("NotFound"));
    }

    @Test
    void aPageSizeOutOfRangeIsBadRequest() {
        Admin.call().get("/admin/accounts?pageSize=101").then().statusCode(400)
                .body("Code", equalTo("InvalidParameter")).body("Message", org.hamcrest.Matchers.containsString("pageSize"));
    }

    @Test
    void listingsNeedTheToken() {
        Admin.anonymous().get("/admin/accounts").then().statusCode(401);
    }
}
