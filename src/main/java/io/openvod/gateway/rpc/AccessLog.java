package io.openvod.gateway.rpc;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * One line per call, key=value, under the category {@code io.openvod.gateway.access} (turn it off or route it
 * with the usual log settings). It names the key id, never a secret or a signature.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("io.openvod.gateway.access");

    public void record(CallTrace trace) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        double millis = (System.nanoTime() - trace.context().startNanos()) / 1_000_000.0;
        LOG.infof("requestId=%s action=%s account=%s accessKeyId=%s status=%d code=%s latencyMs=%.1f",
                trace.context().requestId(), trace.action(),
                trace.caller() == null ? "-" : trace.caller().account().id(),
                trace.caller() == null ? "-" : trace.caller().accessKeyId(),
                trace.status(), trace.code(), millis);
    }
}
