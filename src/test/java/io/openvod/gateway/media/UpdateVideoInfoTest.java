package io.openvod.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Registrations;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UpdateVideoInfo over HTTP: what is given changes, nothing else; validated exactly as RegisterMedia. */
@QuarkusTest
class UpdateVideoInfoTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;
    String id;

    @BeforeEach
    void registeredMedium() {
        account = accounts.create();
        id = Registrations.register(account, Metadatas.item(account.fileUrl("update/a.mp4"), "Title", "before",
                "Description", "old description", "Tags", "old", "CoverURL", "https://img.example.com/old.jpg"));
    }

    private Rpc update() {
        return Rpc.action("UpdateVideoInfo", account).param("VideoId", id);
    }

    private java.util.Map<String, Object> videoFields() {
        return Rpc.action("GetVideoInfo", account).param("VideoId", id).get().then().statusCode(200).extract()
                .jsonPath().getMap("Video");
    }

    private JsonPath video() {
        return Rpc.action("GetVideoInfo", account).param("VideoId", id).get().then().statusCode(200).extract()
                .jsonPath().setRootPath("Video");
    }

    @Test
    void givenFieldsChangeAndTheAnswerIsOnlyTheRequestId() {
        update().param("Title", "after").param("Tags", "x,y").param("CateId", Long.toString(account.cateId()))
                .post().then()
                .statusCode(200)
                .body("RequestId", matchesPattern("[0-9A-F-]{36}"))
                .body("size()", equalTo(1));

        JsonPath video = video();
        assertThat(video.getString("Title")).isEqualTo("after");
        assertThat(video.getString("Tags")).isEqualTo("x,y");
        assertThat(video.getLong("CateId")).isEqualTo(account.cateId());
        assertThat(video.getString("CateName")).isEqualTo("cat");
        assertThat(video.getString("Description")).as("not given, so unchanged").isEqualTo("old description");
        assertThat(video.getString("CoverURL")).isEqualTo("https://img.example.com/old.jpg");
    }

    @Test
    void updateSetsModificationTime() {
        db.rows("UPDATE media SET created_at = $1 WHERE media_id = $2", OffsetDateTime.parse("2020-01-01T00:00:00Z"), id);

        update().param("Description", "new").post().then().statusCode(200);

        JsonPath video = video();
        assertThat(video.getString("CreationTime")).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(OffsetDateTime.parse(video.getString("ModificationTime")))
                .isAfter(OffsetDateTime.now().minusMinutes(1));
    }

    @Test
    void emptyDescriptionTagsAndCoverClearThem() {
        update().param("Description", "").param("Tags", "").param("CoverURL", "").post().then().statusCode(200);

        assertThat(videoFields()).doesNotContainKeys("Description", "Tags", "CoverURL");
        assertThat(video().getString("Title")).isEqualTo("before");
    }

    @Test
    void xmlAnswerIsTheRequestIdAlone() {
        update().param("Title", "xml").param("Format", "XML").post().then()
                .statusCode(200)
                .contentType("text/xml")
                .body("UpdateVideoInfoResponse.RequestId", matchesPattern("[0-9A-F-]{36}"));
    }

    @ParameterizedTest
    @CsvSource({
            "Title, 129 bytes of a, LengthExceededMax, The specified Title length has exceeded 128 bytes.",
            "Title, emoji, IllegalCharacters, The specified Title contains illegal emoticon or special characters.",
            "Description, 1025 bytes of a, LengthExceededMax, The specified Description length has exceeded 1024 bytes.",
            "Tags, 17 tags, TagsExceededMax, The specified Tags count has exceeded 16.",
            "Tags, 33 byte tag, LengthExceededMax, The specified Tag length has exceeded 32 bytes.",
            "CoverURL, 1025 bytes of a, LengthExceededMax, The specified CoverURL length has exceeded 1024 bytes.",
    })
    void invalidFieldIsRefusedAsRegisterMediaRefusesIt(String field, String value, String code, String message) {
        update().param(field, valueOf(value)).post().then()
                .statusCode(400)
                .body("Code", equalTo(code))
                .body("Message", equalTo(message));
        assertThat(video().getString("Title")).isEqualTo("before");
    }

    @Test
    void emptyTitleIsInvalid() {
        update().param("Title", "").post().then().statusCode(400).body("Code", equalTo("InvalidParameter"));
    }

    @Test
    void nonNumericCateIdIsInvalid() {
        update().param("CateId", "news").post().then().statusCode(400).body("Code", equalTo("InvalidParameter"));
    }

    @Test
    void anotherAccountsCategoryIsNotFound() {
        TestAccount other = accounts.create();

        update().param("CateId", Long.toString(other.cateId())).param("Title", "not applied").post().then()
                .statusCode(404)
                .body("Code", equalTo("InvalidCateId.NotFound"));
        assertThat(video().getString("Title")).isEqualTo("before");
        assertThat(videoFields()).doesNotContainKey("CateId");
    }

    @Test
    void anotherAccountsVideoIsNotFound() {
        TestAccount other = accounts.create();

        Rpc.action("UpdateVideoInfo", other).param("VideoId", id).param("Title", "hijack").post().then()
                .statusCode(404)
                .body("Code", equalTo("InvalidVideo.NotFound"));
        assertThat(video().getString("Title")).isEqualTo("before");
    }

    @Test
    void missingVideoIdIsMissingVideoId() {
        Rpc.action("UpdateVideoInfo", account).param("Title", "t").post().then()
                .statusCode(400).body("Code", equalTo("MissingVideoId"));
    }

    @Test
    void unknownVideoIsNotFound() {
        Rpc.action("UpdateVideoInfo", account).param("VideoId", "gone").param("Title", "t").post().then()
                .statusCode(404).body("Code", equalTo("InvalidVideo.NotFound"))
                .body("$", not(hasKey("Video")));
    }

    private static String valueOf(String description) {
        return switch (description) {
            case "129 bytes of a" -> "a".repeat(129);
            case "1025 bytes of a" -> "a".repeat(1025);
            case "emoji" -> "party \uD83C\uDF89";
            case "17 tags" -> "t,".repeat(16) + "t";
            case "33 byte tag" -> "ok," + "b".repeat(33);
            default -> throw new IllegalArgumentException(description);
        };
    }
}
