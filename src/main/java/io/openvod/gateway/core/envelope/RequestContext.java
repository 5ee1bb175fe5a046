package io.openvod.gateway.core.envelope;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** What every answer to one request shares: its id, the body format, and the HostId to report. */
public record RequestContext(String requestId, ResponseFormat format, String hostId, long startNanos) {

    public RequestContext withFormat(ResponseFormat newFormat) {
        return new RequestContext(requestId, newFormat, hostId, startNanos);
    }

    /** An uppercase UUID like the real service's. Not a secret, so the cheap thread-local generator is enough. */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString().toUpperCase();
    }
}
