package io.openvod.loadtest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Builds signed RPC calls the way pop-core does: POST {@code /}, every parameter (Signature included) in an
 * {@code application/x-www-form-urlencoded} body, a fresh SignatureNonce and Timestamp per call.
 */
public final class SignedRpc {

    public static final String VERSION = "2017-03-21";
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private SignedRpc() {
    }

    /** The form body of a signed POST call of {@code action} with its own parameters. */
    public static String formBody(AccessKey key, String action, Map<String, String> actionParams) {
        return formBody(key, action, actionParams, UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The same with a given SignatureNonce and Timestamp, so tests can compare other builders with this one. */
    public static String formBody(AccessKey key, String action, Map<String, String> actionParams, String nonce,
            String timestamp) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", action);
        params.put("Version", VERSION);
        params.put("Format", "JSON");
        params.put("AccessKeyId", key.id());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", nonce);
        params.put("Timestamp", timestamp);
        params.putAll(actionParams);
        params.put("Signature", AcsSigner.sign("POST", params, key.secret()));
        StringJoiner body = new StringJoiner("&");
        params.forEach((name, value) -> body.add(AcsSigner.percentEncode(name) + "=" + AcsSigner.percentEncode(value)));
        return body.toString();
    }

    /** A signed RegisterMedia call for the given RegisterMetadatas JSON. */
    public static String registerMedia(AccessKey key, String registerMetadatas) {
        return formBody(key, "RegisterMedia", Map.of("RegisterMetadatas", registerMetadatas));
    }
}
