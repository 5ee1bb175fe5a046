package io.openvod.gateway.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** URL variants that name one object are one registration; each answer echoes its URL as sent. */
@QuarkusTest
class SameObjectTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;

    @BeforeEach
    void newAccount() {
        account = accounts.create();
    }

    @Test
    void percentEncodedAndPlainSpellingsAreOneFile() {
        assertSameFile("https://" + account.bucketHost() + "/v/a%20b.mp4", "https://" + account.bucketHost() + "/v/a b.mp4");
    }

    @Test
    void queryStringsDoNotTellFilesApart() {
        assertSameFile("https://" + account.bucketHost() + "/v/a.mp4?x=1", "https://" + account.bucketHost() + "/v/a.mp4?x=2");
    }

    @Test
    void httpAndHttpsAreOneFile() {
        assertSameFile("http://" + account.bucketHost() + "/v/a.mp4", "https://" + account.bucketHost() + "/v/a.mp4");
    }

    @Test
    void explicitDefaultPortIsOneFile() {
        assertSameFile("https://" + account.bucketHost() + ":443/v/a.mp4", "https://" + account.bucketHost() + "/v/a.mp4");
        assertSameFile("http://" + account.bucketHost() + ":80/v/b.mp4", "https://" + account.bucketHost() + "/v/b.mp4");
    }

    @Test
    void caseOfThePathTellsFilesApart() {
        JsonPath first = register("https://" + account.bucketHost() + "/v/A.mp4");
        JsonPath second = register("https://" + account.bucketHost() + "/v/a.mp4");
        assertThat(second.getBoolean("RegisteredMediaList[0].NewRegister")).isTrue();
        assertThat(second.getString("RegisteredMediaList[0].MediaId"))
                .isNotEqualTo(first.getString("RegisteredMediaList[0].MediaId"));
    }

    private void assertSameFile(String firstUrl, String secondUrl) {
        JsonPath first = register(firstUrl);
        JsonPath second = register(secondUrl);

        assertThat(first.getBoolean("RegisteredMediaList[0].NewRegister")).isTrue();
        assertThat(second.getBoolean("RegisteredMediaList[0].NewRegister")).isFalse();
        assertThat(second.getString("RegisteredMediaList[0].MediaId"))
                .isEqualTo(first.getString("RegisteredMediaList[0].MediaId"));
        assertThat(second.getString("RegisteredMediaList[0].FileURL")).isEqualTo(secondUrl);
        assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1 AND media_id = $2", account.id(),
                first.getString("RegisteredMediaList[0].MediaId"))).isEqualTo(1);
    }

    private JsonPath register(String url) {
        return Rpc.registerMedia(account, Metadatas.of(url)).get().then().statusCode(200).extract().jsonPath();
    }
}
