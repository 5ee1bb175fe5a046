package io.openvod.gateway.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.gateway.action.ActionCall;
import io.openvod.gateway.action.RpcAction;
import io.openvod.gateway.core.validation.RegisterMediaParser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code Action=RegisterMedia}: validate the batch ({@link RegisterMediaParser}), register its files idempotently
 * ({@link RegisterMediaService}), answer {@code RegisteredMediaList} and {@code FailedFileURLs} ({@link Registration}).
 */
@ApplicationScoped
public class RegisterMediaAction implements RpcAction {

    /** The real service's per-account limit for RegisterMedia (docs/vod-api.md §6). */
    static final int DEFAULT_RATE_PER_SECOND = 50;

    private final RegisterMediaParser parser;
    private final RegisterMediaService service;
    private final RegisterMetrics metrics;

    RegisterMediaAction(ObjectMapper json, RegisterMediaService service, RegisterMetrics metrics) {
        this.parser = new RegisterMediaParser(json);
        this.service = service;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "RegisterMedia";
    }

    @Override
    public String summary() {
        return "Registers up to 10 media files that already sit in object storage, idempotently by object;"
                + " a storage location with a connection has each new file checked in its bucket first.";
    }

    @Override
    public int defaultRatePerSecond() {
        return DEFAULT_RATE_PER_SECOND;
    }

    @Override
    public Uni<Registration> invoke(ActionCall call) {
        return service.register(call.accountId(), parser.parse(call.params())).invoke(registration -> {
            metrics.count(registration);
            call.counters().set("probed", registration.probed());
        });
    }
}
