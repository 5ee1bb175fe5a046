package io.openvod.gateway.transcode;

import io.openvod.gateway.storage.ObjectStore;
import io.openvod.gateway.storage.SealedConnection;
import io.openvod.gateway.storage.StoredConnections;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The job message's {@code SourceURL}: a GET URL of the source object presigned by its storage location's connection,
 * so a transcoder can read it without credentials of its own. Signed locally, no request to the store. Called on the
 * relay's own thread, where building a connection's first presigner may touch the file system.
 */
@ApplicationScoped
class SourceUrls {

    private final StoredConnections connections;
    private final ObjectStore objects;
    private final Duration validity;

    SourceUrls(StoredConnections connections, ObjectStore objects, TranscodeConfig config) {
        this.connections = connections;
        this.objects = objects;
        this.validity = config.relay().sourceUrlValidity();
    }

    /**
     * @param claimedJob a row of {@code sql/transcode/claim-pending.sql} (the job's FileURL and its location's
     *                   connection columns)
     * @return empty when the location has no connection
     */
    Optional<String> of(Row claimedJob) {
        return SealedConnection.in(claimedJob)
                .map(sealed -> connections.open(claimedJob.getString("storage_location"), sealed))
                .flatMap(connection -> objects.presignFileUrl(connection, claimedJob.getString("file_url"), validity))
                .map(Object::toString);
    }
}
