package io.openvod.gateway.database;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fails a statement PostgreSQL has not answered within {@code vod.db.statement-timeout} (the wait for a pooled
 * connection included) with {@link DatabaseUnavailableException}, which the circuit breaker counts and the caller
 * hears as 503. Guards every database call a request can wait on: registration and the AccessKey lookup.
 *
 * <p>A Vert.x timer on the caller's own event loop rather than MicroProfile {@code @Timeout}: SmallRye Fault
 * Tolerance's timer thread is woken on every call it guards, which cost each RegisterMedia call a futex and two
 * context switches (measured with {@code perf stat}); an event-loop timer is set and cancelled without any.
 */
@ApplicationScoped
public class StatementDeadline {

    private final Vertx vertx;
    private final long millis;

    public StatementDeadline(Vertx vertx, DatabaseConfig config) {
        this.vertx = vertx;
        this.millis = Math.max(1, config.statementTimeout().toMillis());
    }

    public <T> Uni<T> apply(Uni<T> statement) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicReference<Cancellable> running = new AtomicReference<>();
            long timer = vertx.setTimer(millis, id -> {
                emitter.fail(new DatabaseUnavailableException(
                        new TimeoutException("no answer from PostgreSQL within " + millis + " ms")));
                Cancellable subscription = running.get();
                if (subscription != null) {
                    // The statement itself runs on: the client returns its connection to the pool when it ends.
                    subscription.cancel();
                }
            });
            emitter.onTermination(() -> vertx.cancelTimer(timer));
            running.set(statement.subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
