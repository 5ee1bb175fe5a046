package io.openvod.gateway.action;

import io.smallrye.mutiny.Uni;

/**
 * One operation of the RPC API, and everything the gateway needs to know about it: its name, its per-account rate
 * limit, a line for the API description, and its handler, which reads its own parameters and answers with its own
 * response model. An implementation is an {@code @ApplicationScoped} bean; the front door finds every one of them,
 * so adding an action means writing this one class. The pipeline authenticates, rate-limits, logs and meters every
 * call before and after {@link #invoke}.
 */
public interface RpcAction {

    /** The {@code Action} parameter that selects it, e.g. {@code RegisterMedia}. */
    String name();

    /** One sentence for the API description ({@code /q/openapi}). */
    String summary();

    /**
     * Calls per second (and burst) each account may make to this action when neither the account nor configuration
     * sets a rate ({@code vod.rate-limit.*}).
     */
    int defaultRatePerSecond();

    /**
     * Handles an authenticated, admitted call.
     *
     * @return the answer; a failure with an {@code ApiException} becomes that error's envelope
     */
    Uni<? extends ActionResponse> invoke(ActionCall call);
}
