package io.openvod.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.openvod.gateway.support.Admin;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API contract, on the management interface. */
@QuarkusTest
class AdminApiTest {

    private static String uniqueName() {
        return "acme-" + UUID.randomUUID();
    }

    private static long createAccount(String name) {
        return Admin.call().body("{\"name\":\"" + name + "\"}").post("/admin/accounts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void withoutTokenIsUnauthorized() {
        Admin.anonymous().body("{\"name\":\"x\"}").post("/admin/accounts").then().statusCode(401)
                .body("Code", equalTo("Unauthorized"));
    }

    @Test
    void wrongTokenIsUnauthorized() {
        Admin.anonymous().header("Authorization", "Bearer nope").get("/admin/accounts/1").then().statusCode(401);
    }

    @Test
    void createAccountAnswersItWithTheDefaultRateLimit() {
        String name = uniqueName();
        Admin.call().body("{\"name\":\"" + name + "\"}").post("/admin/accounts").then().statusCode(201)
                .body("name", equalTo(name)).body("rateLimitPerSecond", nullValue());
    }

    @Test
    void createAccountWithRateLimitKeepsIt() {
        long id = Admin.call().body("{\"name\":\"" + uniqueName() + "\",\"rateLimitPerSecond\":50}")
                .post("/admin/accounts").then().statusCode(201).body("rateLimitPerSecond", equalTo(50))
                .extract().jsonPath().getLong("id");

        Admin.call().get("/admin/accounts/" + id).then().statusCode(200).body("rateLimitPerSecond", equalTo(50));
    }

    @Test
    void duplicateAccountNameIsConflict() {
        String name = uniqueName();
        createAccount(name);

        Admin.call().body("{\"name\":\"" + name + "\"}").post("/admin/accounts").then().statusCode(409)
                .body("Code", equalTo("Conflict"));
    }

    @Test
    void invalidRateLimitIsBadRequest() {
        Admin.call().body("{\"name\":\"" + uniqueName() + "\",\"rateLimitPerSecond\":0}").post("/admin/accounts")
                .then().statusCode(400).body("Code", equalTo("InvalidParameter"));
    }

    @Test
    void malformedJsonIsBadRequest() {
        Admin.call().body("{nope").post("/admin/accounts").then().statusCode(400).body("Code", equalTo("InvalidParameter"));
    }

    @Test
    void unknownAccountIsNotFound() {
        Admin.call().get("/admin/accounts/999999999").then().statusCode(404).body("Code", equalTo("NotFound"));
    }

    @Test
    void patchRateLimitAndResetItWithNull() {
        long id = createAccount(uniqueName());

        Admin.call().body("{\"rateLimitPerSecond\":100}").patch("/admin/accounts/" + id).then().statusCode(200)
                .body("rateLimitPerSecond", equalTo(100));
        Admin.call().body("{\"rateLimitPerSecond\":null}").patch("/admin/accounts/" + id).then().statusCode(200)
                .body("rateLimitPerSecond", nullValue());
    }

    @Test
    void issuedKeyIsReturnedWithItsSecretOnceAndListedWithout() {
        long id = createAccount(uniqueName());

        Admin.call().body("{}").post("/admin/accounts/" + id + "/access-keys").then().statusCode(201)
                .body("accessKeyId", startsWith("LTAI")).body("accessKeySecret", not(nullValue()))
                .body("status", equalTo("Active"));
        Admin.call().get("/admin/accounts/" + id + "/access-keys").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0]", not(hasKey("accessKeySecret")))
                .body("items[0].status", equalTo("Active"));
    }

    @Test
    void keyForAnUnknownAccountIsNotFound() {
        Admin.call().body("{}").post("/admin/accounts/999999999/access-keys").then().statusCode(404);
    }

    @Test
    void provisionedAccountCanRegisterMediaAtOnce() {
        TestAccount account = provisionThroughTheApi();

        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("admin/a.mp4"))).get().then().statusCode(200)
                .body("RegisteredMediaList[0].NewRegister", equalTo(true));
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("admin/b.mp4")))
                .param("TemplateGroupId", account.templateGroupId()).param("CateId", "" + account.cateId())
                .get().then().statusCode(200);
    }

    @Test
    void disabledKeyStopsWorkingAndDeletedKeyIsUnknown() {
        TestAccount account = provisionThroughTheApi();

        Admin.call().body("{\"status\":\"Inactive\"}").patch("/admin/access-keys/" + account.accessKeyId())
                .then().statusCode(204);
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("x.mp4"))).get().then()
                .body("Code", equalTo("InvalidAccessKeyId.Inactive"));
        Admin.call().delete("/admin/access-keys/" + account.accessKeyId()).then().statusCode(204);
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("x.mp4"))).get().then().statusCode(404)
                .body("Code", equalTo("InvalidAccessKeyId.NotFound"));
    }

    @Test
    void deletingAnotherAccountsResourceIsNotFound() {
        TestAccount owner = provisionThroughTheApi();
        long stranger = createAccount(uniqueName());

        Admin.call().delete("/admin/accounts/" + stranger + "/template-groups/" + owner.templateGroupId())
                .then().statusCode(404);
        Admin.call().delete("/admin/accounts/" + owner.id() + "/template-groups/" + owner.templateGroupId())
                .then().statusCode(204);
        Rpc.registerMedia(owner, Metadatas.of(owner.fileUrl("y.mp4"))).param("TemplateGroupId", owner.templateGroupId())
                .get().then().body("Code", equalTo("InvalidTemplateGroupId.NotFound"));
    }

    @Test
    void removedStorageLocationNoLongerRegisters() {
        TestAccount account = provisionThroughTheApi();

        Admin.call().delete("/admin/accounts/" + account.id() + "/storage-locations/" + account.bucketHost())
                .then().statusCode(204);
        String url = account.fileUrl("z.mp4");
        Rpc.registerMedia(account, Metadatas.of(url)).get().then().statusCode(200)
                .body("FailedFileURLs[0]", equalTo(url));
    }

    @Test
    void deletedAccountIsGoneAndItsKeyWithIt() {
        TestAccount account = provisionThroughTheApi();

        Admin.call().delete("/admin/accounts/" + account.id()).then().statusCode(204);

        Admin.call().get("/admin/accounts/" + account.id()).then().statusCode(404);
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("gone.mp4"))).get().then().statusCode(404)
                .body("Code", equalTo("InvalidAccessKeyId.NotFound"));
    }

    @Test
    void callerChosenKeyPairIsAccepted() {
        long id = createAccount(uniqueName());
        String keyId = "LTAIchosen" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        Admin.call().body("{\"accessKeyId\":\"" + keyId + "\",\"accessKeySecret\":\"chosen-secret-123\"}")
                .post("/admin/accounts/" + id + "/access-keys").then().statusCode(201)
                .body("accessKeyId", equalTo(keyId)).body("accessKeySecret", equalTo("chosen-secret-123"));
        Admin.call().body("{\"accessKeyId\":\"" + keyId + "\"}").post("/admin/accounts/" + id + "/access-keys")
                .then().statusCode(409);
    }

    /** Everything a caller needs, provisioned only through the HTTP admin API. */
    static TestAccount provisionThroughTheApi() {
        long id = createAccount(uniqueName());
        JsonPath key = Admin.call().body("{}").post("/admin/accounts/" + id + "/access-keys")
                .then().statusCode(201).extract().jsonPath();
        String host = "bucket-" + UUID.randomUUID().toString().substring(0, 8) + ".oss-cn-shanghai.aliyuncs.com";
        Admin.call().body("{\"host\":\"" + host + "\"}").post("/admin/accounts/" + id + "/storage-locations")
                .then().statusCode(201);
        String group = Admin.call().body("{\"name\":\"tg\"}").post("/admin/accounts/" + id + "/template-groups")
                .then().statusCode(201).extract().jsonPath().getString("id");
        String workflow = Admin.call().body("{\"id\":\"wf" + UUID.randomUUID().toString().replace("-", "") + "\"}")
                .post("/admin/accounts/" + id + "/workflows").then().statusCode(201).extract().jsonPath().getString("id");
        long category = Admin.call().body("{\"name\":\"cat\"}").post("/admin/accounts/" + id + "/categories")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(workflow).startsWith("wf");
        return new TestAccount(id, key.getString("accessKeyId"), key.getString("accessKeySecret"), host, group,
                workflow, category);
    }
}
