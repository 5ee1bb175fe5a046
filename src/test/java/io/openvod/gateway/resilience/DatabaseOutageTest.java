package io.openvod.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.gateway.support.Admin;
import io.openvod.gateway.support.Json;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Registrations keep coming while PostgreSQL goes away and comes back. Nothing acknowledged is lost, every
 * failure is a clean 503 envelope, and the gateway serves again soon after the database returns, without restart.
 */
@QuarkusTest
@TestProfile(PostgresThroughProxyProfile.class)
class DatabaseOutageTest {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageTest.class);
    private static final int CLIENTS = 6;

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    PostgresOutage outage;

    /** One answer, its body read with Jackson ({@link Json}: this test reads about a thousand). */
    record Outcome(long atMillis, int status, JsonNode body) {

        static Outcome of(long atMillis, Response response) {
            return new Outcome(atMillis, response.statusCode(), Json.of(response));
        }
    }

    @Test
    void acknowledgedRegistrationsSurviveAnOutageAndServiceResumes() throws Exception {
        TestAccount account = accounts.create(100_000);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sequence = new AtomicInteger();
        long start = System.currentTimeMillis();
        long end = start + 14_000;

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    int n = sequence.incrementAndGet();
                    String metadatas = Metadatas.of(account.fileUrl("outage/" + n + "-a.mp4"),
                            account.fileUrl("outage/" + n + "-b.mp4"), account.fileUrl("outage/shared.mp4"));
                    Response response = Rpc.registerMedia(account, metadatas).post();
                    outcomes.add(Outcome.of(System.currentTimeMillis() - start, response));
                    sleepQuietly(20);
                }
                return null;
            });
        }
        Thread.sleep(3_000);
        LOG.infof("Taking PostgreSQL away (%s)", outage.mode());
        outage.begin();
        long outageBegan = System.currentTimeMillis() - start;
        Thread.sleep(2_000);
        int readyDuringOutage = Admin.anonymous().get("/q/health/ready").statusCode();
        int liveDuringOutage = Admin.anonymous().get("/q/health/live").statusCode();
        Thread.sleep(2_000);
        outage.end();
        long outageEnded = System.currentTimeMillis() - start;
        LOG.info("PostgreSQL is back");
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(readyDuringOutage).as("readiness reports the database").isEqualTo(503);
        assertThat(liveDuringOutage).as("liveness stays up: restarting would not bring the database back").isEqualTo(200);
        assertThat(Admin.anonymous().get("/q/health/ready").statusCode()).as("ready again").isEqualTo(200);
        assertEveryFailureIsACleanServiceUnavailable(outcomes);
        assertEveryAcknowledgedFileIsStoredOnceWithItsMediaId(account, outcomes);
        assertThat(outcomes).anySatisfy(o -> assertThat(o.atMillis()).isBetween(outageBegan + 500, outageEnded))
                .as("requests during the outage were answered");
        long firstSuccessAfterOutage = outcomes.stream()
                .filter(o -> o.atMillis() > outageEnded && o.status() == 200)
                .mapToLong(Outcome::atMillis).min().orElseThrow();
        assertThat(firstSuccessAfterOutage - outageEnded).as("ms until serving again").isLessThan(5_000);
    }

    private static void assertEveryFailureIsACleanServiceUnavailable(List<Outcome> outcomes) {
        assertThat(outcomes).isNotEmpty().allSatisfy(o -> {
            assertThat(o.status()).as(o.body().toString()).isIn(200, 503);
            if (o.status() == 503) {
                assertThat(o.body().path("Code").asText()).isEqualTo("ServiceUnavailable");
                assertThat(o.body().path("RequestId").asText()).isNotBlank();
            }
        });
        assertThat(outcomes).anySatisfy(o -> assertThat(o.status()).isEqualTo(503));
    }

    private void assertEveryAcknowledgedFileIsStoredOnceWithItsMediaId(TestAccount account, List<Outcome> outcomes) {
        Map<String, String> stored = new HashMap<>();
        for (Row row : db.rows("SELECT file_url, media_id FROM media WHERE account_id = $1", account.id())) {
            assertThat(stored.put(row.getString("file_url"), row.getString("media_id"))).isNull();
        }
        int acknowledged = 0;
        for (Outcome o : outcomes) {
            if (o.status() != 200) {
                continue;
            }
            for (JsonNode media : o.body().path("RegisteredMediaList")) {
                assertThat(stored.get(media.path("FileURL").asText())).isEqualTo(media.path("MediaId").asText());
                acknowledged++;
            }
        }
        assertThat(acknowledged).isPositive();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
