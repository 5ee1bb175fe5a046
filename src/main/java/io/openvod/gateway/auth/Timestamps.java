package io.openvod.gateway.auth;

import io.openvod.gateway.api.ApiError;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** {@code Timestamp} (v1) and {@code x-acs-date} (V3): UTC ISO 8601, within the allowed skew of our clock. */
public final class Timestamps {

    // Every SDK sends whole seconds; a fraction is tolerated because ISO 8601 allows it and costs nothing.
    private static final Pattern UTC_ISO_8601 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private Timestamps() {
    }

    /**
     * @throws io.openvod.gateway.api.ApiException InvalidTimeStamp.Format or InvalidTimeStamp.Expired
     */
    public static Instant check(String value, Instant now, Duration skew) {
        if (value == null || !UTC_ISO_8601.matcher(value).matches()) {
            throw ApiError.timestampFormat().exception();
        }
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.timestampFormat().exception();
        }
        if (Duration.between(at, now).abs().compareTo(skew) > 0) {
            throw ApiError.timestampExpired().exception();
        }
        return at;
    }
}
