package io.openvod.gateway.account;

import io.openvod.gateway.core.envelope.ServiceUnavailableException;
import io.openvod.gateway.core.secret.SecretKeys;

/**
 * A stored secret (of an AccessKey or a storage connection) that none of the configured keys decrypts: the caller cannot be verified, through no
 * fault of theirs, so the answer is 503 (the pipeline logs this one line, no stack trace), never a 500.
 */
public final class SecretUnreadableException extends ServiceUnavailableException {

    /** @param whose what the secret belongs to, e.g. "AccessKey LTAI..." or "storage location media.example.com" */
    public SecretUnreadableException(String whose) {
        super("the secret of " + whose + " cannot be decrypted with " + SecretKeys.CURRENT_VARIABLE
                + " or " + SecretKeys.PREVIOUS_VARIABLE + " (encrypted under another key, or altered in the database)",
                null);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
