package io.openvod.gateway.account;

import io.openvod.gateway.core.storage.StorageConnection;
import io.openvod.gateway.core.validation.FileUrl;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.function.Function;

/**
 * The admin API of a storage location's connection to its bucket, under
 * {@code /admin/accounts/{id}/storage-locations/{host}/connection}: {@code PUT} sets it (every field), {@code GET}
 * shows it, {@code DELETE} removes it (files of the location are registered unchecked again). The secret is stored
 * encrypted ({@link SecretCipher}) and never appears in an answer or a log line. Routes are added by {@link AdminApi},
 * behind its token check.
 */
@ApplicationScoped
class StorageConnectionAdmin {

    /** How {@link AdminApi} wraps a route's work into a handler that answers with JSON or 204. */
    interface Answers {
        Handler<RoutingContext> json(int status, Function<RoutingContext, Uni<?>> action);

        Handler<RoutingContext> noContent(Function<RoutingContext, Uni<?>> action);
    }

    static final String PATH = "/admin/accounts/:id/storage-locations/:host/connection";

    private final SecretCipher cipher;

    StorageConnectionAdmin(SecretCipher cipher) {
        this.cipher = cipher;
    }

    void routes(Router router, Answers answers) {
        router.put(PATH).handler(answers.json(200, this::set));
        router.get(PATH).handler(answers.json(200, ctx -> location(ctx).map(location -> {
            if (location.endpoint == null) {
                throw AdminFailure.notFound("The connection of this storage location");
            }
            return shown(location);
        })));
        router.delete(PATH).handler(answers.noContent(this::clear));
    }

    private Uni<Object> set(RoutingContext ctx) {
        JsonObject body = body(ctx);
        String endpoint = string(body, "endpoint");
        String region = string(body, "region");
        String bucket = string(body, "bucket");
        String style = string(body, "addressingStyle");
        String keyId = string(body, "accessKeyId");
        String secret = string(body, "accessKeySecret");
        StorageConnection.problem(endpoint, region, bucket, style, keyId, secret).ifPresent(problem -> {
            int colon = problem.indexOf(':');
            throw AdminFailure.invalid(problem.substring(0, colon), problem.substring(colon + 2));
        });
        byte[] sealed = cipher.encrypt(secret);
        String normalised = StorageConnection.parseEndpoint(endpoint).orElseThrow().toString();
        return Panache.withTransaction(() -> find(ctx).map(location -> {
            location.connect(normalised, region, bucket, style, keyId, sealed);
            return shown(location);
        }));
    }

    private Uni<Object> clear(RoutingContext ctx) {
        return Panache.withTransaction(() -> find(ctx).map(location -> {
            location.disconnect();
            return location;
        }));
    }

    private Uni<StorageLocationEntity> location(RoutingContext ctx) {
        return Panache.withSession(() -> find(ctx));
    }

    private static Uni<StorageLocationEntity> find(RoutingContext ctx) {
        long accountId;
        try {
            accountId = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw AdminFailure.notFound("The account " + ctx.pathParam("id"));
        }
        String host = FileUrl.withoutDefaultPort(ctx.pathParam("host").toLowerCase(Locale.ROOT));
        return StorageLocationEntity.<StorageLocationEntity>find("accountId = ?1 and host = ?2", accountId, host)
                .firstResult()
                .onItem().ifNull().failWith(() -> AdminFailure.notFound("The storage location " + host));
    }

    /** Every setting but the secret. */
    private static JsonObject shown(StorageLocationEntity location) {
        return new JsonObject().put("host", location.host).put("endpoint", location.endpoint)
                .put("region", location.region).put("bucket", location.bucket)
                .put("addressingStyle", location.addressingStyle).put("accessKeyId", location.accessKeyId);
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            String text = ctx.body().asString();
            return text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw AdminFailure.invalid("body", "It must be a JSON object.");
        }
    }

    private static String string(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw AdminFailure.invalid(field, "It must be a string.");
        }
        return (String) value;
    }
}
