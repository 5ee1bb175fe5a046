package io.openvod.gateway.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.openvod.gateway.support.Registrations;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GetMezzanineInfo over HTTP: the registered source file as a Mezzanine object. */
@QuarkusTest
class GetMezzanineInfoTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;

    @BeforeEach
    void newAccount() {
        account = accounts.create();
    }

    private static Rpc mezzanine(TestAccount account, String videoId) {
        return Rpc.action("GetMezzanineInfo", account).param("VideoId", videoId);
    }

    @Test
    void aConnectedLocationsFileUrlIsPresignedForAuthTimeoutAndServesTheObject() {
        TestAccount verified = accounts.createVerified();
        TestAccounts.putObject(verified, "mezzanine/signed source.mp4");
        String id = Registrations.register(verified, "mezzanine/signed source.mp4");

        String url = mezzanine(verified, id).param("AuthTimeout", "600").get().then().statusCode(200)
                .extract().jsonPath().getString("Mezzanine.FileURL");

        assertThat(url).contains("X-Amz-Signature=").contains("X-Amz-Expires=600")
                .doesNotStartWith(verified.fileUrl("mezzanine/signed source.mp4"));
        assertThat(given().urlEncodingEnabled(false).get(url).then().statusCode(200).extract().asString())
                .isEqualTo("mezzanine/signed source.mp4");
    }

    @Test
    void anAuthTimeoutBeyondSevenDaysGetsTheLongestPresignedUrlTheStoreAccepts() {
        TestAccount verified = accounts.createVerified();
        TestAccounts.putObject(verified, "mezzanine/long.mp4");
        String id = Registrations.register(verified, "mezzanine/long.mp4");

        assertThat(mezzanine(verified, id).param("AuthTimeout", "2147483647").get().then().statusCode(200)
                .extract().jsonPath().getString("Mezzanine.FileURL")).contains("X-Amz-Expires=604800");
    }

    @Test
    void registeredFileIsDescribed() {
        String id = Registrations.register(account, "mezzanine/dir/source file.mp4");

        mezzanine(account, id).get().then()
                .statusCode(200)
                .body("RequestId", matchesPattern("[0-9A-F-]{36}"))
                .body("Mezzanine.VideoId", equalTo(id))
                .body("Mezzanine.FileName", equalTo("source file.mp4"))
                .body("Mezzanine.FileURL", equalTo(account.fileUrl("mezzanine/dir/source file.mp4")))
                .body("Mezzanine.Status", equalTo("Normal"))
                .body("Mezzanine.OutputType", equalTo("oss"))
                .body("Mezzanine.CreationTime", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"))
                .body("Mezzanine", not(hasKey("Size")))
                .body("Mezzanine", not(hasKey("ETag")));
    }

    @Test
    void whatTheStorageCheckReadIsIncluded() {
        String id = Registrations.register(account, "mezzanine/sized.mp4");
        db.rows("UPDATE media SET size = 123456789012, content_type = 'video/mp4', etag = '\"abc\"' WHERE media_id = $1", id);

        Response answer = mezzanine(account, id).get();

        answer.then().statusCode(200)
                .body("Mezzanine.ContentType", equalTo("video/mp4"))
                .body("Mezzanine.ETag", equalTo("\"abc\""));
        assertThat(answer.jsonPath().getLong("Mezzanine.Size")).isEqualTo(123456789012L);
    }

    @Test
    void xmlAnswerHasTheMezzanineElement() {
        String id = Registrations.register(account, "mezzanine/x.mp4");

        mezzanine(account, id).param("Format", "XML").param("OutputType", "oss").param("AuthTimeout", "60").get().then()
                .statusCode(200)
                .contentType("text/xml")
                .body("GetMezzanineInfoResponse.Mezzanine.VideoId", equalTo(id))
                .body("GetMezzanineInfoResponse.Mezzanine.FileName", equalTo("x.mp4"));
    }

    @Test
    void anotherAccountsVideoLooksExactlyLikeOneThatNeverExisted() {
        TestAccount other = accounts.create();
        String theirs = Registrations.register(other, "mezzanine/theirs.mp4");

        Response foreign = mezzanine(account, theirs).get();
        Response missing = mezzanine(account, "0123456789abcdef0123456789abcdef").get();

        assertThat(foreign.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(404);
        assertThat(GetVideoInfoTest.withoutRequestIds(foreign.asString()))
                .isEqualTo(GetVideoInfoTest.withoutRequestIds(missing.asString()));
        assertThat(foreign.jsonPath().getString("Code")).isEqualTo("InvalidVideo.NotFound");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "soon", "99999999999"})
    void authTimeoutMustBeAPositiveNumberOfSeconds(String authTimeout) {
        String id = Registrations.register(account, "mezzanine/t.mp4");

        mezzanine(account, id).param("AuthTimeout", authTimeout).get().then()
                .statusCode(400)
                .body("Code", equalTo("InvalidParameter"))
                .body("Message", containsString("AuthTimeout"));
    }

    @Test
    void unknownOutputTypeIsInvalid() {
        mezzanine(account, "any").param("OutputType", "ftp").get().then()
                .statusCode(400).body("Message", containsString("OutputType"));
    }

    @Test
    void unknownAdditionTypeIsInvalid() {
        mezzanine(account, "any").param("AdditionType", "video,subtitles").get().then()
                .statusCode(400).body("Message", containsString("AdditionType"));
    }

    @Test
    void missingVideoIdIsMissingVideoId() {
        Rpc.action("GetMezzanineInfo", account).get().then().statusCode(400).body("Code", equalTo("MissingVideoId"));
    }
}
