package io.openvod.gateway.core.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * VOD's callback signature (docs/vod-api.md §5.4): {@code X-VOD-SIGNATURE = md5hex(CallbackURL|timestamp|key)},
 * sent with {@code X-VOD-TIMESTAMP} (Unix seconds). MD5 because that is what receivers written for VOD check.
 */
public final class CallbackSignature {

    public static final String TIMESTAMP_HEADER = "X-VOD-TIMESTAMP";
    public static final String SIGNATURE_HEADER = "X-VOD-SIGNATURE";

    private CallbackSignature() {
    }

    public static String sign(String callbackUrl, long unixSeconds, String authKey) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(
                    (callbackUrl + "|" + unixSeconds + "|" + authKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
