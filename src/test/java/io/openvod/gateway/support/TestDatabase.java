package io.openvod.gateway.support;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads what the gateway stored, to check it from the outside: over a pool of its own, straight to PostgreSQL (not
 * through a test's fault proxy, and never queued behind the gateway's own pool, which a database outage can leave
 * waiting on connection attempts for their whole connect timeout). Blocking is fine on the test thread.
 */
@ApplicationScoped
public class TestDatabase {

    private final Pool pool;

    public TestDatabase(Vertx vertx, @ConfigProperty(name = "vod.db.name") String database,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        PgConnectOptions server = new PgConnectOptions()
                .setHost(System.getenv().getOrDefault("DB_HOST", "127.0.0.1"))
                .setPort(Integer.parseInt(System.getenv().getOrDefault("DB_PORT", "5432")))
                .setDatabase(database).setUser(user).setPassword(password.orElse(""));
        this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(server).using(vertx).build();
    }

    public List<Row> rows(String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().indefinitely().forEach(rows::add);
        return rows;
    }

    public long count(String sql, Object... params) {
        return rows(sql, params).get(0).getLong(0);
    }

    @PreDestroy
    void close() {
        pool.closeAndAwait();
    }
}
