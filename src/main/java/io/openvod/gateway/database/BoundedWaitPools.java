package io.openvod.gateway.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import java.util.ArrayList;
import java.util.List;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Creates the reactive pool as Quarkus would, with two waits cut to {@code vod.db.statement-timeout}: the wait for a
 * pooled connection (Vert.x default 30 s) and the TCP connect (default 60 s). A request has been answered 503 by
 * then ({@link StatementDeadline}), so a longer wait only holds a slot for nobody. During an outage where PostgreSQL
 * stops answering, the defaults kept connection attempts and their timers alive for half a minute after it came
 * back, and shutting the application down waited for them: 20 s of every run of DatabaseOutageTest.
 */
@Singleton
public class BoundedWaitPools implements PgPoolCreator {

    private final long waitMillis;

    public BoundedWaitPools(DatabaseConfig config) {
        this.waitMillis = Math.max(1, config.statementTimeout().toMillis());
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setConnectionTimeout((int) waitMillis).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        List<SqlConnectOptions> servers = new ArrayList<>();
        for (PgConnectOptions server : input.pgConnectOptionsList()) {
            servers.add(server.setConnectTimeout((int) waitMillis));
        }
        return PgBuilder.pool().with(options).connectingTo(servers).using(input.vertx()).build();
    }
}
