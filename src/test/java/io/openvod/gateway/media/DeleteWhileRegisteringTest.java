package io.openvod.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Registrations;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * DeleteVideo racing a repeat RegisterMedia of the same file, many times at once over HTTP. Either the
 * registration came first (it answers the old MediaId, which the delete then removes) or the delete did (it answers
 * a new MediaId with NewRegister=true, and that medium exists afterwards). Never an error, a failed file, or an
 * answered MediaId that does not exist when both calls are done.
 */
@QuarkusTest
class DeleteWhileRegisteringTest {

    private static final int FILES = 40;
    private static final int CLIENTS = 16;

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    @Test
    void raceEndsWithTheOldMediaIdDeletedOrANewOneRegistered() throws Exception {
        TestAccount account = accounts.create(100_000);
        List<String> urls = new ArrayList<>();
        List<String> oldIds = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            urls.add(account.fileUrl("race/" + i + ".mp4"));
            oldIds.add(Registrations.registerForTranscoding(account, Metadatas.item(urls.get(i))));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            String url = urls.get(i);
            String old = oldIds.get(i);
            calls.add(() -> {
                start.await();
                return Rpc.action("DeleteVideo", account).param("VideoIds", old).post();
            });
            calls.add(() -> {
                start.await();
                return Rpc.registerMedia(account, Metadatas.of(url)).param("TemplateGroupId", account.templateGroupId())
                        .post();
            });
        }

        List<Response> answers = runAtOnce(calls, start);

        int newOnes = 0;
        for (int i = 0; i < FILES; i++) {
            Response deletion = answers.get(2 * i);
            Response registration = answers.get(2 * i + 1);
            assertThat(deletion.statusCode()).as(deletion.asString()).isEqualTo(200);
            assertThat(deletion.jsonPath().getList("NonExistVideoIds")).as("the old medium existed").isEmpty();
            assertThat(registration.statusCode()).as(registration.asString()).isEqualTo(200);
            JsonPath registered = registration.jsonPath();
            assertThat(registered.getList("FailedFileURLs")).isEmpty();
            String answeredId = registered.getString("RegisteredMediaList[0].MediaId");
            boolean isNew = registered.getBoolean("RegisteredMediaList[0].NewRegister");
            List<Row> stored = db.rows("SELECT media_id FROM media WHERE account_id = $1 AND file_url = $2",
                    account.id(), urls.get(i));
            if (isNew) {
                newOnes++;
                assertThat(answeredId).isNotEqualTo(oldIds.get(i));
                assertThat(stored).extracting(row -> row.getString("media_id")).containsExactly(answeredId);
                assertThat(db.count("SELECT count(*) FROM transcode_job WHERE media_id = $1", answeredId)).isEqualTo(1);
            } else {
                assertThat(answeredId).isEqualTo(oldIds.get(i));
                assertThat(stored).as("registered first, then deleted").isEmpty();
            }
        }
        assertThat(db.count("SELECT count(*) FROM transcode_job WHERE media_id = ANY($1)",
                (Object) oldIds.toArray(String[]::new))).as("the old jobs went with the old media").isZero();
        System.out.printf("DeleteWhileRegisteringTest: %d of %d registrations came after the delete%n", newOnes, FILES);
    }

    private static List<Response> runAtOnce(List<Callable<Response>> calls, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            calls.forEach(call -> futures.add(pool.submit(call)));
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
