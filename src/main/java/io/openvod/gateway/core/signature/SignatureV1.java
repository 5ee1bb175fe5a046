package io.openvod.gateway.core.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ACS v1 RPC signatures, {@code SignatureMethod=HMAC-SHA1}, {@code SignatureVersion=1.0} (docs/vod-api.md §2.3).
 * Pure functions over decoded parameters: the wire text is never signed, because SDKs encode it differently.
 */
public final class SignatureV1 {

    public static final String METHOD = "HMAC-SHA1";
    public static final String VERSION = "1.0";

    private SignatureV1() {
    }

    /** {@code METHOD&%2F&percentEncode(sorted k=v&...)} over every parameter except {@code Signature}. */
    public static String stringToSign(String httpMethod, Map<String, String> params) {
        // String's natural order is UTF-16 order; for the ASCII names of this API it equals byte order.
        Map<String, String> sorted = new TreeMap<>(params);
        sorted.remove("Signature");
        // The canonical query is encoded again as a whole; doing both encodings at once skips building it
        // ("=" becomes %3D, "&" becomes %26, an escape %XX becomes %25XX).
        StringBuilder toSign = new StringBuilder(capacityFor(httpMethod, sorted)).append(httpMethod).append("&%2F&");
        boolean first = true;
        for (Map.Entry<String, String> param : sorted.entrySet()) {
            if (!first) {
                toSign.append("%26");
            }
            first = false;
            Rfc3986.appendEncodedTwice(toSign, param.getKey());
            toSign.append("%3D");
            Rfc3986.appendEncodedTwice(toSign, param.getValue() == null ? "" : param.getValue());
        }
        return toSign.toString();
    }

    /** Room for typical values (about a third of a JSON value's characters escaped), so the builder rarely grows. */
    private static int capacityFor(String httpMethod, Map<String, String> params) {
        int chars = httpMethod.length() + 8;
        for (Map.Entry<String, String> param : params.entrySet()) {
            chars += 3 + (param.getKey().length() + (param.getValue() == null ? 0 : param.getValue().length())) * 3;
        }
        return chars;
    }

    /** Base64 of HMAC-SHA1 keyed with {@code secret + "&"}. */
    public static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }

    /** Constant-time comparison, so response timing reveals nothing about how much of a guess was right. */
    public static boolean matches(String secret, String stringToSign, String signature) {
        byte[] expected = sign(secret, stringToSign).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
}
