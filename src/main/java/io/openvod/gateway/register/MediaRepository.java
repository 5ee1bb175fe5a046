package io.openvod.gateway.register;

import io.openvod.gateway.core.validation.MediaMetadata;
import io.openvod.gateway.core.validation.RegisterMediaRequest;
import io.openvod.gateway.database.DatabaseFailures;
import io.openvod.gateway.database.SqlFiles;
import io.openvod.gateway.database.StatementDeadline;
import io.openvod.gateway.database.TransientDatabaseException;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The SQL of registration, by hand: this is the hot path. One statement checks the account's references,
 * inserts the new files and their transcode jobs atomically (data-modifying CTEs commit together without an
 * explicit transaction, so the pooled client may pipeline it); a second one, only when some files existed
 * already, reads their MediaIds in a fresh snapshot.
 *
 * <p>Both statements are idempotent, so a transient failure (lost connection, deadlock, serialization failure)
 * is retried. A statement without an answer in time fails ({@link StatementDeadline}). While PostgreSQL is down
 * the circuit breaker answers at once instead of queueing, and the bulkhead bounds how many requests wait on the
 * pool; all end as 503. The figures are overridable with MicroProfile Fault Tolerance keys, listed in the README.
 */
@ApplicationScoped
@NonBlocking
@Bulkhead(value = 64, waitingTaskQueue = 256)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 2000, successThreshold = 2)
@Retry(maxRetries = 2, delay = 50, jitter = 25, retryOn = TransientDatabaseException.class)
class MediaRepository {

    /** Which references the account owns, and the rows this statement inserted. */
    record Insertion(boolean storageOwned, boolean templateGroupFound, boolean workflowFound,
            boolean categoriesFound, Map<String, String> insertedMediaIds) {
    }

    private static final String INSERT_NEW = SqlFiles.read("register/insert-new.sql");

    private static final String FIND_EXISTING = SqlFiles.read("register/find-existing.sql");

    private final Pool pool;
    private final StatementDeadline deadline;

    MediaRepository(Pool pool, StatementDeadline deadline) {
        this.pool = pool;
        this.deadline = deadline;
    }

    Uni<Insertion> insertNew(long accountId, RegisterMediaRequest request, List<MediaMetadata> items) {
        int n = items.size();
        String[] urls = new String[n];
        String[] titles = new String[n];
        String[] descriptions = new String[n];
        String[] tags = new String[n];
        String[] covers = new String[n];
        Long[] cateIds = new Long[n];
        for (int i = 0; i < n; i++) {
            MediaMetadata item = items.get(i);
            urls[i] = item.fileUrl().key();
            titles[i] = item.title();
            descriptions[i] = item.description();
            tags[i] = item.tags();
            covers[i] = item.coverUrl();
            cateIds[i] = item.cateId();
        }
        Long[] wantedCategories = items.stream().map(MediaMetadata::cateId).filter(id -> id != null).distinct()
                .toArray(Long[]::new);
        Tuple params = Tuple.tuple()
                .addLong(accountId)
                .addString(request.storageLocation())
                .addString(request.transcode().templateGroupId())
                .addString(request.transcode().workflowId())
                .addArrayOfLong(wantedCategories)
                .addArrayOfString(urls)
                .addArrayOfString(titles)
                .addArrayOfString(descriptions)
                .addArrayOfString(tags)
                .addArrayOfString(covers)
                .addArrayOfLong(cateIds)
                .addString(request.userData());
        return deadline.apply(pool.preparedQuery(INSERT_NEW).execute(params)).map(rows -> {
            Map<String, String> inserted = new HashMap<>();
            Row first = null;
            for (Row row : rows) {
                first = first == null ? row : first;
                if (row.getString("file_url") != null) {
                    inserted.put(row.getString("file_url"), row.getString("media_id"));
                }
            }
            return new Insertion(first.getBoolean("storage_ok"), first.getBoolean("template_group_ok"),
                    first.getBoolean("workflow_ok"), first.getBoolean("categories_ok"), inserted);
        }).onFailure().transform(DatabaseFailures::translate);
    }

    /** MediaIds of files registered before, by registration key. */
    Uni<Map<String, String>> findExisting(long accountId, Collection<String> keys) {
        Tuple params = Tuple.of(accountId, keys.toArray(String[]::new));
        return deadline.apply(pool.preparedQuery(FIND_EXISTING).execute(params))
                .map(rows -> {
                    Map<String, String> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("file_url"), row.getString("media_id")));
                    return found;
                })
                .onFailure().transform(DatabaseFailures::translate);
    }
}
