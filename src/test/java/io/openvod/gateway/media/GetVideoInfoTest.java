package io.openvod.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Registrations;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GetVideoInfo over HTTP: the stored medium as the SDKs read it, and nothing of another account's. */
@QuarkusTest
class GetVideoInfoTest {

    private static final String UTC_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;

    @BeforeEach
    void newAccount() {
        account = accounts.create();
    }

    private static Rpc getVideoInfo(TestAccount account, String videoId) {
        return Rpc.action("GetVideoInfo", account).param("VideoId", videoId);
    }

    @Test
    void registeredMediumReadsBackWithEveryFieldItWasGiven() {
        String userData = "{\"Extend\":{\"k\":\"v\"}}";
        String id = Rpc.registerMedia(account, Metadatas.items(java.util.List.of(Metadatas.item(
                        account.fileUrl("info/full.mp4"), "Title", "Full", "Description", "line one\nline two",
                        "Tags", "a,b", "CoverURL", "https://img.example.com/c.jpg", "CateId", account.cateId()))))
                .param("TemplateGroupId", account.templateGroupId()).param("UserData", userData).post()
                .then().statusCode(200).extract().jsonPath().getString("RegisteredMediaList[0].MediaId");

        getVideoInfo(account, id).get().then()
                .statusCode(200)
                .contentType("application/json")
                .body("RequestId", matchesPattern("[0-9A-F-]{36}"))
                .body("$", not(hasKey("Code")))
                .body("Video.VideoId", equalTo(id))
                .body("Video.Title", equalTo("Full"))
                .body("Video.Description", equalTo("line one\nline two"))
                .body("Video.Tags", equalTo("a,b"))
                .body("Video.CoverURL", equalTo("https://img.example.com/c.jpg"))
                .body("Video.CateId", equalTo((int) account.cateId()))
                .body("Video.CateName", equalTo("cat"))
                // UploadSucc until the transcode relay hands its job to the broker, then Transcoding
                .body("Video.Status", oneOf("UploadSucc", "Transcoding"))
                .body("Video.CreationTime", matchesPattern(UTC_SECONDS))
                .body("Video.StorageLocation", equalTo(account.bucketHost()))
                .body("Video.RegionId", equalTo("cn-shanghai"))
                .body("Video.TemplateGroupId", equalTo(account.templateGroupId()))
                .body("Video.AppId", equalTo("app-1000000"))
                .body("Video.UserData", equalTo(userData));
    }

    @Test
    void mediumRegisteredWithoutTranscodingIsNormal() {
        String id = Registrations.register(account, "info/plain.mp4");

        getVideoInfo(account, id).get().then().statusCode(200).body("Video.Status", equalTo("Normal"));
    }

    @Test
    void untouchedMediumHasItsCreationTimeAsModificationTime() {
        String id = Registrations.register(account, "info/times.mp4");

        Map<String, Object> video = getVideoInfo(account, id).get().then().statusCode(200).extract().jsonPath()
                .getMap("Video");

        assertThat(video.get("ModificationTime")).isEqualTo(video.get("CreationTime"));
    }

    @Test
    void fieldsNobodyKnowsAreLeftOut() {
        String id = Registrations.register(account, "info/bare.mp4");

        getVideoInfo(account, id).get().then().statusCode(200)
                .body("Video.Title", equalTo("bare.mp4"))
                .body("Video", not(hasKey("Size")))
                .body("Video", not(hasKey("Description")))
                .body("Video", not(hasKey("CateId")))
                .body("Video", not(hasKey("TemplateGroupId")));
    }

    @Test
    void sizeFromTheStorageCheckIsANumber() {
        String id = Registrations.register(account, "info/sized.mp4");
        db.rows("UPDATE media SET size = 10897890123 WHERE media_id = $1", id);

        long size = getVideoInfo(account, id).get().then().statusCode(200).extract().jsonPath().getLong("Video.Size");

        assertThat(size).isEqualTo(10897890123L);
    }

    @Test
    void xmlAnswerHasTheVideoElement() {
        String id = Registrations.register(account, "info/x.mp4");

        getVideoInfo(account, id).param("Format", "XML").get().then()
                .statusCode(200)
                .contentType("text/xml")
                .body("GetVideoInfoResponse.RequestId", matchesPattern("[0-9A-F-]{36}"))
                .body("GetVideoInfoResponse.Video.VideoId", equalTo(id))
                .body("GetVideoInfoResponse.Video.Title", equalTo("x.mp4"))
                .body("GetVideoInfoResponse.Video.Status", equalTo("Normal"));
    }

    @Test
    void unknownVideoIsNotFound() {
        getVideoInfo(account, "0123456789abcdef0123456789abcdef").get().then()
                .statusCode(404)
                .body("Code", equalTo("InvalidVideo.NotFound"))
                .body("Message", equalTo("The video does not exist."));
    }

    @Test
    void unknownVideoIsNotFoundInXmlToo() {
        getVideoInfo(account, "nope").param("Format", "XML").get().then()
                .statusCode(404)
                .contentType("text/xml")
                .body("Error.Code", equalTo("InvalidVideo.NotFound"));
    }

    @Test
    void videoIdThatCannotBeStoredIsSimplyNotFound() {
        getVideoInfo(account, "a\u0000b").get().then()
                .statusCode(404)
                .body("Code", equalTo("InvalidVideo.NotFound"));
        Rpc.action("DeleteVideo", account).param("VideoIds", "a\u0000b,c").post().then()
                .statusCode(200)
                .body("NonExistVideoIds", org.hamcrest.Matchers.contains("a\u0000b", "c"));
    }

    @Test
    void missingVideoIdIsMissingVideoId() {
        Rpc.action("GetVideoInfo", account).get().then()
                .statusCode(400)
                .body("Code", equalTo("MissingVideoId"))
                .body("Message", equalTo("VideoId is mandatory for this action."));
    }

    @Test
    void anotherAccountsVideoLooksExactlyLikeOneThatNeverExisted() {
        TestAccount other = accounts.create();
        String theirs = Registrations.register(other, "info/theirs.mp4");

        Response foreign = getVideoInfo(account, theirs).get();
        Response missing = getVideoInfo(account, "0123456789abcdef0123456789abcdef").get();

        assertThat(foreign.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(404);
        assertThat(withoutRequestIds(foreign.asString())).isEqualTo(withoutRequestIds(missing.asString()));
        getVideoInfo(other, theirs).get().then().statusCode(200).body("Video.VideoId", equalTo(theirs));
    }

    static String withoutRequestIds(String body) {
        return body.replaceAll("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}", "<id>");
    }
}
