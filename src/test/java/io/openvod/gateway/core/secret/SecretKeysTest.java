package io.openvod.gateway.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.gateway.core.settings.InvalidSettingException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretKeysTest {

    private static String key() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static SecretKeys keys(String current, String previous) {
        return SecretKeys.parse(Optional.of(current), Optional.ofNullable(previous));
    }

    @Test
    void aSecretRoundTripsUnderTheCurrentKey() {
        SecretKeys keys = keys(key(), null);

        assertThat(keys.decrypt(keys.encrypt("s3cret"))).contains("s3cret");
    }

    @Test
    void anotherKeyDoesNotDecryptAndSaysSoWithoutThrowing() {
        byte[] stored = keys(key(), null).encrypt("s3cret");

        assertThat(keys(key(), null).decrypt(stored)).isEmpty();
    }

    @Test
    void aPreviousKeyStillDecryptsButIsNotCurrent() {
        String old = key();
        byte[] stored = keys(old, null).encrypt("s3cret");
        SecretKeys rotated = keys(key(), " " + key() + "," + old);

        assertThat(rotated.decrypt(stored)).contains("s3cret");
        assertThat(rotated.isUnderCurrentKey(stored)).isFalse();
        assertThat(rotated.isPreviousKey(keys(old, null).checkValue())).isTrue();
    }

    @Test
    void checkValuesAreStablePerKeyAndDifferBetweenKeys() {
        String one = key();

        assertThat(keys(one, null).checkValue()).isEqualTo(keys(one, null).checkValue())
                .isNotEqualTo(keys(key(), null).checkValue()).matches("[0-9a-f]{64}");
    }

    @Test
    void aMissingKeyIsASentenceNamingTheVariable() {
        assertThatThrownBy(() -> SecretKeys.parse(Optional.of(" "), Optional.empty()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("VOD_SECRET_ENCRYPTION_KEY is not set.");
    }

    @Test
    void aMalformedPreviousKeyNamesItsOwnVariable() {
        assertThatThrownBy(() -> keys(key(), "abc"))
                .hasMessageStartingWith("VOD_PREVIOUS_SECRET_ENCRYPTION_KEYS holds a key of 2 bytes");
    }
}
