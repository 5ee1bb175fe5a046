package io.openvod.gateway.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads what the gateway stored, to check it from the outside. Blocking is fine on the test thread. */
@ApplicationScoped
public class TestDatabase {

    private final Pool pool;

    public TestDatabase(Pool pool) {
        this.pool = pool;
    }

    public List<Row> rows(String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().indefinitely().forEach(rows::add);
        return rows;
    }

    public long count(String sql, Object... params) {
        return rows(sql, params).get(0).getLong(0);
    }
}
