package io.openvod.gateway.core.settings;

/**
 * A required setting is missing or malformed. The message is one sentence for the operator: it names the
 * environment variable and says how to produce a value. It carries no stack trace, which would only bury it.
 */
public final class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String sentence) {
        super(sentence, null, false, false);
    }
}
