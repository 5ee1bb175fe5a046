package io.openvod.gateway.account;

import io.openvod.gateway.core.envelope.ApiException;
import io.openvod.gateway.core.request.PercentEncoding;
import io.openvod.gateway.database.DatabaseFailures;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Every error of the admin API's router in one place, so that no answer under {@code /admin} is an HTML page, an
 * empty body or a logged stack trace: malformed escapes in the path, paths and methods no route serves, and
 * failures of any handler all end as {@code {"Code":..,"Message":..}}. Only a failure that is not the caller's
 * doing (a 500) is logged, with its stack trace and never the URL.
 */
@ApplicationScoped
public class AdminErrors {

    private static final Logger LOG = Logger.getLogger(AdminErrors.class);
    static final String PREFIX = "/admin";

    void install(@Observes ManagementInterface management) {
        Router router = management.router();
        // No path on these routes: matching a path decodes it, which is what fails for %zz.
        router.route().order(Integer.MIN_VALUE).handler(AdminErrors::screenPath);
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (!isAdmin(ctx)) {
                ctx.next();
                return;
            }
            answer(ctx, ctx.failure() != null ? classify(ctx.failure()) : byStatus(ctx.statusCode()));
        });
        // Reached when no route matched: an unknown path (or /admin%2F...) or a method no route has.
        router.errorHandler(404, ctx -> answerOrPlain(ctx, AdminFailure.notFound("The path")));
        router.errorHandler(405, ctx -> answerOrPlain(ctx, new AdminFailure(405, "MethodNotAllowed",
                "The method is not allowed on this path.")));
        router.errorHandler(400, ctx -> answerOrPlain(ctx, byStatus(400)));
    }

    /** A path under /admin whose escapes are malformed, or that decodes to control characters, names nothing. */
    private static void screenPath(RoutingContext ctx) {
        if (!isAdmin(ctx)) {
            ctx.next();
            return;
        }
        String path = ctx.request().path();
        if (!PercentEncoding.isWellFormed(path)) {
            answer(ctx, AdminFailure.invalid("path", "It must be a well-formed URL path."));
            return;
        }
        if (!PercentEncoding.decodesToPlainText(path)) {
            answer(ctx, AdminFailure.notFound("The path"));
            return;
        }
        ctx.next();
    }

    /** What a failure means to the admin API's caller. */
    static AdminFailure classify(Throwable failure) {
        if (failure instanceof AdminFailure known) {
            return known;
        }
        if (failure instanceof ApiException api) {
            return new AdminFailure(api.error().status(), api.error().code(), api.error().message());
        }
        if (DatabaseFailures.isInvalidInput(failure)) {
            return AdminFailure.invalid("request", "A value is not valid text or not a valid number.");
        }
        if (failure instanceof IllegalArgumentException) {
            // Vert.x Web decoding a path parameter or a body: the caller's mistake.
            return AdminFailure.invalid("request", "It could not be read.");
        }
        LOG.error("Admin API call failed", failure);
        return new AdminFailure(500, "InternalError", "The request processing has failed due to some unknown error.");
    }

    static void answer(RoutingContext ctx, AdminFailure answer) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(answer.status).putHeader("Content-Type", "application/json")
                .end(new JsonObject(Map.of("Code", answer.code, "Message", answer.getMessage())).encode());
    }

    private static AdminFailure byStatus(int status) {
        return switch (status) {
            case 401 -> AdminFailure.unauthorized();
            case 404 -> AdminFailure.notFound("The path");
            case 413 -> new AdminFailure(413, "RequestEntityTooLarge", "The request body is too large.");
            default -> status >= 400 && status < 500
                    ? new AdminFailure(status, "InvalidParameter", "The request could not be read.")
                    : new AdminFailure(500, "InternalError", "The request processing has failed due to some unknown error.");
        };
    }

    private static void answerOrPlain(RoutingContext ctx, AdminFailure failure) {
        if (isAdmin(ctx)) {
            answer(ctx, failure);
        } else if (!ctx.response().ended()) {
            ctx.response().setStatusCode(failure.status).putHeader("Content-Type", "text/plain").end(failure.getMessage());
        }
    }

    private static boolean isAdmin(RoutingContext ctx) {
        String path = ctx.request().path();
        return path != null && path.startsWith(PREFIX);
    }
}
