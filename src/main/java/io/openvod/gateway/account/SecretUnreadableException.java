package io.openvod.gateway.account;

import io.openvod.gateway.core.envelope.ServiceUnavailableException;
import io.openvod.gateway.core.secret.SecretKeys;

/**
 * A stored AccessKey secret that none of the configured keys decrypts: the caller cannot be verified, through no
 * fault of theirs, so the answer is 503 (the pipeline logs this one line, no stack trace), never a 500.
 */
final class SecretUnreadableException extends ServiceUnavailableException {

    SecretUnreadableException(String accessKeyId) {
        super("the secret of AccessKey " + accessKeyId + " cannot be decrypted with " + SecretKeys.CURRENT_VARIABLE
                + " or " + SecretKeys.PREVIOUS_VARIABLE + " (encrypted under another key, or altered in the database)",
                null);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
