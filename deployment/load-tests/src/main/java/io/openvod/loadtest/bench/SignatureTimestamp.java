package io.openvod.loadtest.bench;

import io.openvod.loadtest.AcsSigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A Timestamp parameter ({@code yyyy-MM-ddTHH:mm:ssZ}, UTC, whole seconds, as {@code SignedRpc} writes it) in the
 * two forms a signed form body needs, so a request copies bytes instead of formatting a date.
 *
 * @param formValue      percent-encoded once, as it stands in the body
 * @param canonicalValue percent-encoded twice, as it stands in the string to sign
 */
record SignatureTimestamp(byte[] formValue, byte[] canonicalValue) {

    static SignatureTimestamp of(long epochSecond) {
        String formValue = AcsSigner.percentEncode(Instant.ofEpochSecond(epochSecond).toString());
        return new SignatureTimestamp(formValue.getBytes(StandardCharsets.US_ASCII),
                AcsSigner.percentEncode(formValue).getBytes(StandardCharsets.US_ASCII));
    }

    /** The current second's Timestamp, formatted when the second changes (a few times a second at most). */
    static final class Clock {
        private long second = Long.MIN_VALUE;
        private SignatureTimestamp current;

        SignatureTimestamp now() {
            long now = Math.floorDiv(System.currentTimeMillis(), 1000);
            if (now != second) {
                second = now;
                current = of(now);
            }
            return current;
        }
    }
}
