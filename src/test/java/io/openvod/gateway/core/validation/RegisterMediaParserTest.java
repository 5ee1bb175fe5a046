package io.openvod.gateway.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.envelope.ApiException;
import io.openvod.gateway.support.Metadatas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every rejection RegisterMedia makes before it touches the database: its code, status and a message naming the
 * parameter. The wiring (envelope, request id, nothing stored) is {@code RegisterMediaValidationTest}'s, over HTTP.
 */
class RegisterMediaParserTest {

    private static final String BUCKET = "https://media.oss-cn-shanghai.aliyuncs.com";

    private final RegisterMediaParser parser = new RegisterMediaParser(new ObjectMapper());

    private static String fileUrl(String name) {
        return BUCKET + "/videos/" + name;
    }

    private RegisterMediaRequest parse(String metadatas, String... otherParams) {
        Map<String, String> params = new HashMap<>();
        if (metadatas != null) {
            params.put("RegisterMetadatas", metadatas);
        }
        for (int i = 0; i < otherParams.length; i += 2) {
            params.put(otherParams[i], otherParams[i + 1]);
        }
        return parser.parse(params);
    }

    private RegisterMediaRequest parseItem(Object... fieldsAndValues) {
        return parse(Metadatas.items(List.of(Metadatas.item(fileUrl("v.mp4"), fieldsAndValues))));
    }

    private static void isError(Runnable call, int status, String code, String messagePart) {
        ApiError error = catchThrowableOfType(ApiException.class, call::run).error();
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.message()).contains(messagePart);
    }

    @Test
    void missingRegisterMetadatas() {
        isError(() -> parse(null), 400, "MissingRegisterMetadatas", "RegisterMetadatas is mandatory for this action.");
    }

    @Test
    void registerMetadatasThatIsNotJson() {
        isError(() -> parse("[{\"FileURL\":"), 400, "InvalidParameter", "\"RegisterMetadatas\"");
    }

    @Test
    void registerMetadatasThatIsAnObjectNotAnArray() {
        isError(() -> parse("{\"FileURL\":\"" + fileUrl("a.mp4") + "\"}"), 400, "InvalidParameter", "RegisterMetadatas");
    }

    @Test
    void registerMetadatasThatIsAnEmptyArray() {
        isError(() -> parse("[]"), 400, "InvalidParameter", "RegisterMetadatas");
    }

    @Test
    void elevenItemsAreOneTooMany() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            urls.add(fileUrl(i + ".mp4"));
        }
        isError(() -> parse(Metadatas.of(urls.toArray(String[]::new))), 400, "InvalidParameter", "1 to 10");
    }

    @Test
    void tenItemsAreAccepted() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            urls.add(fileUrl(i + ".mp4"));
        }
        assertThat(parse(Metadatas.of(urls.toArray(String[]::new))).items()).hasSize(10);
    }

    @Test
    void itemThatIsNotAnObject() {
        isError(() -> parse("[\"" + fileUrl("a.mp4") + "\"]"), 400, "InvalidParameter", "JSON object");
    }

    @Test
    void itemWithoutFileUrl() {
        isError(() -> parse("[{\"Title\":\"t\"}]"), 400, "InvalidParameter", "\"FileURL\"");
    }

    @Test
    void fileUrlThatIsNotHttp() {
        isError(() -> parse(Metadatas.of("ftp://media.oss-cn-shanghai.aliyuncs.com/a.mp4")), 400, "InvalidParameter",
                "FileURL");
    }

    @Test
    void fileUrlWithoutObjectPath() {
        isError(() -> parse(Metadatas.of(BUCKET + "/")), 400, "InvalidParameter", "FileURL");
    }

    @Test
    void fileUrlOver1024Bytes() {
        isError(() -> parse(Metadatas.of(fileUrl("a".repeat(1024) + ".mp4"))), 400, "LengthExceededMax",
                "FileURL length has exceeded 1024 bytes");
    }

    @Test
    void filesFromTwoStorageLocationsInOneRequest() {
        isError(() -> parse(Metadatas.of(fileUrl("a.mp4"), "https://other.oss-cn-beijing.aliyuncs.com/b.mp4")),
                400, "InvalidParameter", "one storage location");
    }

    @Test
    void aFileListedTwiceIsRegisteredOnceWithItsFirstMetadata() {
        String twice = Metadatas.items(List.of(Metadatas.item(fileUrl("a.mp4"), "Title", "first"),
                Metadatas.item(fileUrl("a.mp4"), "Title", "second")));
        assertThat(parse(twice).items()).singleElement().extracting(MediaMetadata::title).isEqualTo("first");
    }

    @Test
    void titleOf128BytesOfMultiByteCharactersIsAccepted() {
        // 42 three-byte characters = 126 bytes, under the limit although it looks short
        assertThat(parseItem("Title", "视".repeat(42)).items().get(0).title()).hasSize(42);
    }

    @Test
    void titleOver128BytesCountsUtf8BytesNotCharacters() {
        // 43 characters, 129 bytes
        isError(() -> parseItem("Title", "视".repeat(43)), 400, "LengthExceededMax", "Title length has exceeded 128 bytes");
    }

    @Test
    void descriptionOver1024Bytes() {
        isError(() -> parseItem("Description", "é".repeat(513)), 400, "LengthExceededMax",
                "Description length has exceeded 1024 bytes");
    }

    @Test
    void coverUrlOver1024Bytes() {
        isError(() -> parseItem("CoverURL", "https://img.example.com/" + "c".repeat(1010)), 400, "LengthExceededMax",
                "CoverURL");
    }

    @Test
    void seventeenTagsAreOneTooMany() {
        isError(() -> parseItem("Tags", "t,".repeat(16) + "t17"), 400, "TagsExceededMax", "Tags count has exceeded 16");
    }

    @Test
    void sixteenTagsAreAccepted() {
        String tags = String.join(",", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
                "o", "p"));
        assertThat(parseItem("Tags", tags).items().get(0).tags()).isEqualTo(tags);
    }

    @Test
    void tagOver32Bytes() {
        isError(() -> parseItem("Tags", "ok,标签标签标签标签标签标"), 400, "LengthExceededMax",
                "Tag length has exceeded 32 bytes");
    }

    @Test
    void emojiInTitle() {
        isError(() -> parseItem("Title", "party \uD83C\uDF89"), 400, "IllegalCharacters", "Title");
    }

    @Test
    void controlCharacterInDescription() {
        isError(() -> parseItem("Description", "bell\u0007"), 400, "IllegalCharacters", "Description");
    }

    @Test
    void bmpEmoticonInTags() {
        isError(() -> parseItem("Tags", "sun,\u2600"), 400, "IllegalCharacters", "Tags");
    }

    @Test
    void titleThatIsNotAString() {
        isError(() -> parseItem("Title", 12), 400, "InvalidParameter", "\"Title\"");
    }

    @Test
    void cateIdThatIsNotAnInteger() {
        isError(() -> parseItem("CateId", "twelve"), 400, "InvalidParameter", "\"CateId\"");
    }

    @Test
    void cateIdAsAStringOfDigitsIsAccepted() {
        assertThat(parseItem("CateId", "42").items().get(0).cateId()).isEqualTo(42L);
    }

    @Test
    void unknownItemKeysAreIgnored() {
        assertThat(parseItem("Whatever", Map.of("nested", true)).items()).hasSize(1);
    }

    @Test
    void userDataThatIsNotAJsonObject() {
        isError(() -> parse(Metadatas.of(fileUrl("a.mp4")), "UserData", "[1,2]"), 400, "InvalidParameter",
                "\"UserData\"");
    }

    @Test
    void userDataExtendOver512Bytes() {
        String userData = "{\"Extend\":\"" + "x".repeat(513) + "\"}";
        isError(() -> parse(Metadatas.of(fileUrl("a.mp4")), "UserData", userData), 400, "LengthExceededMax",
                "UserData.Extend");
    }

    @Test
    void userDataCallbackUrlThatIsNotHttp() {
        String userData = "{\"MessageCallback\":{\"CallbackURL\":\"javascript:alert(1)\"}}";
        isError(() -> parse(Metadatas.of(fileUrl("a.mp4")), "UserData", userData), 400, "InvalidParameter",
                "CallbackURL");
    }

    @Test
    void workflowIdWinsOverTemplateGroupId() {
        RegisterMediaRequest request = parse(Metadatas.of(fileUrl("a.mp4")), "TemplateGroupId", "tg", "WorkflowId", "wf");
        assertThat(request.transcode()).isEqualTo(new TranscodeIntent(null, "wf"));
    }

    @Test
    void templateGroupIdWithSpacesIsRefused() {
        isError(() -> parse(Metadatas.of(fileUrl("a.mp4")), "TemplateGroupId", "a b"), 400, "InvalidParameter",
                "TemplateGroupId");
    }
}
