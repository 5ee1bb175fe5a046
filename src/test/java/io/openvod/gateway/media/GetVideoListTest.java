package io.openvod.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Registrations;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GetVideoList over HTTP: Total and the wrapped VideoList.Video, paging, both sorts, filters and UTC time windows.
 * Creation times are set in the database so that windows and order are exact.
 */
@QuarkusTest
class GetVideoListTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;

    /** MediaIds of five media created at 10:00:00, 10:00:01, ... 10:00:04 UTC on 2026-01-02, oldest first. */
    List<String> ids;

    @BeforeEach
    void fiveMedia() {
        account = accounts.create();
        ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = Registrations.register(account, "list/" + i + ".mp4");
            db.rows("UPDATE media SET created_at = $1 WHERE media_id = $2",
                    OffsetDateTime.parse("2026-01-02T10:00:0" + i + "Z"), id);
            ids.add(id);
        }
    }

    private static Rpc list(TestAccount account) {
        return Rpc.action("GetVideoList", account);
    }

    @Test
    void defaultIsNewestFirstWithTheTotal() {
        list(account).get().then()
                .statusCode(200)
                .body("Total", equalTo(5))
                .body("VideoList.Video.VideoId", contains(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)))
                .body("VideoList.Video[0].CreationTime", equalTo("2026-01-02T10:00:04Z"))
                .body("VideoList.Video[0].Title", equalTo("4.mp4"));
    }

    @Test
    void ascendingSortIsOldestFirst() {
        list(account).param("SortBy", "CreationTime:Asc").get().then().statusCode(200)
                .body("VideoList.Video.VideoId", contains(ids.toArray()));
    }

    @Test
    void descendingSortCanBeAskedForExplicitly() {
        list(account).param("SortBy", "CreationTime:Desc").param("PageSize", "2").get().then().statusCode(200)
                .body("VideoList.Video.VideoId", contains(ids.get(4), ids.get(3)));
    }

    @Test
    void pagesFollowEachOther() {
        list(account).param("PageSize", "2").param("PageNo", "3").param("SortBy", "CreationTime:Asc").get().then()
                .statusCode(200)
                .body("Total", equalTo(5))
                .body("VideoList.Video.VideoId", contains(ids.get(4)));
    }

    @Test
    void pagePastTheEndIsEmptyButKeepsTheTotal() {
        list(account).param("PageNo", "4").param("PageSize", "2").get().then()
                .statusCode(200)
                .body("Total", equalTo(5))
                .body("VideoList.Video", empty());
    }

    @Test
    void pageBeyondTheFirstFiveThousandMatchesIsEmpty() {
        list(account).param("PageNo", "51").param("PageSize", "100").get().then()
                .statusCode(200)
                .body("Total", equalTo(5))
                .body("VideoList.Video", empty());
    }

    @Test
    void timeWindowIsInclusiveAtBothEndsToTheSecondInUtc() {
        list(account).param("StartTime", "2026-01-02T10:00:01Z").param("EndTime", "2026-01-02T10:00:03Z")
                .param("SortBy", "CreationTime:Asc").get().then()
                .statusCode(200)
                .body("Total", equalTo(3))
                .body("VideoList.Video.VideoId", contains(ids.get(1), ids.get(2), ids.get(3)));
    }

    @Test
    void fractionOfASecondBeforeTheEndIsStillInTheWindow() {
        db.rows("UPDATE media SET created_at = '2026-01-02T10:00:02.900Z' WHERE media_id = $1", ids.get(2));

        list(account).param("EndTime", "2026-01-02T10:00:02Z").param("SortBy", "CreationTime:Asc").get().then()
                .statusCode(200)
                .body("VideoList.Video.VideoId", contains(ids.get(0), ids.get(1), ids.get(2)));
    }

    @Test
    void statusFilterTakesSeveralStatuses() {
        db.rows("UPDATE media SET status = 'Blocked' WHERE media_id = $1", ids.get(0));
        db.rows("UPDATE media SET status = 'UploadSucc' WHERE media_id = $1", ids.get(1));

        list(account).param("Status", "Blocked,UploadSucc").param("SortBy", "CreationTime:Asc").get().then()
                .statusCode(200)
                .body("Total", equalTo(2))
                .body("VideoList.Video.Status", contains("Blocked", "UploadSucc"));
    }

    @Test
    void categoryFilterKeepsThatCategoryOnly() {
        String inCategory = Registrations.register(account,
                Metadatas.item(account.fileUrl("list/cat.mp4"), "CateId", account.cateId()));

        list(account).param("CateId", Long.toString(account.cateId())).get().then()
                .statusCode(200)
                .body("Total", equalTo(1))
                .body("VideoList.Video.VideoId", contains(inCategory))
                .body("VideoList.Video[0].CateId", equalTo((int) account.cateId()));
    }

    @Test
    void storageLocationFilterKeepsThatBucketOnly() {
        String otherBucket = "second-" + account.bucketHost();
        accounts.addStorageLocation(account, otherBucket);
        String there = Registrations.register(account, Metadatas.item("https://" + otherBucket + "/s.mp4"));

        list(account).param("StorageLocation", otherBucket).get().then()
                .statusCode(200)
                .body("Total", equalTo(1))
                .body("VideoList.Video.VideoId", contains(there));
    }

    @Test
    void anotherAccountsMediaAreNeverListed() {
        TestAccount other = accounts.create();

        list(other).get().then().statusCode(200).body("Total", equalTo(0)).body("VideoList.Video", empty());
    }

    @Test
    void xmlWrapsEachVideoInTheVideoListElement() {
        String xml = list(account).param("Format", "XML").param("PageSize", "2").get().then()
                .statusCode(200)
                .contentType("text/xml")
                .body("GetVideoListResponse.Total", equalTo("5"))
                .body("GetVideoListResponse.VideoList.Video.VideoId", contains(ids.get(4), ids.get(3)))
                .extract().asString();

        assertThat(xml).contains("<VideoList><Video><VideoId>" + ids.get(4) + "</VideoId>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten"})
    void pageSizeOutsideOneToHundredIsInvalid(String pageSize) {
        list(account).param("PageSize", pageSize).get().then()
                .statusCode(400)
                .body("Code", equalTo("InvalidParameter"))
                .body("Message", containsString("PageSize"));
    }

    @Test
    void pageSizeOfAHundredIsAccepted() {
        list(account).param("PageSize", "100").get().then().statusCode(200).body("Total", equalTo(5));
    }

    @Test
    void pageNoZeroIsInvalid() {
        list(account).param("PageNo", "0").get().then().statusCode(400).body("Message", containsString("PageNo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-02 10:00:00", "2026-01-02T10:00:00+08:00", "2026-13-02T10:00:00Z", "yesterday"})
    void startTimeThatIsNotUtcIsoIsInvalid(String startTime) {
        list(account).param("StartTime", startTime).get().then()
                .statusCode(400)
                .body("Code", equalTo("InvalidParameter"))
                .body("Message", containsString("StartTime"));
    }

    @Test
    void endTimeNotAfterStartTimeIsInvalid() {
        list(account).param("StartTime", "2026-01-02T10:00:00Z").param("EndTime", "2026-01-02T10:00:00Z").get().then()
                .statusCode(400)
                .body("Message", containsString("EndTime"));
    }

    @Test
    void storageLocationWithANulCharacterIsInvalid() {
        list(account).param("StorageLocation", "a\u0000b").get().then()
                .statusCode(400).body("Message", containsString("StorageLocation"));
    }

    @Test
    void unknownStatusIsInvalid() {
        list(account).param("Status", "Normal,Happy").get().then().statusCode(400).body("Message", containsString("Status"));
    }

    @Test
    void unknownSortIsInvalid() {
        list(account).param("SortBy", "Title:Asc").get().then().statusCode(400).body("Message", containsString("SortBy"));
    }
}
