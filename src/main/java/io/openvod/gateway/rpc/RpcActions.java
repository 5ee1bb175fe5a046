package io.openvod.gateway.rpc;

import io.openvod.gateway.action.RpcAction;
import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.request.RpcRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Resolves {@code Action} and {@code Version} to an {@link RpcAction}. */
@ApplicationScoped
public class RpcActions {

    public static final String API_VERSION = "2017-03-21";

    private final Map<String, RpcAction> byName;

    public RpcActions(Instance<RpcAction> actions) {
        this.byName = actions.stream().collect(Collectors.toUnmodifiableMap(RpcAction::name, Function.identity()));
    }

    public RpcAction resolve(RpcRequest request) {
        String action = request.paramOrHeader("Action", "x-acs-action");
        if (action == null || action.isEmpty()) {
            throw ApiError.missingAction().exception();
        }
        RpcAction found = byName.get(action);
        if (found == null) {
            throw ApiError.actionNotFound().exception();
        }
        String version = request.paramOrHeader("Version", "x-acs-version");
        if (version == null || version.isEmpty()) {
            throw ApiError.missingVersion(API_VERSION).exception();
        }
        if (!API_VERSION.equals(version)) {
            throw ApiError.invalidVersion().exception();
        }
        return found;
    }
}
