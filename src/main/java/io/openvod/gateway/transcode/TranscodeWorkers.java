package io.openvod.gateway.transcode;

import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.gateway.callback.CallbackOutbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts this gateway's relay (woken by {@code LISTEN vod_transcode_job}) and result consumer after the schema is
 * migrated, and stops them on shutdown. Every replica runs both; the row locks keep their batches apart.
 */
@ApplicationScoped
public class TranscodeWorkers {

    static final String CHANNEL = "vod_transcode_job";
    private static final Logger LOG = Logger.getLogger(TranscodeWorkers.class);

    private final TranscodeConfig config;
    private final Vertx vertx;
    private final Pool pool;
    private final MeterRegistry registry;
    private final CallbackOutbox callbacks;
    private final SourceUrls sourceUrls;
    private final PgConnectOptions listenOptions;
    private final RelayMetrics metrics;
    private OutboxRelay relay;
    private ResultConsumer results;
    private PgSubscriber subscriber;

    TranscodeWorkers(TranscodeConfig config, Vertx vertx, Pool pool, MeterRegistry registry, CallbackOutbox callbacks,
            SourceUrls sourceUrls,
            @ConfigProperty(name = "vod.db.host") String dbHost, @ConfigProperty(name = "vod.db.port") int dbPort,
            @ConfigProperty(name = "vod.db.name") String dbName,
            @ConfigProperty(name = "quarkus.datasource.username") String dbUser,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> dbPassword) {
        this.config = config;
        this.vertx = vertx;
        this.pool = pool;
        this.registry = registry;
        this.callbacks = callbacks;
        this.sourceUrls = sourceUrls;
        this.listenOptions = new PgConnectOptions().setHost(dbHost).setPort(dbPort).setDatabase(dbName)
                .setUser(dbUser).setPassword(dbPassword.orElse(""));
        this.metrics = new RelayMetrics(registry);
    }

    void start(@Observes @Priority(100) StartupEvent start) {
        if (config.relay().enabled()) {
            relay = newRelay("vod-transcode-relay");
            relay.start();
            listen();
        }
        if (config.results().enabled()) {
            results = new ResultConsumer(vertx, pool, new Broker(vertx, config.broker(), "results"), config,
                    callbacks, registry);
            results.start();
        }
    }

    /**
     * A relay with a database connection and a broker connection of its own (tests run a second one). Not a
     * connection of the request pool: under a load that keeps every pooled connection busy, a relay waiting its turn
     * there fell seconds behind (benchmark phase 5, docs/benchmarks.md).
     */
    OutboxRelay newRelay(String name) {
        Pool own = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(1).setName(name))
                .connectingTo(listenOptions).using(vertx).build());
        return new OutboxRelay(name, own, new JobPublisher(config.broker(), name), config.relay(), metrics,
                sourceUrls);
    }

    private void listen() {
        subscriber = PgSubscriber.subscriber(vertx, listenOptions).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(payload -> relay.wake());
        subscriber.connect().onFailure(e -> LOG.warnf("LISTEN %s failed (%s); the relay polls", CHANNEL,
                e.getMessage()));
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        if (subscriber != null) {
            subscriber.close();
        }
        if (relay != null) {
            relay.stop();
        }
        if (results != null) {
            results.stop();
        }
    }

    /** Readiness data: the outbox backlog and whether the broker is reachable. */
    Status status() {
        return new Status(config.relay().enabled(), relay != null && relay.brokerUp(),
                results != null && results.consuming(), metrics.backlog(), metrics.oldestPendingSeconds());
    }

    record Status(boolean relayEnabled, boolean relayConnected, boolean resultsConsuming, long backlog,
            double oldestPendingSeconds) {
    }
}
