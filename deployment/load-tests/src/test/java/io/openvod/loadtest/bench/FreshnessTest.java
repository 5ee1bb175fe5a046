package io.openvod.loadtest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    @Test
    void noncesAreDistinctRandomUuidsLikePopCoresOnes() {
        SignatureNonces nonces = new SignatureNonces();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String nonce = new String(nonces.next(), StandardCharsets.US_ASCII);
            UUID uuid = UUID.fromString(nonce);
            assertEquals(nonce, uuid.toString());
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant());
            assertTrue(seen.add(nonce), nonce);
        }
    }

    @Test
    void timestampsAreTheCurrentSecondInTheAcsForm() {
        long before = Instant.now().getEpochSecond();
        SignatureTimestamp now = new SignatureTimestamp.Clock().now();
        long after = Instant.now().getEpochSecond();

        String form = new String(now.formValue(), StandardCharsets.US_ASCII);
        assertTrue(form.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d%3A\\d\\d%3A\\d\\dZ"), form);
        long second = Instant.parse(form.replace("%3A", ":")).getEpochSecond();
        assertTrue(before <= second && second <= after, form);
        assertEquals(form.replace("%", "%25"), new String(now.canonicalValue(), StandardCharsets.US_ASCII));
    }

    @Test
    void formatsWholeSecondsInUtc() {
        SignatureTimestamp timestamp = SignatureTimestamp.of(Instant.parse("2024-02-29T23:59:07Z").getEpochSecond());

        assertEquals("2024-02-29T23%3A59%3A07Z", new String(timestamp.formValue(), StandardCharsets.US_ASCII));
        assertEquals("2024-02-29T23%253A59%253A07Z", new String(timestamp.canonicalValue(), StandardCharsets.US_ASCII));
    }
}
