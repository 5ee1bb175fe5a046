package io.openvod.gateway.storage;

import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.envelope.ApiException;
import io.openvod.gateway.core.storage.StorageConnection;
import io.openvod.gateway.plumbing.Contexts;
import io.openvod.gateway.storage.StorageMetrics.Result;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Checks that files exist in the bucket of a storage location: one HEAD per object key, all at once, within one
 * deadline ({@code vod.storage.probe-timeout}), through a circuit breaker per endpoint that counts checks (a call's
 * HEADs together), not HEADs: each guarded invocation has costs of its own (a timer, the breaker's window), and the
 * HEADs of one call answer or fail together anyway. The answer:
 * <ul>
 * <li>the facts of the objects found; a key absent from the answer was not found (404);</li>
 * <li>a failure with {@link ApiError#storageAccessDenied} when the store refused access (403 or another refusal,
 * or a bucket that does not exist);</li>
 * <li>a failure with {@link ApiError#storageUnavailable} (503) when the store did not answer in time, could not be
 * reached or failed (5xx), or its breaker is open.</li>
 * </ul>
 * The outcome is delivered on the caller's Vert.x context.
 */
@ApplicationScoped
public class StorageCheck {

    private static final Logger LOG = Logger.getLogger(StorageCheck.class);
    private static final TypeLiteral<Uni<Map<String, ObjectFacts>>> CHECK = new TypeLiteral<>() { };

    /** A refusal by the store: not a fault of the store, so the breaker does not count it. */
    private static final class Denied extends RuntimeException {
        Denied(int status) {
            super("HTTP " + status, null, false, false);
        }
    }

    private final ObjectStore store;
    private final StorageConfig config;
    private final StorageMetrics metrics;
    private final Map<URI, TypedGuard<Uni<Map<String, ObjectFacts>>>> guards = new ConcurrentHashMap<>();

    StorageCheck(ObjectStore store, StorageConfig config, StorageMetrics metrics) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
    }

    /** The facts of each key found, by key. */
    public Uni<Map<String, ObjectFacts>> check(StorageConnection connection, List<String> objectKeys) {
        if (objectKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        long start = System.nanoTime();
        Uni<Map<String, ObjectFacts>> found = guard(connection.endpoint()).get(() -> headAll(connection, objectKeys))
                // HEADs the open breaker spared the store are counted as the errors they stand for
                .onFailure(CircuitBreakerOpenException.class)
                .invoke(() -> objectKeys.forEach(key -> metrics.record(Result.ERROR, start)));
        return Contexts.resumeOnCaller(found.onFailure().transform(failure -> translate(connection, failure)));
    }

    private Uni<Map<String, ObjectFacts>> headAll(StorageConnection connection, List<String> objectKeys) {
        List<Uni<Optional<ObjectFacts>>> probes = new ArrayList<>(objectKeys.size());
        for (String key : objectKeys) {
            probes.add(probe(connection, key));
        }
        return Uni.join().all(probes).andFailFast().chain(results -> {
            Map<String, ObjectFacts> facts = new HashMap<>();
            for (int i = 0; i < results.size(); i++) {
                String key = objectKeys.get(i);
                results.get(i).ifPresent(f -> facts.put(key, f));
            }
            // Any 404 may mean the bucket itself is gone, which must refuse the call rather than fail its files.
            return facts.size() == objectKeys.size() ? Uni.createFrom().item(facts)
                    : requireBucket(connection).replaceWith(facts);
        });
    }

    private Uni<Optional<ObjectFacts>> probe(StorageConnection connection, String key) {
        long start = System.nanoTime();
        return store.head(connection, key)
                .onFailure().transform(StorageCheck::denialOrFault)
                .invoke(result -> metrics.record(result.isPresent() ? Result.FOUND : Result.MISSING, start))
                .onFailure().invoke(failure -> metrics.record(failure instanceof Denied ? Result.DENIED : Result.ERROR,
                        start));
    }

    private Uni<Void> requireBucket(StorageConnection connection) {
        return store.bucketExists(connection)
                .onFailure().transform(StorageCheck::denialOrFault)
                .invoke(exists -> {
                    if (!exists) {
                        throw ApiError.storageAccessDenied(connection.location(),
                                "the bucket \"" + connection.bucket() + "\" does not exist.").exception();
                    }
                })
                .replaceWithVoid();
    }

    /** 4xx other than 404 is the store saying no; anything else (no answer, 5xx) is the store failing. */
    private static Throwable denialOrFault(Throwable failure) {
        int status = ObjectStore.statusOf(failure);
        return status >= 300 && status < 500 && status != 404 ? new Denied(status) : failure;
    }

    private Throwable translate(StorageConnection connection, Throwable failure) {
        if (failure instanceof ApiException) {
            return failure;
        }
        if (failure instanceof Denied denied) {
            return ApiError.storageAccessDenied(connection.location(),
                    "it refused to let the gateway read the bucket \"" + connection.bucket() + "\" (" + denied.getMessage()
                            + "). Check the storage location's credentials, bucket and region.").exception();
        }
        LOG.debugf("Object store of %s failed: %s", connection.location(), failure);
        return ApiError.storageUnavailable(connection.location()).exception();
    }

    private TypedGuard<Uni<Map<String, ObjectFacts>>> guard(URI endpoint) {
        return guards.computeIfAbsent(endpoint, this::newGuard);
    }

    private TypedGuard<Uni<Map<String, ObjectFacts>>> newGuard(URI endpoint) {
        var breaker = config.circuitBreaker();
        return TypedGuard.create(CHECK)
                .withDescription("object store " + endpoint)
                .withTimeout()
                    .duration(config.probeTimeout().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .withCircuitBreaker()
                    .skipOn(List.of(Denied.class, ApiException.class))
                    .requestVolumeThreshold(breaker.requestVolumeThreshold())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(breaker.successThreshold())
                    .onStateChange(state -> LOG.infof("Object store %s: circuit breaker %s", endpoint, state))
                    .done()
                .withThreadOffload(false)
                .build();
    }
}
