package io.openvod.gateway.register;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request-level rejections over HTTP: the envelope (code, status, message, request id, host id), nothing stored, and
 * the checks that need the account's data. The full matrix of what the parser refuses is RegisterMediaParserTest.
 */
@QuarkusTest
class RegisterMediaValidationTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;

    @BeforeEach
    void newAccount() {
        account = accounts.create();
    }

    private ValidatableResponse register(String metadatas) {
        return Rpc.registerMedia(account, metadatas).get().then();
    }

    private ValidatableResponse registerItem(Object... fieldsAndValues) {
        return register(Metadatas.items(List.of(Metadatas.item(account.fileUrl("v.mp4"), fieldsAndValues))));
    }

    private static void isError(ValidatableResponse response, int status, String code, String messagePart) {
        response.statusCode(status)
                .contentType("application/json")
                .body("Code", equalTo(code))
                .body("Message", containsString(messagePart))
                .body("RequestId", matchesPattern("[0-9A-F-]{36}"))
                .body("HostId", notNullValue());
    }

    private void nothingStored() {
        Assertions.assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", account.id())).isZero();
    }

    @Test
    void missingRegisterMetadatas() {
        isError(Rpc.action("RegisterMedia", account).get().then(), 400, "MissingRegisterMetadatas",
                "RegisterMetadatas is mandatory for this action.");
    }

    @Test
    void elevenItemsAreOneTooMany() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            urls.add(account.fileUrl(i + ".mp4"));
        }
        isError(register(Metadatas.of(urls.toArray(String[]::new))), 400, "InvalidParameter", "1 to 10");
        nothingStored();
    }

    @Test
    void filesFromTwoStorageLocationsInOneRequest() {
        isError(register(Metadatas.of(account.fileUrl("a.mp4"), "https://other.oss-cn-beijing.aliyuncs.com/b.mp4")),
                400, "InvalidParameter", "one storage location");
        nothingStored();
    }

    @Test
    void titleOf128BytesOfMultiByteCharactersIsAccepted() {
        // 42 three-byte characters = 126 bytes, under the limit although it looks short
        registerItem("Title", "视".repeat(42)).statusCode(200);
    }

    @Test
    void titleOver128BytesCountsUtf8BytesNotCharacters() {
        // 43 characters, 129 bytes
        isError(registerItem("Title", "视".repeat(43)), 400, "LengthExceededMax", "Title length has exceeded 128 bytes");
        nothingStored();
    }

    @Test
    void unknownTemplateGroup() {
        isError(Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).param("TemplateGroupId", "nope").get().then(),
                404, "InvalidTemplateGroupId.NotFound", "TemplateGroupId does not exist");
        nothingStored();
    }

    @Test
    void unknownWorkflow() {
        isError(Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).param("WorkflowId", "nope").get().then(),
                404, "InvalidWorkflowId.NotFound", "WorkflowId does not exist");
    }

    @Test
    void unknownCategory() {
        isError(registerItem("CateId", 987654321), 404, "InvalidCateId.NotFound", "CateId");
        nothingStored();
    }

    @Test
    void anotherAccountsTemplateGroupAndCategoryAreUnknown() {
        TestAccount other = accounts.create();
        isError(Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4")))
                .param("TemplateGroupId", other.templateGroupId()).get().then(), 404, "InvalidTemplateGroupId.NotFound", "");
        isError(registerItem("CateId", other.cateId()), 404, "InvalidCateId.NotFound", "");
        nothingStored();
    }

    @Test
    void userDataThatIsNotAJsonObject() {
        isError(Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).param("UserData", "[1,2]").get().then(),
                400, "InvalidParameter", "\"UserData\"");
    }

    @Test
    void unknownAccessKey() {
        isError(Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).param("AccessKeyId", "LTAInobody").get().then(),
                404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }
}
