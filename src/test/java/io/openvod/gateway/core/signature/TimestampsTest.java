package io.openvod.gateway.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openvod.gateway.core.envelope.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(15);

    private static String codeOf(String value) {
        return catchThrowableOfType(ApiException.class, () -> Timestamps.check(value, NOW, SKEW)).error().code();
    }

    @Test
    void exactlyFifteenMinutesEitherWayIsAccepted() {
        assertThat(Timestamps.check("2024-01-01T11:45:00Z", NOW, SKEW)).isEqualTo(NOW.minus(SKEW));
        assertThat(Timestamps.check("2024-01-01T12:15:00Z", NOW, SKEW)).isEqualTo(NOW.plus(SKEW));
    }

    @Test
    void oneSecondBeyondTheWindowIsExpired() {
        assertThat(codeOf("2024-01-01T11:44:59Z")).isEqualTo("InvalidTimeStamp.Expired");
        assertThat(codeOf("2024-01-01T12:15:01Z")).isEqualTo("InvalidTimeStamp.Expired");
    }

    @Test
    void anythingButUtcIso8601IsAFormatError() {
        assertThat(codeOf("2024-01-01 12:00:00")).isEqualTo("InvalidTimeStamp.Format");
        assertThat(codeOf("2024-01-01T12:00:00+08:00")).isEqualTo("InvalidTimeStamp.Format");
        assertThat(codeOf("2024-02-30T12:00:00Z")).isEqualTo("InvalidTimeStamp.Format");
        assertThat(codeOf("1704110400")).isEqualTo("InvalidTimeStamp.Format");
    }

    @Test
    void fractionalSecondsAreTolerated() {
        assertThat(Timestamps.check("2024-01-01T12:00:00.123Z", NOW, SKEW)).isEqualTo(NOW.plusMillis(123));
    }

    @Test
    void impossibleDatesAreFormatErrors() {
        for (String value : new String[] {"2024-13-01T12:00:00Z", "2024-02-30T12:00:00Z", "2024-01-01T24:00:00Z",
                "2024-01-01T12:60:00Z"}) {
            assertThat(codeOf(value)).as(value).isEqualTo("InvalidTimeStamp.Format");
        }
    }

    @Test
    void theHandReadFormAgreesWithTheIsoParser() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextInt(2_000_000_000) + 100_000_000L);
            assertThat(Timestamps.parse(at.toString())).isEqualTo(at);
        }
    }
}
