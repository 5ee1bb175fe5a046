package io.openvod.gateway.register;

import io.openvod.gateway.core.validation.MediaMetadata;
import io.openvod.gateway.core.validation.RegisterMediaRequest;
import io.openvod.gateway.database.DatabaseFailures;
import io.openvod.gateway.storage.SealedConnection;
import io.openvod.gateway.database.SqlFiles;
import io.openvod.gateway.database.StatementDeadline;
import io.openvod.gateway.database.TransientDatabaseException;
import io.openvod.gateway.storage.ObjectFacts;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /**
     * Which references the account owns, and the rows this statement inserted. A storage location with a connection
     * whose files were not checked yet inserts nothing: then {@code connection} is set, and {@code existingMediaIds}
     * holds the files registered before (by registration key).
     */
    record Insertion(boolean storageOwned, boolean templateGroupFound, boolean workflowFound,
            boolean categoriesFound, SealedConnection connection, Map<String, String> insertedMediaIds,
            Map<String, String> existingMediaIds) {
    }

    private static final String INSERT_NEW = SqlFiles.read("register/insert-new.sql");

    private static final String FIND_EXISTING = SqlFiles.read("register/find-existing.sql");

    private final Pool pool;
    private final StatementDeadline deadline;

    MediaRepository(Pool pool, StatementDeadline deadline) {
        this.pool = pool;
        this.deadline = deadline;
    }

    /**
     * @param checked null when the files were not checked; else what the object store said of each, by registration
     *                key (every item must have an entry)
     */
    Uni<Insertion> insertNew(long accountId, RegisterMediaRequest request, List<MediaMetadata> items,
            Map<String, ObjectFacts> checked) {
        int n = items.size();
        String[] keys = new String[n];
        String[] urls = new String[n];
        Long[] sizes = new Long[n];
        String[] contentTypes = new String[n];
        String[] etags = new String[n];
        OffsetDateTime[] lastModified = new OffsetDateTime[n];
        String[] titles = new String[n];
        String[] descriptions = new String[n];
        String[] tags = new String[n];
        String[] covers = new String[n];
        Long[] cateIds = new Long[n];
        for (int i = 0; i < n; i++) {
            MediaMetadata item = items.get(i);
            keys[i] = item.fileUrl().key();
            urls[i] = item.fileUrl().text();
            ObjectFacts facts = checked == null ? null : checked.get(keys[i]);
            if (facts != null) {
                sizes[i] = facts.size();
                contentTypes[i] = facts.contentType();
                etags[i] = facts.etag();
                lastModified[i] = facts.lastModified() == null ? null
                        : facts.lastModified().atOffset(ZoneOffset.UTC);
            }
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
                .addArrayOfString(keys)
                .addArrayOfString(urls)
                .addArrayOfString(titles)
                .addArrayOfString(descriptions)
                .addArrayOfString(tags)
                .addArrayOfString(covers)
                .addArrayOfLong(cateIds)
                .addString(request.userData())
                .addBoolean(checked != null)
                .addArrayOfLong(sizes)
                .addArrayOfString(contentTypes)
                .addArrayOfString(etags)
                .addArrayOfOffsetDateTime(lastModified);
        return deadline.apply(pool.preparedQuery(INSERT_NEW).execute(params)).map(MediaRepository::insertion)
                .onFailure().transform(DatabaseFailures::translate);
    }

    private static Insertion insertion(RowSet<Row> rows) {
        Map<String, String> inserted = new HashMap<>();
        Map<String, String> existing = new HashMap<>();
        Row first = null;
        for (Row row : rows) {
            first = first == null ? row : first;
            if (row.getString("object_key") != null) {
                (row.getBoolean("created") ? inserted : existing).put(row.getString("object_key"), row.getString("media_id"));
            }
        }
        SealedConnection connection = SealedConnection.in(first).orElse(null);
        return new Insertion(first.getBoolean("storage_ok"), first.getBoolean("template_group_ok"),
                first.getBoolean("workflow_ok"), first.getBoolean("categories_ok"), connection, inserted, existing);
    }

    /** MediaIds of files registered before, by registration key. */
    Uni<Map<String, String>> findExisting(long accountId, String storageLocation, Collection<String> keys) {
        Tuple params = Tuple.of(accountId, storageLocation, keys.toArray(String[]::new));
        return deadline.apply(pool.preparedQuery(FIND_EXISTING).execute(params))
                .map(rows -> {
                    Map<String, String> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("object_key"), row.getString("media_id")));
                    return found;
                })
                .onFailure().transform(DatabaseFailures::translate);
    }
}
