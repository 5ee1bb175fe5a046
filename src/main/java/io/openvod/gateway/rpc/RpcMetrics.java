package io.openvod.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openvod.gateway.api.ApiError;
import io.openvod.gateway.rpc.CallTrace;
import io.openvod.gateway.rpc.RpcAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The gateway's own meters, exported on {@code /q/metrics}. Every label has a small fixed set of values: the
 * action is one we implement or {@code unknown} (callers choose the Action parameter, so it is not trusted as a
 * label), the code one of the {@link ApiError} codes, and nothing is labelled per account or per key.
 */
@ApplicationScoped
public class RpcMetrics {

    public static final String UNKNOWN_ACTION = "unknown";

    private final MeterRegistry registry;
    private final Set<String> knownActions;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
    private final Counter registeredNew;
    private final Counter registeredRepeated;
    private final Counter registrationFailed;

    public RpcMetrics(MeterRegistry registry, Instance<RpcAction> actions) {
        this.registry = registry;
        this.knownActions = actions.stream().map(RpcAction::name).collect(Collectors.toUnmodifiableSet());
        this.registeredNew = registrationCounter("new");
        this.registeredRepeated = registrationCounter("repeated");
        this.registrationFailed = registrationCounter("failed");
    }

    /** Counts one answered RPC call by action and code, and its latency since the request arrived. */
    public void recordCall(CallTrace trace) {
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

    /** Counts the files of one RegisterMedia answer: newly registered, already known, and failed. */
    public void recordRegistrations(long created, long repeated, long failed) {
        registeredNew.increment(created);
        registeredRepeated.increment(repeated);
        registrationFailed.increment(failed);
    }

    private static String outcome(int status) {
        if (status < 400) {
            return "success";
        }
        return status >= 500 ? "server_error" : "client_error";
    }

    private Counter registrationCounter(String result) {
        return Counter.builder("vod.register.media.files")
                .description("Files in RegisterMedia answers: new, repeated (already registered) or failed")
                .tag("result", result)
                .register(registry);
    }
}
