package io.openvod.gateway.rpc;

import io.openvod.gateway.action.RpcAction;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Completes the hand-written {@code META-INF/openapi.yaml} with the actions this gateway serves: the {@code Action}
 * parameter lists every {@link RpcAction} bean with its summary and default rate limit, so a new action appears in
 * {@code /q/openapi} without an edit here or in the YAML. Runs once at start-up, when the beans exist.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class RpcActionsOpenApi implements OASFilter {

    static final String ACTION_PARAMETER = "Action";

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (!ACTION_PARAMETER.equals(parameter.getName()) || parameter.getSchema() == null) {
            return parameter;
        }
        List<RpcAction> actions = new ArrayList<>(CDI.current().select(RpcAction.class).stream().toList());
        actions.sort(Comparator.comparing(RpcAction::name));
        StringBuilder description = new StringBuilder(parameter.getDescription() == null ? ""
                : parameter.getDescription().strip() + "\n\n");
        description.append("| Action | What it does | Calls/s per account (default) |\n|---|---|---|\n");
        for (RpcAction action : actions) {
            description.append("| `").append(action.name()).append("` | ").append(action.summary()).append(" | ")
                    .append(action.defaultRatePerSecond()).append(" |\n");
        }
        parameter.setDescription(description.toString());
        parameter.getSchema().setEnumeration(actions.stream().map(action -> (Object) action.name()).toList());
        return parameter;
    }
}
