package io.openvod.gateway.rpc;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * One line per call, key=value, under the category {@code io.openvod.gateway.access} (turn it off or route it
 * with the usual log settings). It names the key id, never a secret or a signature: the key a call was verified
 * with or, for a call refused before that (bad signature, bucket known empty), the existing key it claimed. What
 * the action counted comes last (RegisterMedia: {@code probed}, the files it checked in the object store).
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("io.openvod.gateway.access");

    public void record(CallTrace trace) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        // Built by hand: java.util.Formatter was a visible share of a throttled call's CPU.
        long tenthsOfMs = (System.nanoTime() - trace.context().startNanos() + 50_000) / 100_000;
        StringBuilder line = new StringBuilder(192)
                .append("requestId=").append(trace.context().requestId())
                .append(" action=").append(printable(trace.action()))
                .append(" account=").append(trace.caller() == null ? "-" : trace.caller().account().id())
                .append(" accessKeyId=").append(trace.caller() == null ? "-" : trace.caller().accessKeyId())
                .append(" status=").append(trace.status())
                .append(" code=").append(trace.code())
                .append(" latencyMs=").append(tenthsOfMs / 10).append('.').append(tenthsOfMs % 10);
        trace.counters().values().forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        LOG.info(line);
    }

    /**
     * The Action as the caller sent it, if it is a plain name; anything else is {@code invalid}, so a caller cannot
     * write line breaks, fake log levels' surroundings or other text into the log through it.
     */
    static String printable(String action) {
        if (action == null) {
            return "null";
        }
        if (action.isEmpty() || action.length() > 64) {
            return "invalid";
        }
        for (int i = 0; i < action.length(); i++) {
            char c = action.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_')) {
                return "invalid";
            }
        }
        return action;
    }
}
