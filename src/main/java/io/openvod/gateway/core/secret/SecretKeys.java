package io.openvod.gateway.core.secret;

import io.openvod.gateway.core.settings.InvalidSettingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that protect AccessKey secrets at rest: the current one (AES-256-GCM, used for every new secret) and
 * previous ones that may still decrypt, during a rotation. Stored form: 12-byte IV, ciphertext, 16-byte tag.
 * <p>
 * Each key has a check value: HMAC-SHA256 of a fixed text under the key. The database keeps the current key's, so a
 * gateway started with another key can tell before serving anything, without holding any secret to try.
 */
public final class SecretKeys {

    public static final String CURRENT_VARIABLE = "VOD_SECRET_ENCRYPTION_KEY";
    public static final String PREVIOUS_VARIABLE = "VOD_PREVIOUS_SECRET_ENCRYPTION_KEYS";
    public static final String HOW_TO_GENERATE = "generate one with `head -c32 /dev/urandom | base64` (or "
            + "`openssl rand -base64 32`) and keep it: every restart and every replica needs the same value";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CHECK_TEXT = "vod-gateway secret encryption key check v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec current;
    private final List<SecretKeySpec> previous;
    private final SecureRandom random = new SecureRandom();

    private SecretKeys(SecretKeySpec current, List<SecretKeySpec> previous) {
        this.current = current;
        this.previous = previous;
    }

    /**
     * Reads the settings' values (base64 of 32 bytes each; previous keys comma-separated, may be empty).
     *
     * @throws InvalidSettingException with a sentence naming the environment variable and how to fix it
     */
    public static SecretKeys parse(Optional<String> current, Optional<String> previous) {
        String value = current.map(String::trim).filter(v -> !v.isEmpty()).orElseThrow(() -> new InvalidSettingException(
                CURRENT_VARIABLE + " is not set. It encrypts the AccessKey secrets stored in the database: "
                        + HOW_TO_GENERATE + "."));
        List<SecretKeySpec> older = new ArrayList<>();
        for (String item : previous.orElse("").split(",")) {
            if (!item.isBlank()) {
                older.add(key(item.trim(), PREVIOUS_VARIABLE));
            }
        }
        return new SecretKeys(key(value, CURRENT_VARIABLE), List.copyOf(older));
    }

    private static SecretKeySpec key(String base64, String variable) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(variable + " is not valid base64. Each key is base64 of 32 random "
                    + "bytes: " + HOW_TO_GENERATE + ".");
        }
        if (raw.length != 32) {
            throw new InvalidSettingException(variable + " holds a key of " + raw.length + " bytes; it must be "
                    + "base64 of exactly 32 bytes: " + HOW_TO_GENERATE + ".");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** The current key's check value (hex). */
    public String checkValue() {
        return checkValue(current);
    }

    /** Whether the check value belongs to one of the previous keys. */
    public boolean isPreviousKey(String checkValue) {
        return previous.stream().anyMatch(key -> checkValue(key).equals(checkValue));
    }

    public byte[] encrypt(String secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt an access key secret", e);
        }
    }

    /** The secret, under the current key or else a previous one; empty when none of them decrypts it. */
    public Optional<String> decrypt(byte[] stored) {
        Optional<String> secret = decrypt(current, stored);
        for (int i = 0; secret.isEmpty() && i < previous.size(); i++) {
            secret = decrypt(previous.get(i), stored);
        }
        return secret;
    }

    /** Whether the current key decrypts it (no re-encryption needed). */
    public boolean isUnderCurrentKey(byte[] stored) {
        return decrypt(current, stored).isPresent();
    }

    private static Optional<String> decrypt(SecretKeySpec key, byte[] stored) {
        if (stored == null || stored.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            return Optional.of(new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException wrongKeyOrTampered) {
            return Optional.empty();
        }
    }

    private static String checkValue(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(CHECK_TEXT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
