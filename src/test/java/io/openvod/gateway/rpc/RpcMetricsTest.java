package io.openvod.gateway.rpc;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.PrometheusScrape;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RpcMetricsTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    TestAccounts accounts;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size")
    int poolMaxSize;

    @Test
    void registerMediaCountsRequestsAndNewVersusRepeatedFiles() {
        TestAccount account = accounts.create();
        PrometheusScrape before = PrometheusScrape.of(metrics);

        String url = account.fileUrl("metrics/" + UUID.randomUUID() + ".mp4");
        Rpc.registerMedia(account, Metadatas.of(url)).get().then().statusCode(200);
        Rpc.registerMedia(account, Metadatas.of(url, account.fileUrl("metrics/not-media.txt"))).get().then().statusCode(200);

        PrometheusScrape after = PrometheusScrape.of(metrics);
        assertThat(delta(before, after, "vod_rpc_requests_total", "action", "RegisterMedia", "code", "OK")).isEqualTo(2);
        assertThat(delta(before, after, "vod_register_media_files_total", "result", "new")).isEqualTo(1);
        assertThat(delta(before, after, "vod_register_media_files_total", "result", "repeated")).isEqualTo(1);
        assertThat(delta(before, after, "vod_register_media_files_total", "result", "failed")).isEqualTo(1);
    }

    @Test
    void errorsAreCountedByTheirAlibabaCode() {
        PrometheusScrape before = PrometheusScrape.of(metrics);

        Rpc.registerMedia(accounts.create(), "not json").get().then().statusCode(400);

        PrometheusScrape after = PrometheusScrape.of(metrics);
        assertThat(delta(before, after, "vod_rpc_requests_total", "action", "RegisterMedia", "code", "InvalidParameter"))
                .isEqualTo(1);
    }

    @Test
    void actionsWeDoNotImplementShareOneUnknownLabel() {
        String invented = "Invented" + UUID.randomUUID().toString().replace("-", "");
        PrometheusScrape before = PrometheusScrape.of(metrics);

        Rpc.action(invented, accounts.create()).get().then().statusCode(404);

        PrometheusScrape after = PrometheusScrape.of(metrics);
        assertThat(delta(before, after, "vod_rpc_requests_total", "action", "unknown", "code", "InvalidAction.NotFound"))
                .isEqualTo(1);
        assertThat(after.samples()).noneMatch(s -> s.labels().containsValue(invented));
    }

    @Test
    void latencyIsAHistogramByActionAndOutcome() {
        TestAccount account = accounts.create();
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("metrics/latency.mp4"))).get().then().statusCode(200);

        PrometheusScrape scrape = PrometheusScrape.of(metrics);
        assertThat(scrape.matching("vod_rpc_request_duration_seconds_bucket", "action", "RegisterMedia", "outcome", "success"))
                .hasSizeGreaterThan(10)
                .anyMatch(s -> s.labels().get("le").equals("+Inf") && s.value() >= 1);
        assertThat(scrape.value("vod_rpc_request_duration_seconds_count", "action", "RegisterMedia", "outcome", "success"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void throttledCallsAreCountedWithThoseRefusedBeforeTheirSignatureApart() {
        TestAccount account = accounts.create(1);
        PrometheusScrape before = PrometheusScrape.of(metrics);

        for (String name : new String[] {"a.mp4", "b.mp4", "c.mp4"}) {
            Rpc.registerMedia(account, Metadatas.of(account.fileUrl("metrics/" + name))).get();
        }

        PrometheusScrape after = PrometheusScrape.of(metrics);
        assertThat(delta(before, after, "vod_ratelimit_decisions_total", "result", "allowed")).isEqualTo(1);
        assertThat(delta(before, after, "vod_ratelimit_decisions_total", "result", "throttled")).isEqualTo(2);
        assertThat(delta(before, after, "vod_ratelimit_early_refusals_total")).isEqualTo(1);
    }

    @Test
    void noSeriesIsLabelledPerAccountOrKey() {
        TestAccount account = accounts.create();
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("metrics/labels.mp4"))).get().then().statusCode(200);

        assertThat(PrometheusScrape.of(metrics).samples())
                .noneMatch(s -> s.labels().containsValue(account.accessKeyId())
                        || s.labels().containsValue(String.valueOf(account.id())));
    }

    @Test
    void databasePoolUsageIsExported() {
        accounts.create();

        PrometheusScrape scrape = PrometheusScrape.of(metrics);
        String[] pool = {"pool_type", "sql"};
        // The transcode relay's own connection is a pool of one, exported under the relay's name
        String[] relay = {"pool_type", "sql", "pool_name", "vod-transcode-relay"};
        double relayConnections = scrape.value("sql_pool_active", relay) + scrape.value("sql_pool_idle", relay);
        assertThat(relayConnections).isLessThanOrEqualTo(1);
        assertThat(scrape.value("sql_pool_active", pool) + scrape.value("sql_pool_idle", pool) - relayConnections)
                .isEqualTo(poolMaxSize);
        assertThat(scrape.matching("sql_pool_queue_size", pool)).isNotEmpty();
        assertThat(scrape.value("sql_pool_completed_total", pool)).isPositive();
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
