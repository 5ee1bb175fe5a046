package io.openvod.gateway.rpc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openvod.gateway.action.RpcAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The meters of every RPC call (the front door's), exported on {@code /q/metrics}. Every label has a small fixed set of values: the
 * action is one we implement or {@code unknown} (callers choose the Action parameter, so it is not trusted as a
 * label), the code one of the {@link ApiError} codes, and nothing is labelled per account or per key.
 */
@ApplicationScoped
class RpcMetrics {

    public static final String UNKNOWN_ACTION = "unknown";

    private final MeterRegistry registry;
    private final Set<String> knownActions;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    RpcMetrics(MeterRegistry registry, Instance<RpcAction> actions) {
        this.registry = registry;
        this.knownActions = actions.stream().map(RpcAction::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Counts one answered RPC call by action and code, and its latency since the request arrived. */
    void recordCall(CallTrace trace) {
        String action = trace.action() != null && knownActions.contains(trace.action()) ? trace.action() : UNKNOWN_ACTION;
        String code = trace.code();
        requests.computeIfAbsent(action + ' ' + code, key -> Counter.builder("vod.rpc.requests")
                .description("RPC calls answered, by action and Alibaba error code (OK on success)")
                .tag("action", action).tag("code", code)
                .register(registry)).increment();
        String outcome = outcome(trace.status());
        latencies.computeIfAbsent(action + ' ' + outcome, key -> Timer.builder("vod.rpc.request.duration")
                .description("Time from receiving an RPC call to its answer being ready")
                .tag("action", action).tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(System.nanoTime() - trace.context().startNanos(), TimeUnit.NANOSECONDS);
    }

    private static String outcome(int status) {
        if (status < 400) {
            return "success";
        }
        return status >= 500 ? "server_error" : "client_error";
    }
}
