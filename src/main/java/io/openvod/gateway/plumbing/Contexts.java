package io.openvod.gateway.plumbing;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Keeping a request's work on the request's own Vert.x context. */
public final class Contexts {

    private Contexts() {
    }

    /**
     * {@code work}, with its outcome delivered on the Vert.x context current when this is called (the request's). Work that completes
     * elsewhere (a Redis reply, a timer, a cache load started by another request on another event loop) would otherwise
     * run the rest of the pipeline there, and Hibernate Reactive refuses to run off the context its session belongs to.
     * An outcome already on that context is passed on at once, without a trip through the event loop's task queue.
     * Off any Vert.x context (tests, start-up) the work is returned as it is.
     */
    public static <T> Uni<T> resumeOnCaller(Uni<T> work) {
        Context caller = Vertx.currentContext();
        if (caller == null) {
            return work;
        }
        return Uni.createFrom().emitter(emitter -> work.subscribe().with(
                    item -> {
                        if (Vertx.currentContext() == caller) {
                            emitter.complete(item);
                        } else {
                            caller.runOnContext(ignored -> emitter.complete(item));
                        }
                    },
                    failure -> {
                        if (Vertx.currentContext() == caller) {
                            emitter.fail(failure);
                        } else {
                            caller.runOnContext(ignored -> emitter.fail(failure));
                        }
                    }));
    }

    /**
     * A new duplicated context of {@code parent}, marked safe. Hibernate Reactive (the admin API's Panache entities)
     * only runs on a duplicated context marked safe, which Quarkus sets up for its own endpoints but not for a raw
     * Vert.x route. The marking is an internal Quarkus class, {@code VertxContextSafetyToggle}: it is used here and
     * nowhere else, so an upgrade that moves it breaks one line.
     */
    public static Context newSafeDuplicate(Context parent) {
        Context context = VertxContext.createNewDuplicatedContext(parent);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }
}
