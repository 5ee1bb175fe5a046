package io.openvod.gateway.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/**
 * The admin API's paged listings: accounts, and an account's access keys (never their secrets), storage locations,
 * template groups, workflows and categories. Query parameters {@code pageNumber} (from 1, default 1) and
 * {@code pageSize} (1 to 100, default 20); answer {@code {"total","pageNumber","pageSize","items":[...]}}, items in
 * ascending order of their id (of the host for storage locations), so that pages are stable.
 */
@ApplicationScoped
public class AdminListings {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private record Paging(int number, int size) {
    }

    Uni<Object> accounts(RoutingContext ctx) {
        Paging paging = paging(ctx);
        return Panache.withSession(() -> page(AccountEntity.<AccountEntity>findAll(Sort.by("id")), paging,
                a -> new JsonObject().put("id", a.id).put("name", a.name).put("rateLimitPerSecond", a.rateLimitPerSecond)));
    }

    Uni<Object> accessKeys(RoutingContext ctx) {
        Paging paging = paging(ctx);
        long accountId = accountId(ctx);
        return owned(accountId, () -> page(AccessKeyEntity.<AccessKeyEntity>find("account.id = ?1", Sort.by("id"),
                accountId), paging, k -> new JsonObject().put("accessKeyId", k.id).put("status", k.status)));
    }

    Uni<Object> storageLocations(RoutingContext ctx) {
        Paging paging = paging(ctx);
        long accountId = accountId(ctx);
        return owned(accountId, () -> page(StorageLocationEntity.<StorageLocationEntity>find("accountId = ?1",
                Sort.by("host"), accountId), paging, l -> new JsonObject().put("host", l.host)));
    }

    Uni<Object> templateGroups(RoutingContext ctx) {
        Paging paging = paging(ctx);
        long accountId = accountId(ctx);
        return owned(accountId, () -> page(TemplateGroupEntity.<TemplateGroupEntity>find("accountId = ?1",
                Sort.by("id"), accountId), paging, g -> new JsonObject().put("id", g.id).put("name", g.name)));
    }

    Uni<Object> workflows(RoutingContext ctx) {
        Paging paging = paging(ctx);
        long accountId = accountId(ctx);
        return owned(accountId, () -> page(WorkflowEntity.<WorkflowEntity>find("accountId = ?1",
                Sort.by("id"), accountId), paging, w -> new JsonObject().put("id", w.id).put("name", w.name)));
    }

    Uni<Object> categories(RoutingContext ctx) {
        Paging paging = paging(ctx);
        long accountId = accountId(ctx);
        return owned(accountId, () -> page(CategoryEntity.<CategoryEntity>find("accountId = ?1",
                Sort.by("id"), accountId), paging, c -> new JsonObject().put("id", c.id).put("name", c.name)));
    }

    /** The listing, in one session, once the account is known to exist (else 404). */
    private static Uni<Object> owned(long accountId, java.util.function.Supplier<Uni<Object>> listing) {
        return Panache.withSession(() -> AccountEntity.<AccountEntity>findById(accountId).chain(account -> {
            if (account == null) {
                return Uni.createFrom().failure(AdminFailure.notFound("The account"));
            }
            return listing.get();
        }));
    }

    private static <E> Uni<Object> page(PanacheQuery<E> query, Paging paging, Function<E, JsonObject> item) {
        return query.count().chain(total -> query.page(Page.of(paging.number() - 1, paging.size())).list()
                .map(items -> (Object) new JsonObject().put("total", total).put("pageNumber", paging.number())
                        .put("pageSize", paging.size()).put("items", new JsonArray(items(items, item)))));
    }

    private static <E> List<Object> items(List<E> entities, Function<E, JsonObject> item) {
        return entities.stream().map(e -> (Object) item.apply(e)).toList();
    }

    private static Paging paging(RoutingContext ctx) {
        int number = intParam(ctx, "pageNumber", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE, 1);
        int size = intParam(ctx, "pageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        return new Paging(number, size);
    }

    private static int intParam(RoutingContext ctx, String name, int min, int max, int fallback) {
        List<String> values = ctx.queryParam(name);
        if (values.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(values.get(0));
            if (values.size() == 1 && value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw AdminFailure.invalid(name, "It must be one integer from " + min + " to " + max + ".");
    }

    private static long accountId(RoutingContext ctx) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw AdminFailure.notFound("The accountId " + text); // as AdminApi answers for a malformed id
        }
    }
}
