package io.openvod.gateway.account;

import io.openvod.gateway.core.validation.FileUrl;
import io.openvod.gateway.plumbing.Contexts;
import io.quarkus.vertx.http.ManagementInterface;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Provisioning over HTTP, on Quarkus's management interface only (default port 9000, never the public RPC
 * port), guarded by {@code Authorization: Bearer <vod.admin.token>}. JSON in and out; errors are
 * {@code {"Code":..,"Message":..}}. Secrets appear only in the answer that creates them.
 */
@ApplicationScoped
public class AdminApi {

    private static final Logger LOG = Logger.getLogger(AdminApi.class);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._@-]{1,64}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{4,128}");
    private static final Pattern KEY_SECRET = Pattern.compile("[\\x21-\\x7E]{8,128}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?");
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final AdminConfig config;
    private final AccountProvisioning provisioning;
    private final StorageConnectionAdmin storageConnections;
    private final AdminListings listings;

    public AdminApi(AdminConfig config, AccountProvisioning provisioning, StorageConnectionAdmin storageConnections,
            AdminListings listings) {
        this.config = config;
        this.provisioning = provisioning;
        this.storageConnections = storageConnections;
        this.listings = listings;
    }

    void register(@Observes ManagementInterface management) {
        if (config.token().filter(token -> !token.isBlank()).isEmpty()) {
            LOG.warn("vod.admin.token is not set: the admin API is disabled");
            return;
        }
        Router router = management.router();
        router.route("/admin/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.route("/admin/*").handler(this::authorize);
        router.post("/admin/accounts").handler(json(201, this::createAccount));
        router.get("/admin/accounts/:id").handler(json(200, ctx -> found(provisioning.findAccount(accountId(ctx)),
                "The account").map(AdminApi::account)));
        router.patch("/admin/accounts/:id").handler(json(200, this::updateAccount));
        router.delete("/admin/accounts/:id").handler(noContent(ctx ->
                deleted(provisioning.deleteAccount(accountId(ctx)), "The account")));
        router.post("/admin/accounts/:id/access-keys").handler(json(201, this::issueKey));
        router.patch("/admin/access-keys/:keyId").handler(noContent(this::updateKey));
        router.delete("/admin/access-keys/:keyId").handler(noContent(ctx ->
                deleted(provisioning.deleteAccessKey(ctx.pathParam("keyId")), "The access key")));
        router.post("/admin/accounts/:id/storage-locations").handler(json(201, this::addStorageLocation));
        router.delete("/admin/accounts/:id/storage-locations/:host").handler(noContent(ctx -> deleted(
                provisioning.removeStorageLocation(accountId(ctx), ctx.pathParam("host")), "The storage location")));
        storageConnections.routes(router, new StorageConnectionAdmin.Answers() {
            @Override
            public io.vertx.core.Handler<RoutingContext> json(int status, Function<RoutingContext, Uni<?>> action) {
                return AdminApi.this.json(status, action);
            }

            @Override
            public io.vertx.core.Handler<RoutingContext> noContent(Function<RoutingContext, Uni<?>> action) {
                return AdminApi.this.noContent(action);
            }
        });
        router.post("/admin/accounts/:id/template-groups").handler(json(201, ctx -> addNamed(ctx,
                provisioning::addTemplateGroup)));
        router.delete("/admin/accounts/:id/template-groups/:rid").handler(noContent(ctx -> deleted(
                provisioning.removeTemplateGroup(accountId(ctx), ctx.pathParam("rid")), "The template group")));
        router.post("/admin/accounts/:id/workflows").handler(json(201, ctx -> addNamed(ctx, provisioning::addWorkflow)));
        router.delete("/admin/accounts/:id/workflows/:rid").handler(noContent(ctx -> deleted(
                provisioning.removeWorkflow(accountId(ctx), ctx.pathParam("rid")), "The workflow")));
        router.post("/admin/accounts/:id/categories").handler(json(201, this::addCategory));
        router.delete("/admin/accounts/:id/categories/:rid").handler(noContent(ctx -> deleted(
                provisioning.removeCategory(accountId(ctx), longParam(ctx.pathParam("rid"), "categoryId")),
                "The category")));
        // Paged listings (AdminListings): ?pageNumber=1&pageSize=20
        router.get("/admin/accounts").handler(json(200, listings::accounts));
        router.get("/admin/accounts/:id/access-keys").handler(json(200, listings::accessKeys));
        router.get("/admin/accounts/:id/storage-locations").handler(json(200, listings::storageLocations));
        router.get("/admin/accounts/:id/template-groups").handler(json(200, listings::templateGroups));
        router.get("/admin/accounts/:id/workflows").handler(json(200, listings::workflows));
        router.get("/admin/accounts/:id/categories").handler(json(200, listings::categories));
        LOG.info("Admin API enabled on the management interface under /admin");
    }

    private void authorize(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        byte[] expected = ("Bearer " + config.token().orElseThrow()).getBytes(StandardCharsets.UTF_8);
        if (header == null || !MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8))) {
            fail(ctx, AdminFailure.unauthorized());
            return;
        }
        ctx.next();
    }

    private Uni<Object> createAccount(RoutingContext ctx) {
        JsonObject body = body(ctx);
        String name = text(body, "name", NAME, true);
        Integer limit = rateLimit(body);
        return provisioning.createAccount(name, limit).map(AdminApi::account)
                .onFailure(AdminApi::isUniqueViolation).transform(e -> AdminFailure.conflict("An account named " + name));
    }

    private Uni<Object> updateAccount(RoutingContext ctx) {
        long id = accountId(ctx);
        JsonObject body = body(ctx);
        if (!body.containsKey("rateLimitPerSecond")) {
            return found(provisioning.findAccount(id), "The account").map(AdminApi::account);
        }
        return found(provisioning.updateRateLimit(id, rateLimit(body)), "The account").map(AdminApi::account);
    }

    private Uni<Object> issueKey(RoutingContext ctx) {
        long id = accountId(ctx);
        JsonObject body = body(ctx);
        String keyId = text(body, "accessKeyId", KEY_ID, false);
        String secret = text(body, "accessKeySecret", KEY_SECRET, false);
        return found(provisioning.issueAccessKey(id, keyId, secret), "The account")
                .map(key -> (Object) new JsonObject().put("accessKeyId", key.accessKeyId())
                        .put("accessKeySecret", key.accessKeySecret()).put("status", AccessKeyEntity.ACTIVE))
                .onFailure(AdminApi::isUniqueViolation).transform(e -> AdminFailure.conflict("The access key"));
    }

    private Uni<Boolean> updateKey(RoutingContext ctx) {
        String status = text(body(ctx), "status", Pattern.compile("Active|Inactive"), true);
        return deleted(provisioning.setAccessKeyActive(ctx.pathParam("keyId"), AccessKeyEntity.ACTIVE.equals(status)),
                "The access key");
    }

    private Uni<Object> addStorageLocation(RoutingContext ctx) {
        long id = accountId(ctx);
        String host = FileUrl.withoutDefaultPort(text(body(ctx), "host", null, true).toLowerCase(Locale.ROOT));
        if (!HOST.matcher(host).matches()) {
            throw AdminFailure.invalid("host", "It must be a bucket host name such as bucket.oss-cn-shanghai.aliyuncs.com.");
        }
        return owned(id, () -> provisioning.addStorageLocation(id, host))
                .map(ignored -> (Object) new JsonObject().put("host", host))
                .onFailure(AdminApi::isUniqueViolation).transform(e -> AdminFailure.conflict("The storage location"));
    }

    private interface NamedAdder {
        Uni<String> add(long accountId, String id, String name);
    }

    private Uni<Object> addNamed(RoutingContext ctx, NamedAdder adder) {
        long id = accountId(ctx);
        JsonObject body = body(ctx);
        String resourceId = text(body, "id", RESOURCE_ID, false);
        String name = text(body, "name", NAME, false);
        return owned(id, () -> adder.add(id, resourceId, name == null ? "" : name))
                .map(created -> (Object) new JsonObject().put("id", created))
                .onFailure(AdminApi::isUniqueViolation).transform(e -> AdminFailure.conflict("The id " + resourceId));
    }

    private Uni<Object> addCategory(RoutingContext ctx) {
        long id = accountId(ctx);
        String name = text(body(ctx), "name", NAME, true);
        return owned(id, () -> provisioning.addCategory(id, name)).map(created -> new JsonObject().put("id", created));
    }

    /** Runs {@code action} only if the account exists, so a missing account is a 404 and not a foreign-key error. */
    private <T> Uni<T> owned(long accountId, Supplier<Uni<T>> action) {
        return found(provisioning.findAccount(accountId), "The account").chain(ignored -> action.get());
    }

    private static <T> Uni<T> found(Uni<T> lookup, String what) {
        return lookup.onItem().ifNull().failWith(() -> AdminFailure.notFound(what));
    }

    private static Uni<Boolean> deleted(Uni<Boolean> deletion, String what) {
        return deletion.invoke(done -> {
            if (!done) {
                throw AdminFailure.notFound(what);
            }
        });
    }

    private static Object account(Account account) {
        JsonObject json = new JsonObject().put("id", account.id()).put("name", account.name());
        return json.put("rateLimitPerSecond", account.rateLimitPerSecond());
    }

    private static JsonObject body(RoutingContext ctx) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            return new JsonObject();
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw AdminFailure.invalid("body", "It must be a JSON object.");
        }
    }

    private static String text(JsonObject body, String field, Pattern pattern, boolean required) {
        Object value = body.getValue(field);
        if (value == null) {
            if (required) {
                throw AdminFailure.invalid(field, "It is mandatory.");
            }
            return null;
        }
        if (!(value instanceof String text) || (pattern != null && !pattern.matcher(text).matches())) {
            throw AdminFailure.invalid(field, pattern == null ? "It must be a string." : "It must match " + pattern + ".");
        }
        return text;
    }

    private static Integer rateLimit(JsonObject body) {
        Object value = body.getValue("rateLimitPerSecond");
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer limit) || limit <= 0) {
            throw AdminFailure.invalid("rateLimitPerSecond", "It must be a positive integer, or null for the default.");
        }
        return limit;
    }

    private static long accountId(RoutingContext ctx) {
        return longParam(ctx.pathParam("id"), "accountId");
    }

    private static long longParam(String text, String name) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw AdminFailure.notFound("The " + name + " " + text);
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof jakarta.persistence.EntityExistsException) {
                return true;
            }
        }
        return false;
    }

    private io.vertx.core.Handler<RoutingContext> json(int status, Function<RoutingContext, Uni<?>> action) {
        return ctx -> run(ctx, action, result -> ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json").end(result instanceof JsonArray array
                        ? array.encode() : ((JsonObject) result).encode()));
    }

    private io.vertx.core.Handler<RoutingContext> noContent(Function<RoutingContext, Uni<?>> action) {
        return ctx -> run(ctx, action, ignored -> ctx.response().setStatusCode(204).end());
    }

    /**
     * Hibernate Reactive needs a duplicated Vert.x context marked safe; a raw route does not provide one, so
     * each admin call gets its own.
     */
    private void run(RoutingContext ctx, Function<RoutingContext, Uni<?>> action, java.util.function.Consumer<Object> ok) {
        Context context = Contexts.newSafeDuplicate(ctx.vertx().getOrCreateContext());
        context.runOnContext(ignored -> {
            Uni<?> result;
            try {
                result = action.apply(ctx);
            } catch (RuntimeException e) {
                fail(ctx, e);
                return;
            }
            result.subscribe().with(ok, failure -> fail(ctx, failure));
        });
    }

    private static void fail(RoutingContext ctx, Throwable failure) {
        AdminErrors.answer(ctx, AdminErrors.classify(failure));
    }
}
