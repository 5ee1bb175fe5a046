package io.openvod.gateway.it;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.gateway.support.Json;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while registrations are in flight: the gateway stops accepting, finishes what it has, exits within
 * its shutdown budget, and every registration it acknowledged is in the database with the MediaId it answered.
 */
class GracefulShutdownIT {

    private static final int CLIENTS = 8;

    @Test
    void sigtermLosesNoAcknowledgedRegistration() throws Exception {
        List<Response> responses = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> transportFailures = Collections.synchronizedList(new ArrayList<>());
        TestAccount account;
        try (GatewayProcess gateway = GatewayProcess.start(Map.of())) {
            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = gateway.port();
            account = gateway.provisionAccount(100_000);
            AtomicInteger sequence = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long deadline = System.currentTimeMillis() + 30_000;
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (System.currentTimeMillis() < deadline) {
                        int n = sequence.incrementAndGet();
                        try {
                            responses.add(Rpc.registerMedia(account, Metadatas.of(account.fileUrl("term/" + n + "-a.mp4"),
                                    account.fileUrl("term/" + n + "-b.mp4"))).post());
                        } catch (Exception e) {
                            transportFailures.add(e);
                            if (rootCause(e) instanceof ConnectException) {
                                return; // the gateway has gone: nothing left to send to
                            }
                        }
                    }
                });
            }
            Thread.sleep(2_000);
            long signalled = System.currentTimeMillis();
            gateway.terminate();
            assertThat(gateway.process().waitFor(25, TimeUnit.SECONDS)).as("exits within the shutdown budget").isTrue();
            assertThat(System.currentTimeMillis() - signalled).isLessThan(25_000);
            clients.shutdown();
            assertThat(clients.awaitTermination(40, TimeUnit.SECONDS)).isTrue();
            assertThat(gateway.log()).doesNotContain("Exception in thread");
        } finally {
            RestAssured.reset();
        }

        Map<String, String> stored = ItDatabase.mediaIdsByFileUrl(account.id());
        int acknowledged = 0;
        for (Response response : responses) {
            assertThat(response.statusCode()).as(response.asString()).isIn(200, 503);
            if (response.statusCode() == 200) {
                for (JsonNode media : Json.of(response).path("RegisteredMediaList")) {
                    assertThat(stored.get(media.path("FileURL").asText())).isEqualTo(media.path("MediaId").asText());
                    acknowledged++;
                }
            }
        }
        assertThat(acknowledged).as("registrations acknowledged before the signal").isGreaterThan(20);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
