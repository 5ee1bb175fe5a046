package io.openvod.gateway.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.gateway.support.Json;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many callers registering overlapping batches at once, over HTTP: one row and one NewRegister=true per file,
 * the same MediaId in every answer, no error. The batches come in different orders, which is what would
 * deadlock without a single lock order.
 */
@QuarkusTest
class ConcurrentRegistrationTest {

    private static final int FILES = 30;
    private static final int REQUESTS = 240;
    private static final int CLIENTS = 32;

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    @Test
    void overlappingConcurrentBatchesRegisterEachFileExactlyOnce() throws Exception {
        TestAccount account = accounts.create(100_000);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            files.add(account.fileUrl("race/" + i + ".mp4"));
        }
        List<Callable<Response>> calls = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < REQUESTS; i++) {
            List<String> batch = new ArrayList<>(files);
            Collections.shuffle(batch, random);
            String metadatas = Metadatas.of(batch.subList(0, 10).toArray(String[]::new));
            calls.add(() -> Rpc.registerMedia(account, metadatas).param("TemplateGroupId", account.templateGroupId()).post());
        }

        List<Response> responses = runConcurrently(calls);

        Map<String, Set<String>> mediaIdsByFile = new HashMap<>();
        Map<String, Integer> newRegistrationsByFile = new HashMap<>();
        for (Response response : responses) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            JsonNode body = Json.of(response);
            assertThat(body.path("FailedFileURLs")).isEmpty();
            JsonNode registered = body.path("RegisteredMediaList");
            assertThat(registered).hasSize(10);
            for (JsonNode media : registered) {
                String file = media.path("FileURL").asText();
                mediaIdsByFile.computeIfAbsent(file, f -> new HashSet<>()).add(media.path("MediaId").asText());
                if (media.path("NewRegister").asBoolean()) {
                    newRegistrationsByFile.merge(file, 1, Integer::sum);
                }
            }
        }
        assertThat(mediaIdsByFile.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(newRegistrationsByFile.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
        assertThat(newRegistrationsByFile.keySet()).isEqualTo(mediaIdsByFile.keySet());
        assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", account.id()))
                .isEqualTo(mediaIdsByFile.size());
        assertThat(db.count("SELECT count(*) FROM transcode_job WHERE account_id = $1", account.id()))
                .as("one outbox row per new file, none for repeats")
                .isEqualTo(mediaIdsByFile.size());
    }

    private static List<Response> runConcurrently(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
