package io.openvod.gateway.callback;

import io.openvod.gateway.database.SqlFiles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes events to the callback outbox, inside the caller's transaction (the one that changed the status). */
@ApplicationScoped
public class CallbackOutbox {

    private static final String ADD = SqlFiles.read("callback/add-event.sql");

    public Uni<Void> add(SqlConnection transaction, long accountId, String mediaId, String eventType, String url,
            String payload) {
        return transaction.preparedQuery(ADD).execute(Tuple.of(accountId, mediaId, eventType, url, payload))
                .replaceWithVoid();
    }
}
