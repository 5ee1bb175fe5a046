package io.openvod.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.core.envelope.ApiException;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Data exceptions PostgreSQL raises for what a caller sent are client errors (issue 17, defect 1). */
@QuarkusTest
class DatabaseFailuresTest {

    @Inject
    Pool pool;

    private Throwable failureOf(String sql, Object value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).onItem().<Throwable>transform(rows -> null)
                .onFailure().recoverWithItem(failure -> failure).await().indefinitely();
    }

    @Test
    void nulByteInTextIsInvalidInputTranslatedTo400() {
        Throwable failure = failureOf("SELECT $1::text", "LTAI\u0000");

        assertThat(failure).isNotNull();
        assertThat(DatabaseFailures.isInvalidInput(failure)).isTrue();
        assertThat(DatabaseFailures.translate(failure)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).error().status()).isEqualTo(400));
    }

    @Test
    void malformedNumberIsInvalidInput() {
        assertThat(DatabaseFailures.isInvalidInput(failureOf("SELECT $1::text::bigint", "12x"))).isTrue();
    }

    @Test
    void otherFailuresAreNotInvalidInput() {
        assertThat(DatabaseFailures.isInvalidInput(failureOf("SELECT * FROM no_such_table WHERE x = $1", "a"))).isFalse();
    }
}
