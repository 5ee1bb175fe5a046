package io.openvod.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Registrations;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DeleteVideo over HTTP: the registration and its jobs go, the same file can be registered anew. */
@QuarkusTest
class DeleteVideoTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;

    @BeforeEach
    void newAccount() {
        account = accounts.create();
    }

    private static Rpc delete(TestAccount account, String videoIds) {
        return Rpc.action("DeleteVideo", account).param("VideoIds", videoIds);
    }

    @Test
    void deletedVideoIsGoneWithItsPendingTranscodeJob() {
        String id = Registrations.registerForTranscoding(account, Metadatas.item(account.fileUrl("delete/a.mp4")));
        assertThat(db.count("SELECT count(*) FROM transcode_job WHERE media_id = $1", id)).isEqualTo(1);

        delete(account, id).post().then()
                .statusCode(200)
                .body("NonExistVideoIds", empty())
                .body("ForbiddenVideoIds", empty());

        assertThat(db.count("SELECT count(*) FROM media WHERE media_id = $1", id)).isZero();
        assertThat(db.count("SELECT count(*) FROM transcode_job WHERE media_id = $1", id)).isZero();
        Rpc.action("GetVideoInfo", account).param("VideoId", id).get().then().statusCode(404)
                .body("Code", equalTo("InvalidVideo.NotFound"));
    }

    @Test
    void deletingTwiceListsTheIdAsNonExistentTheSecondTime() {
        String id = Registrations.register(account, "delete/twice.mp4");
        delete(account, id).post().then().statusCode(200).body("NonExistVideoIds", empty());

        delete(account, id).post().then().statusCode(200).body("NonExistVideoIds", contains(id));
    }

    @Test
    void sameFileRegisteredAfterDeleteGetsANewMediaIdWithNewRegisterTrue() {
        String url = account.fileUrl("delete/again.mp4");
        String old = Registrations.register(account, Metadatas.item(url));
        delete(account, old).post().then().statusCode(200);

        JsonPath again = Rpc.registerMedia(account, Metadatas.of(url)).post().then().statusCode(200).extract().jsonPath();

        assertThat(again.getString("RegisteredMediaList[0].MediaId")).isNotEqualTo(old);
        assertThat(again.getBoolean("RegisteredMediaList[0].NewRegister")).isTrue();
    }

    @Test
    void batchDeletesTheCallersMediaAndListsTheRest() {
        String a = Registrations.register(account, "delete/b1.mp4");
        String b = Registrations.register(account, "delete/b2.mp4");
        TestAccount other = accounts.create();
        String theirs = Registrations.register(other, "delete/theirs.mp4");

        delete(account, a + ",unknown," + theirs + "," + b).post().then()
                .statusCode(200)
                .body("NonExistVideoIds", contains("unknown", theirs))
                .body("ForbiddenVideoIds", empty());

        assertThat(db.count("SELECT count(*) FROM media WHERE media_id = ANY($1)", (Object) new String[] {a, b})).isZero();
        assertThat(db.count("SELECT count(*) FROM media WHERE media_id = $1", theirs))
                .as("another account's medium is untouched").isEqualTo(1);
    }

    @Test
    void xmlAnswerRepeatsTheNonExistentIds() {
        delete(account, "x1,x2").param("Format", "XML").post().then()
                .statusCode(200)
                .contentType("text/xml")
                .body("DeleteVideoResponse.NonExistVideoIds", contains("x1", "x2"));
    }

    @Test
    void moreThanTwentyIdsAreInvalid() {
        String ids = IntStream.range(0, 21).mapToObj(i -> "id" + i).collect(Collectors.joining(","));

        delete(account, ids).post().then().statusCode(400).body("Code", equalTo("InvalidParameter"));
    }

    @Test
    void missingVideoIdsIsMissingVideoIds() {
        Rpc.action("DeleteVideo", account).post().then().statusCode(400).body("Code", equalTo("MissingVideoIds"));
    }
}
