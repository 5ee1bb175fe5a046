package io.openvod.gateway.transcode;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP: registrations do not need the broker (that is what the outbox is for), so a broker outage must not
 * take the gateway out of its load balancer. The data shows the backlog and the broker's state; alert on those.
 */
@Readiness
@ApplicationScoped
public class TranscodeReadiness implements HealthCheck {

    private final TranscodeWorkers workers;

    public TranscodeReadiness(TranscodeWorkers workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        TranscodeWorkers.Status status = workers.status();
        return HealthCheckResponse.named("transcode").up()
                .withData("relay", status.relayEnabled() ? (status.relayConnected() ? "publishing" : "broker-unavailable")
                        : "off")
                .withData("results", status.resultsConsuming() ? "consuming" : "not-consuming")
                .withData("backlog", status.backlog())
                .withData("oldestPendingSeconds", (long) Math.floor(status.oldestPendingSeconds()))
                .build();
    }
}
