package io.openvod.gateway.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegisterMediaTest {

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
    void newFileGetsNewMediaIdAndNewRegisterTrue() {
        String url = account.fileUrl("video/a.mp4");
        Rpc.registerMedia(account, Metadatas.of(url)).get().then()
                .statusCode(200)
                .contentType("application/json")
                .header("x-acs-request-id", matchesPattern("[0-9A-F-]{36}"))
                .body("RequestId", matchesPattern("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"))
                .body("$", not(hasKey("Code")))
                .body("RegisteredMediaList", hasSize(1))
                .body("RegisteredMediaList[0].MediaId", matchesPattern("[0-9a-f]{32}"))
                .body("RegisteredMediaList[0].FileURL", equalTo(url))
                .body("RegisteredMediaList[0].NewRegister", equalTo(true))
                .body("FailedFileURLs", hasSize(0));
    }

    @Test
    void repeatedFileReturnsSameMediaIdWithNewRegisterFalse() {
        String url = account.fileUrl("video/b.mp4");
        JsonPath first = Rpc.registerMedia(account, Metadatas.of(url)).get().then().statusCode(200).extract().jsonPath();
        JsonPath second = Rpc.registerMedia(account, Metadatas.of(url)).get().then().statusCode(200).extract().jsonPath();

        assertThat(second.getString("RegisteredMediaList[0].MediaId"))
                .isEqualTo(first.getString("RegisteredMediaList[0].MediaId"));
        assertThat(second.getBoolean("RegisteredMediaList[0].NewRegister")).isFalse();
        assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", account.id())).isEqualTo(1);
    }

    @Test
    void repeatedFileChangesNothingStored() {
        String url = account.fileUrl("video/keep.mp4");
        Rpc.registerMedia(account, Metadatas.items(List.of(Metadatas.item(url, "Title", "first")))).get().then().statusCode(200);
        Rpc.registerMedia(account, Metadatas.items(List.of(Metadatas.item(url, "Title", "second"))))
                .param("TemplateGroupId", account.templateGroupId()).get().then().statusCode(200);

        assertThat(db.rows("SELECT title FROM media WHERE account_id = $1", account.id()).get(0).getString("title"))
                .isEqualTo("first");
        assertThat(jobsOf(account)).isZero();
    }

    @Test
    void registeredMediaListFollowsRequestOrderMixingNewAndRepeated() {
        String a = account.fileUrl("z/last-alphabetically.mp4");
        String b = account.fileUrl("a/first-alphabetically.mp4");
        String c = account.fileUrl("m/middle.mp4");
        Rpc.registerMedia(account, Metadatas.of(c)).get().then().statusCode(200);

        Rpc.registerMedia(account, Metadatas.of(a, b, c)).get().then()
                .statusCode(200)
                .body("RegisteredMediaList.FileURL", contains(a, b, c))
                .body("RegisteredMediaList.NewRegister", contains(true, true, false));
    }

    @Test
    void duplicateFileUrlsInOneRequestAreRegisteredOnce() {
        String url = account.fileUrl("video/twice.mp4");
        Rpc.registerMedia(account, Metadatas.of(url, url)).get().then()
                .statusCode(200)
                .body("RegisteredMediaList", hasSize(1))
                .body("RegisteredMediaList[0].NewRegister", equalTo(true));
        assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", account.id())).isEqualTo(1);
    }

    @Test
    void tenBrandNewFilesAreRegisteredInOneCall() {
        String[] urls = new String[10];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = account.fileUrl("batch/" + i + ".mp4");
        }
        Rpc.registerMedia(account, Metadatas.of(urls)).get().then()
                .statusCode(200)
                .body("RegisteredMediaList", hasSize(10))
                .body("RegisteredMediaList.FileURL", contains(urls));
    }

    @Test
    void filesInAStorageLocationTheAccountDoesNotOwnAreReportedFailed() {
        String foreign = "https://not-mine.oss-cn-shanghai.aliyuncs.com/video/x.mp4";
        Rpc.registerMedia(account, Metadatas.of(foreign)).get().then()
                .statusCode(200)
                .body("RegisteredMediaList", hasSize(0))
                .body("FailedFileURLs", contains(foreign));
        assertThat(db.count("SELECT count(*) FROM media WHERE file_url = $1", foreign)).isZero();
    }

    @Test
    void fileWithoutAMediaExtensionFailsWhileTheOthersRegister() {
        String video = account.fileUrl("ok.mp4");
        String text = account.fileUrl("notes.txt");
        Rpc.registerMedia(account, Metadatas.of(video, text)).get().then()
                .statusCode(200)
                .body("RegisteredMediaList.FileURL", contains(video))
                .body("FailedFileURLs", contains(text));
    }

    @Test
    void largestLegalRequestIsAcceptedInABodyAndInAQuery() {
        for (boolean inBody : new boolean[] {true, false}) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String prefix = "https://" + account.bucketHost() + "/" + inBody + i + "/";
                String url = prefix + "视".repeat((1024 - prefix.length() - 4) / 3) + ".mp4";
                items.add(Metadatas.item(url, "Title", "视".repeat(42), "Description", "视".repeat(341),
                        "Tags", String.join(",", Collections.nCopies(16, "视".repeat(10))),
                        "CoverURL", "https://img.example.com/" + "视".repeat(333), "CateId", account.cateId()));
            }
            Rpc rpc = Rpc.registerMedia(account, Metadatas.items(items)).param("UserData", "{\"Extend\":\""
                    + "视".repeat(170) + "\"}");
            (inBody ? rpc.postForm() : rpc.post()).then()
                    .statusCode(200)
                    .body("RegisteredMediaList", hasSize(10));
        }
    }

    @Test
    void titleDefaultsToTheFileName() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("dir/holiday clip.mp4"))).get().then().statusCode(200);
        assertThat(db.rows("SELECT title FROM media WHERE account_id = $1", account.id()).get(0).getString("title"))
                .isEqualTo("holiday clip.mp4");
    }

    @Test
    void metadataAndUserDataAreStoredAsGiven() {
        String userData = "{\"MessageCallback\":{\"CallbackURL\":\"https://hooks.example.com/vod\"},\"Extend\":{\"b\":1,\"a\":\"é\"}}";
        String url = account.fileUrl("meta.mp4");
        Rpc.registerMedia(account, Metadatas.items(List.of(Metadatas.item(url, "Title", "Vidéo *test* ~1/2",
                "Description", "d&e=f <x>", "Tags", "a,b", "CoverURL", "https://img.example.com/c.jpg",
                "CateId", account.cateId()))))
                .param("UserData", userData).get().then().statusCode(200);

        Row row = db.rows("SELECT * FROM media WHERE account_id = $1", account.id()).get(0);
        assertThat(row.getString("title")).isEqualTo("Vidéo *test* ~1/2");
        assertThat(row.getString("description")).isEqualTo("d&e=f <x>");
        assertThat(row.getString("tags")).isEqualTo("a,b");
        assertThat(row.getString("cover_url")).isEqualTo("https://img.example.com/c.jpg");
        assertThat(row.getLong("cate_id")).isEqualTo(account.cateId());
        assertThat(row.getString("user_data")).isEqualTo(userData);
        assertThat(row.getString("storage_location")).isEqualTo(account.bucketHost());
    }

    @Test
    void parametersMayComeInAFormBody() {
        String url = account.fileUrl("form/a b+c.mp4");
        Rpc.registerMedia(account, Metadatas.of(url)).postForm().then()
                .statusCode(200)
                .body("RegisteredMediaList[0].FileURL", equalTo(url));
    }

    @Test
    void parametersMayComeInTheQueryOfAPost() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("post.mp4"))).post().then()
                .statusCode(200)
                .body("RegisteredMediaList", hasSize(1));
    }

    @Test
    void newFileWithTemplateGroupQueuesOneTranscodeJob() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("tg.mp4")))
                .param("TemplateGroupId", account.templateGroupId()).get().then().statusCode(200);

        List<Row> jobs = db.rows("SELECT * FROM transcode_job WHERE account_id = $1", account.id());
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).getString("template_group_id")).isEqualTo(account.templateGroupId());
        assertThat(jobs.get(0).getString("status")).isEqualTo("Pending");
    }

    @Test
    void workflowWinsOverTemplateGroup() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("wf.mp4")))
                .param("TemplateGroupId", account.templateGroupId())
                .param("WorkflowId", account.workflowId()).get().then().statusCode(200);

        List<Row> jobs = db.rows("SELECT * FROM transcode_job WHERE account_id = $1", account.id());
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).getString("workflow_id")).isEqualTo(account.workflowId());
        assertThat(jobs.get(0).getString("template_group_id")).isNull();
    }

    @Test
    void workflowWinsEvenOverAnUnknownTemplateGroup() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("wf2.mp4")))
                .param("TemplateGroupId", "no-such-group")
                .param("WorkflowId", account.workflowId()).get().then().statusCode(200);
    }

    @Test
    void noTemplateGroupOrNoTranscodeQueuesNothing() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("plain.mp4"))).get().then().statusCode(200);
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("explicit.mp4")))
                .param("TemplateGroupId", "VOD_NO_TRANSCODE").get().then().statusCode(200);

        assertThat(jobsOf(account)).isZero();
        assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", account.id())).isEqualTo(2);
    }

    @Test
    void sameFileUrlInTwoAccountsGivesTwoMediaIds() {
        TestAccount other = accounts.create();
        accounts.addStorageLocation(other, account.bucketHost());
        String shared = account.fileUrl("shared.mp4");

        String mine = Rpc.registerMedia(account, Metadatas.of(shared)).get().then().statusCode(200)
                .body("RegisteredMediaList[0].NewRegister", equalTo(true)).extract().path("RegisteredMediaList[0].MediaId");
        String theirs = Rpc.registerMedia(other, Metadatas.of(shared)).get().then().statusCode(200)
                .body("RegisteredMediaList[0].NewRegister", equalTo(true)).extract().path("RegisteredMediaList[0].MediaId");
        assertThat(theirs).isNotEqualTo(mine);
    }

    private long jobsOf(TestAccount owner) {
        return db.count("SELECT count(*) FROM transcode_job WHERE account_id = $1", owner.id());
    }
}
