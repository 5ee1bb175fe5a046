package io.openvod.gateway.media;

import io.openvod.gateway.core.validation.VideoIds;
import io.openvod.gateway.core.validation.VideoInfoUpdate;
import io.openvod.gateway.core.validation.VideoListQuery;
import io.openvod.gateway.database.DatabaseFailures;
import io.openvod.gateway.database.SqlFiles;
import io.openvod.gateway.database.StatementDeadline;
import io.openvod.gateway.database.TransientDatabaseException;
import io.openvod.gateway.storage.SealedConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The SQL of the media APIs, by hand ({@code src/main/resources/sql/media/}), every statement scoped to the
 * caller's account: another account's medium is exactly as absent as one that never existed. Each call is one
 * statement; docs/media-queries.md shows the plans of the two read paths.
 *
 * <p>The same protection as registration's repository: a deadline per statement ({@link StatementDeadline}), a
 * bulkhead and a circuit breaker (503 while PostgreSQL is down), and a retry of transient failures. Reads and the
 * update are idempotent. A delete retried after a lost connection that had in fact committed reports its ids as
 * not existing, which is what a second delete would say too.
 */
@ApplicationScoped
@NonBlocking
@Bulkhead(value = 64, waitingTaskQueue = 256)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 2000, successThreshold = 2)
@Retry(maxRetries = 2, delay = 50, jitter = 25, retryOn = TransientDatabaseException.class)
class MediaStore {

    /** What an UpdateVideoInfo statement found. */
    record UpdateOutcome(boolean videoFound, boolean categoryFound) {
    }

    /** A medium with its storage location's connection, still sealed (empty for a location without one). */
    record Source(Media media, Optional<SealedConnection> connection) {
    }

    /** One page of GetVideoList and the number of matches in all. */
    record Page(long total, List<Media> media) {
    }

    private static final String FIND_ONE = SqlFiles.read("media/find-one.sql");
    private static final String FIND_MEZZANINE = SqlFiles.read("media/find-mezzanine.sql");
    private static final String FIND_MANY = SqlFiles.read("media/find-many.sql");
    private static final String LIST_ASC = SqlFiles.read("media/list-asc.sql");
    private static final String LIST_DESC = SqlFiles.read("media/list-desc.sql");
    private static final String UPDATE = SqlFiles.read("media/update.sql");
    private static final String DELETE = SqlFiles.read("media/delete.sql");

    private final Pool pool;
    private final StatementDeadline deadline;
    MediaStore(Pool pool, StatementDeadline deadline) {
        this.pool = pool;
        this.deadline = deadline;
    }

    Uni<Optional<Media>> find(long accountId, String mediaId) {
        if (!VideoIds.canExist(mediaId)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return run(FIND_ONE, Tuple.of(accountId, mediaId)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(Media.of(it.next())) : Optional.empty();
        });
    }

    /** One medium with its storage location's connection, in one statement. */
    Uni<Optional<Source>> findSource(long accountId, String mediaId) {
        if (!VideoIds.canExist(mediaId)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return run(FIND_MEZZANINE, Tuple.of(accountId, mediaId)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row row = it.next();
            return Optional.of(new Source(Media.of(row), SealedConnection.in(row)));
        });
    }

    /** The account's media among {@code mediaIds}, by MediaId. */
    Uni<Map<String, Media>> findAll(long accountId, List<String> mediaIds) {
        return run(FIND_MANY, Tuple.of(accountId, possible(mediaIds))).map(rows -> {
            Map<String, Media> found = new LinkedHashMap<>();
            rows.forEach(row -> found.put(row.getString("media_id"), Media.of(row)));
            return found;
        });
    }

    Uni<Page> list(long accountId, VideoListQuery query) {
        Tuple params = Tuple.tuple()
                .addLong(accountId)
                .addArrayOfString(query.statuses() == null ? null : query.statuses().toArray(String[]::new))
                .addLong(query.cateId())
                .addString(query.storageLocation())
                .addOffsetDateTime(query.createdFrom() == null ? null : query.createdFrom().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(query.createdBefore() == null ? null : query.createdBefore().atOffset(ZoneOffset.UTC))
                .addInteger(query.limit())
                .addInteger(query.offset());
        return run(query.ascending() ? LIST_ASC : LIST_DESC, params).map(rows -> {
            long total = 0;
            List<Media> media = new ArrayList<>();
            for (Row row : rows) {
                total = row.getLong("total");
                if (row.getString("media_id") != null) {
                    media.add(Media.of(row));
                }
            }
            return new Page(total, media);
        });
    }

    Uni<UpdateOutcome> update(long accountId, VideoInfoUpdate update) {
        if (!VideoIds.canExist(update.videoId())) {
            return Uni.createFrom().item(new UpdateOutcome(false, true));
        }
        Tuple params = Tuple.tuple()
                .addLong(accountId)
                .addString(update.videoId())
                .addString(update.title())
                .addString(update.description())
                .addString(update.tags())
                .addString(update.coverUrl())
                .addLong(update.cateId());
        return run(UPDATE, params).map(rows -> {
            Row row = rows.iterator().next();
            return new UpdateOutcome(row.getBoolean("video_found"), row.getBoolean("category_ok"));
        });
    }

    /** Deletes the account's media among {@code mediaIds}; answers the ids that were deleted. */
    Uni<Set<String>> delete(long accountId, List<String> mediaIds) {
        return run(DELETE, Tuple.of(accountId, possible(mediaIds))).map(rows -> {
            Set<String> deleted = new java.util.HashSet<>();
            rows.forEach(row -> deleted.add(row.getString("media_id")));
            return deleted;
        });
    }

    /** The ids worth asking for; the others are not found anyway. */
    private static String[] possible(List<String> mediaIds) {
        return mediaIds.stream().filter(VideoIds::canExist).toArray(String[]::new);
    }

    private Uni<RowSet<Row>> run(String sql, Tuple params) {
        return deadline.apply(pool.preparedQuery(sql).execute(params))
                .onFailure().transform(DatabaseFailures::translate);
    }
}
