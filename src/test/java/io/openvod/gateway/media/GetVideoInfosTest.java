package io.openvod.gateway.media;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.openvod.gateway.support.Registrations;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GetVideoInfos over HTTP: bare VideoList and NonExistVideoIds, in the order asked. */
@QuarkusTest
class GetVideoInfosTest {

    @Inject
    TestAccounts accounts;

    TestAccount account;

    @BeforeEach
    void newAccount() {
        account = accounts.create();
    }

    private static Rpc getVideoInfos(TestAccount account, String videoIds) {
        return Rpc.action("GetVideoInfos", account).param("VideoIds", videoIds);
    }

    @Test
    void foundVideosComeInTheOrderAskedAndTheOthersAreListedAsNonExistent() {
        String first = Registrations.register(account, "infos/1.mp4");
        String second = Registrations.register(account, "infos/2.mp4");

        getVideoInfos(account, second + ",missing-id," + first).get().then()
                .statusCode(200)
                .body("VideoList.VideoId", contains(second, first))
                .body("VideoList.Title", contains("2.mp4", "1.mp4"))
                .body("NonExistVideoIds", contains("missing-id"));
    }

    @Test
    void allFoundGivesAnEmptyNonExistList() {
        String id = Registrations.register(account, "infos/only.mp4");

        getVideoInfos(account, id).get().then().statusCode(200)
                .body("VideoList.VideoId", contains(id))
                .body("NonExistVideoIds", empty());
    }

    @Test
    void repeatedIdIsAnsweredOnceAndBlanksAreIgnored() {
        String id = Registrations.register(account, "infos/twice.mp4");

        getVideoInfos(account, " " + id + ", ," + id).get().then().statusCode(200)
                .body("VideoList.VideoId", contains(id));
    }

    @Test
    void anotherAccountsVideoIsListedAsNonExistent() {
        TestAccount other = accounts.create();
        String theirs = Registrations.register(other, "infos/theirs.mp4");

        getVideoInfos(account, theirs).get().then().statusCode(200)
                .body("VideoList", empty())
                .body("NonExistVideoIds", contains(theirs));
    }

    @Test
    void xmlRepeatsTheListElements() {
        String a = Registrations.register(account, "infos/xa.mp4");
        String b = Registrations.register(account, "infos/xb.mp4");

        getVideoInfos(account, a + "," + b + ",gone").param("Format", "XML").get().then()
                .statusCode(200)
                .contentType("text/xml")
                .body("GetVideoInfosResponse.VideoList.VideoId", contains(a, b))
                .body("GetVideoInfosResponse.NonExistVideoIds", equalTo("gone"));
    }

    @Test
    void twentyIdsAreAccepted() {
        getVideoInfos(account, ids(20)).get().then().statusCode(200).body("NonExistVideoIds.size()", equalTo(20));
    }

    @Test
    void moreThanTwentyIdsAreInvalid() {
        getVideoInfos(account, ids(21)).get().then()
                .statusCode(400)
                .body("Code", equalTo("InvalidParameter"))
                .body("Message", org.hamcrest.Matchers.containsString("VideoIds"));
    }

    @Test
    void missingVideoIdsIsMissingVideoIds() {
        Rpc.action("GetVideoInfos", account).get().then().statusCode(400).body("Code", equalTo("MissingVideoIds"));
        getVideoInfos(account, " , ").get().then().statusCode(400).body("Code", equalTo("MissingVideoIds"));
    }

    private static String ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "id" + i).collect(Collectors.joining(","));
    }
}
