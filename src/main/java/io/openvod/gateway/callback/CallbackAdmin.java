package io.openvod.gateway.callback;

import io.openvod.gateway.account.AdminConfig;
import io.openvod.gateway.core.callback.CallbackUrl;
import io.openvod.gateway.database.SqlFiles;
import io.quarkus.vertx.http.ManagementInterface;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The admin API of callbacks, next to the account routes on the management port and behind the same bearer token:
 * an account's callback (URL, auth key, event types), and dead events (listed, redelivered).
 */
@ApplicationScoped
public class CallbackAdmin {

    private static final Logger LOG = Logger.getLogger(CallbackAdmin.class);
    private static final Pattern AUTH_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z]{1,64}");
    private static final String SET = SqlFiles.read("callback/set-account-callback.sql");
    private static final String LIST_DEAD = SqlFiles.read("callback/list-dead.sql");
    private static final String REDELIVER = SqlFiles.read("callback/redeliver.sql");

    private final AdminConfig config;
    private final Pool pool;

    public CallbackAdmin(AdminConfig config, Pool pool) {
        this.config = config;
        this.pool = pool;
    }

    /** After the account routes (default observer priority), so their token check and body handler come first. */
    void register(@Observes @Priority(5000) ManagementInterface management) {
        if (config.token().filter(token -> !token.isBlank()).isEmpty()) {
            return;
        }
        Router router = management.router();
        router.put("/admin/accounts/:id/callback").handler(BodyHandler.create().setBodyLimit(16 * 1024))
                .handler(call(200, this::setAccountCallback));
        router.get("/admin/accounts/:id/callback").handler(call(200, this::accountCallback));
        router.delete("/admin/accounts/:id/callback").handler(call(204, ctx -> pool
                .preparedQuery("DELETE FROM account_callback WHERE account_id = $1")
                .execute(Tuple.of(id(ctx, "id"))).map(rows -> rows.rowCount() == 0 ? notFound() : null)));
        router.get("/admin/callbacks/dead").handler(call(200, this::listDead));
        router.post("/admin/callbacks/:eventId/redeliver").handler(call(204, ctx -> pool.preparedQuery(REDELIVER)
                .execute(Tuple.of(id(ctx, "eventId"))).map(rows -> rows.rowCount() == 0
                        ? failure(404, "NotFound", "No dead callback event has this id.") : null)));
    }

    private Uni<Object> setAccountCallback(RoutingContext ctx) {
        long accountId = id(ctx, "id");
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            return Uni.createFrom().item(invalid("body", "It must be a JSON object."));
        }
        if (body == null) {
            return Uni.createFrom().item(invalid("body", "It must be a JSON object."));
        }
        Object url = body.getValue("url");
        if (!(url instanceof String text) || CallbackUrl.parse(text).isEmpty()) {
            return Uni.createFrom().item(invalid("url", "It must be an http or https URL of at most 1024 characters."));
        }
        Object key = body.getValue("authKey");
        if (key != null && !(key instanceof String k && AUTH_KEY.matcher(k).matches())) {
            return Uni.createFrom().item(invalid("authKey", "It must be 1 to 128 printable ASCII characters."));
        }
        Object types = body.getValue("eventTypes", new JsonArray().add("TranscodeComplete"));
        List<String> eventTypes = new ArrayList<>();
        if (!(types instanceof JsonArray array) || array.size() > 32) {
            return Uni.createFrom().item(invalid("eventTypes", "It must be an array of event type names."));
        }
        for (Object type : array) {
            if (!(type instanceof String name && EVENT_TYPE.matcher(name).matches())) {
                return Uni.createFrom().item(invalid("eventTypes", "It must be an array of event type names."));
            }
            eventTypes.add(name);
        }
        return pool.preparedQuery(SET).execute(Tuple.of(accountId, url, key, eventTypes.toArray(String[]::new)))
                .map(ignored -> (Object) settings((String) url, key != null, eventTypes))
                .onFailure(CallbackAdmin::isForeignKeyViolation).recoverWithItem(failure -> notFound());
    }

    private Uni<Object> accountCallback(RoutingContext ctx) {
        return pool.preparedQuery("SELECT url, auth_key IS NOT NULL AS signed, event_types FROM account_callback "
                + "WHERE account_id = $1").execute(Tuple.of(id(ctx, "id")))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return notFound();
                    }
                    Row row = rows.iterator().next();
                    return settings(row.getString("url"), row.getBoolean("signed"),
                            List.of(row.getArrayOfStrings("event_types")));
                });
    }

    /** The auth key is write-only: the answer says whether one is set. */
    private static JsonObject settings(String url, boolean signed, List<String> eventTypes) {
        return new JsonObject().put("url", url).put("authKeySet", signed).put("eventTypes", new JsonArray(eventTypes));
    }

    private Uni<Object> listDead(RoutingContext ctx) {
        String account = ctx.request().getParam("accountId");
        String after = ctx.request().getParam("after");
        String limit = ctx.request().getParam("limit");
        Long accountId = account == null ? null : number(account);
        long afterId = after == null ? 0 : number(after);
        long max = limit == null ? 100 : Math.min(number(limit), 1000);
        return pool.preparedQuery(LIST_DEAD).execute(Tuple.of(accountId, afterId, max)).map(rows -> {
            JsonArray events = new JsonArray();
            for (Row row : rows) {
                events.add(new JsonObject().put("id", row.getLong("id")).put("accountId", row.getLong("account_id"))
                        .put("videoId", row.getString("media_id")).put("eventType", row.getString("event_type"))
                        .put("url", row.getString("url")).put("attempts", row.getInteger("attempts"))
                        .put("lastError", row.getString("last_error"))
                        .put("createdAt", row.getOffsetDateTime("created_at").toString()));
            }
            return (Object) new JsonObject().put("events", events);
        });
    }

    private Handler call(int status, Function<RoutingContext, Uni<Object>> action) {
        return new Handler(status, action);
    }

    private final class Handler implements io.vertx.core.Handler<RoutingContext> {
        private final int status;
        private final Function<RoutingContext, Uni<Object>> action;

        Handler(int status, Function<RoutingContext, Uni<Object>> action) {
            this.status = status;
            this.action = action;
        }

        @Override
        public void handle(RoutingContext ctx) {
            if (!authorized(ctx)) {
                answer(ctx, failure(401, "Unauthorized", "A valid admin token is required: Authorization: Bearer <token>."));
                return;
            }
            Uni<Object> result;
            try {
                result = action.apply(ctx);
            } catch (Invalid e) {
                answer(ctx, e.body);
                return;
            }
            result.subscribe().with(body -> answer(ctx, body), failure -> {
                LOG.error("Callback admin call failed", failure);
                answer(ctx, failure(500, "InternalError", "The request processing has failed due to some unknown error."));
            });
        }

        private void answer(RoutingContext ctx, Object body) {
            if (ctx.response().ended()) {
                return;
            }
            if (body instanceof Failure failure) {
                ctx.response().setStatusCode(failure.status).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("Code", failure.code).put("Message", failure.message).encode());
            } else if (status == 204) {
                ctx.response().setStatusCode(204).end();
            } else {
                ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .end(((JsonObject) body).encode());
            }
        }
    }

    /** The same check as the account routes; repeated so these routes never depend on route order alone. */
    private boolean authorized(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        byte[] expected = ("Bearer " + config.token().orElseThrow()).getBytes(StandardCharsets.UTF_8);
        return header != null && MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8));
    }

    private record Failure(int status, String code, String message) {
    }

    private static final class Invalid extends RuntimeException {
        final Failure body;

        Invalid(Failure body) {
            super(body.message, null, false, false);
            this.body = body;
        }
    }

    private static Failure failure(int status, String code, String message) {
        return new Failure(status, code, message);
    }

    private static Failure notFound() {
        return failure(404, "NotFound", "The account has no callback, or does not exist.");
    }

    private static Failure invalid(String field, String why) {
        return failure(400, "InvalidParameter", "The field \"" + field + "\" is not valid. " + why);
    }

    private static long id(RoutingContext ctx, String name) {
        return number(ctx.pathParam(name));
    }

    private static long number(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw new Invalid(invalid("id", "It must be a positive integer."));
        }
        return Long.parseLong(text);
    }

    private static boolean isForeignKeyViolation(Throwable failure) {
        return failure instanceof PgException pg && "23503".equals(pg.getSqlState());
    }
}
