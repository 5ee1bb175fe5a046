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

/** Every request-level rejection: the code, the status, a message naming the parameter, and nothing stored. */
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
    void registerMetadatasThatIsNotJson() {
        isError(register("[{\"FileURL\":"), 400, "InvalidParameter", "\"RegisterMetadatas\"");
    }

    @Test
    void registerMetadatasThatIsAnObjectNotAnArray() {
        isError(register("{\"FileURL\":\"" + account.fileUrl("a.mp4") + "\"}"), 400, "InvalidParameter", "RegisterMetadatas");
    }

    @Test
    void registerMetadatasThatIsAnEmptyArray() {
        isError(register("[]"), 400, "InvalidParameter", "RegisterMetadatas");
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
    void itemThatIsNotAnObject() {
        isError(register("[\"" + account.fileUrl("a.mp4") + "\"]"), 400, "InvalidParameter", "JSON object");
    }

    @Test
    void itemWithoutFileUrl() {
        isError(register("[{\"Title\":\"t\"}]"), 400, "InvalidParameter", "\"FileURL\"");
    }

    @Test
    void fileUrlThatIsNotHttp() {
        isError(register(Metadatas.of("ftp://" + account.bucketHost() + "/a.mp4")), 400, "InvalidParameter", "FileURL");
    }

    @Test
    void fileUrlWithoutObjectPath() {
        isError(register(Metadatas.of("https://" + account.bucketHost() + "/")), 400, "InvalidParameter", "FileURL");
    }

    @Test
    void fileUrlOver1024Bytes() {
        isError(register(Metadatas.of(account.fileUrl("a".repeat(1024) + ".mp4"))), 400, "LengthExceededMax",
                "FileURL length has exceeded 1024 bytes");
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
    void descriptionOver1024Bytes() {
        isError(registerItem("Description", "é".repeat(513)), 400, "LengthExceededMax", "Description length has exceeded 1024 bytes");
    }

    @Test
    void coverUrlOver1024Bytes() {
        isError(registerItem("CoverURL", "https://img.example.com/" + "c".repeat(1010)), 400, "LengthExceededMax", "CoverURL");
    }

    @Test
    void seventeenTagsAreOneTooMany() {
        isError(registerItem("Tags", "t,".repeat(16) + "t17"), 400, "TagsExceededMax",
                "Tags count has exceeded 16");
    }

    @Test
    void sixteenTagsAreAccepted() {
        registerItem("Tags", String.join(",", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
                "n", "o", "p"))).statusCode(200);
    }

    @Test
    void tagOver32Bytes() {
        isError(registerItem("Tags", "ok,标签标签标签标签标签标"), 400, "LengthExceededMax", "Tag length has exceeded 32 bytes");
    }

    @Test
    void emojiInTitle() {
        isError(registerItem("Title", "party \uD83C\uDF89"), 400, "IllegalCharacters", "Title");
    }

    @Test
    void controlCharacterInDescription() {
        isError(registerItem("Description", "bell\u0007"), 400, "IllegalCharacters", "Description");
    }

    @Test
    void bmpEmoticonInTags() {
        isError(registerItem("Tags", "sun,\u2600"), 400, "IllegalCharacters", "Tags");
    }

    @Test
    void titleThatIsNotAString() {
        isError(registerItem("Title", 12), 400, "InvalidParameter", "\"Title\"");
    }

    @Test
    void cateIdThatIsNotAnInteger() {
        isError(registerItem("CateId", "twelve"), 400, "InvalidParameter", "\"CateId\"");
    }

    @Test
    void unknownItemKeysAreIgnored() {
        registerItem("Whatever", Map.of("nested", true)).statusCode(200);
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
    void userDataExtendOver512Bytes() {
        String userData = "{\"Extend\":\"" + "x".repeat(513) + "\"}";
        isError(Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).param("UserData", userData).get().then(),
                400, "LengthExceededMax", "UserData.Extend");
    }

    @Test
    void userDataCallbackUrlThatIsNotHttp() {
        String userData = "{\"MessageCallback\":{\"CallbackURL\":\"javascript:alert(1)\"}}";
        isError(Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).param("UserData", userData).get().then(),
                400, "InvalidParameter", "CallbackURL");
    }

    @Test
    void unknownAccessKey() {
        isError(Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).param("AccessKeyId", "LTAInobody").get().then(),
                404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }
}
