package io.openvod.gateway.action;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbers an action reports about one call (e.g. {@code probed}: files checked in an object store), written to the
 * call's access-log line as {@code name=value}. One per call, used by that call's chain only, so not synchronised.
 */
public final class CallCounters {

    private Map<String, Long> values;

    public void set(String name, long value) {
        if (values == null) {
            values = new LinkedHashMap<>(4);
        }
        values.put(name, value);
    }

    /** In the order first set; empty for most calls, without allocating. */
    public Map<String, Long> values() {
        return values == null ? Map.of() : values;
    }
}
