package io.openvod.loadtest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud RPC signature version 1 (HMAC-SHA1), as the official SDKs compute it: parameters sorted by
 * name, RFC 3986 encoded, {@code METHOD&%2F&encode(canonical)}, keyed with {@code secret + "&"}.
 * Written here rather than taken from an SDK so the load generators stay dependency-light and fast.
 */
public final class AcsSigner {

    private static final String ALGORITHM = "HmacSHA1";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AcsSigner() {
    }

    /** The signature of {@code params} (without {@code Signature}) for an HTTP method. */
    public static String sign(String httpMethod, Map<String, String> params, String accessKeySecret) {
        return hmacSha1Base64(accessKeySecret + "&", stringToSign(httpMethod, params));
    }

    public static String stringToSign(String httpMethod, Map<String, String> params) {
        return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(params));
    }

    /** {@code k1=v1&k2=v2…}, sorted by name in byte order, names and values percent-encoded. */
    public static String canonicalQuery(Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        new TreeMap<>(params).forEach((name, value) -> {
            if (!"Signature".equals(name)) {
                query.add(percentEncode(name) + "=" + percentEncode(value));
            }
        });
        return query.toString();
    }

    /** RFC 3986: only {@code A-Z a-z 0-9 - _ . ~} stay literal; UTF-8 bytes, upper-case hex. */
    public static String percentEncode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    static String hmacSha1Base64(String key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JRE", e);
        }
    }
}
