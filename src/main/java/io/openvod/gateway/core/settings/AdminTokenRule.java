package io.openvod.gateway.core.settings;

import java.util.Optional;

/** The admin API's bearer token: unset disables the admin API; a short one is refused, it could be guessed. */
public final class AdminTokenRule {

    public static final String VARIABLE = "VOD_ADMIN_TOKEN";
    public static final int MINIMUM_LENGTH = 16;

    private AdminTokenRule() {
    }

    /** @throws InvalidSettingException when a token is set but shorter than {@link #MINIMUM_LENGTH} characters */
    public static void check(Optional<String> token) {
        token.map(String::strip).filter(t -> !t.isEmpty() && t.length() < MINIMUM_LENGTH).ifPresent(t -> {
            throw new InvalidSettingException(VARIABLE + " is " + t.length() + " characters long; the admin API "
                    + "needs a token of at least " + MINIMUM_LENGTH + ": generate one with `openssl rand -hex 32` "
                    + "(or leave " + VARIABLE + " unset to disable the admin API).");
        });
    }
}
