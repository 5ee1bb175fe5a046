package io.openvod.gateway.core.signature;

import io.openvod.gateway.core.envelope.ApiError;
import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** {@code Timestamp} (v1) and {@code x-acs-date} (V3): UTC ISO 8601, within the allowed skew of our clock. */
public final class Timestamps {

    // Every SDK sends whole seconds; a fraction is tolerated because ISO 8601 allows it and costs nothing.
    private static final Pattern UTC_ISO_8601 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private static final String WHOLE_SECONDS = "0000-00-00T00:00:00Z";

    private Timestamps() {
    }

    /**
     * @throws io.openvod.gateway.core.envelope.ApiException InvalidTimeStamp.Format or InvalidTimeStamp.Expired
     */
    public static Instant check(String value, Instant now, Duration skew) {
        Instant at = parse(value);
        if (Duration.between(at, now).abs().compareTo(skew) > 0) {
            throw ApiError.timestampExpired().exception();
        }
        return at;
    }

    static Instant parse(String value) {
        if (value == null) {
            throw ApiError.timestampFormat().exception();
        }
        try {
            // Every call carries one, so the form all SDKs send (yyyy-MM-ddTHH:mm:ssZ) is read by hand.
            if (value.length() == WHOLE_SECONDS.length() && hasShapeOf(value)) {
                return LocalDateTime.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10),
                        digits(value, 11, 13), digits(value, 14, 16), digits(value, 17, 19)).toInstant(ZoneOffset.UTC);
            }
            if (UTC_ISO_8601.matcher(value).matches()) {
                return Instant.parse(value);
            }
        } catch (DateTimeException e) {
            // e.g. month 13: falls through to the error below
        }
        throw ApiError.timestampFormat().exception();
    }

    private static boolean hasShapeOf(String value) {
        for (int i = 0; i < WHOLE_SECONDS.length(); i++) {
            char expected = WHOLE_SECONDS.charAt(i);
            char c = value.charAt(i);
            if (expected == '0' ? c < '0' || c > '9' : c != expected) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String value, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (value.charAt(i) - '0');
        }
        return n;
    }
}
