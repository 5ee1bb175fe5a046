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
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private AcsSigner() {
    }

    /** The signature of {@code params} (without {@code Signature}) for an HTTP method. */
    public static String sign(String httpMethod, Map<String, String> params, String accessKeySecret) {
        byte[] stringToSign = stringToSign(httpMethod, params).getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(keyedMac(accessKeySecret).doFinal(stringToSign));
    }

    /** A new HMAC-SHA1 instance keyed for {@code accessKeySecret} (the key is {@code secret + "&"}). */
    public static Mac keyedMac(String accessKeySecret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JRE", e);
        }
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
        return new String(percentEncode(value.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
    }

    /** {@link #percentEncode(String)} of bytes already in UTF-8, for callers that build bodies as bytes. */
    public static byte[] percentEncode(byte[] utf8) {
        int length = utf8.length;
        for (byte b : utf8) {
            length += isUnreserved(b & 0xFF) ? 0 : 2;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte b : utf8) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out[at++] = b;
            } else {
                out[at++] = '%';
                out[at++] = HEX[c >> 4];
                out[at++] = HEX[c & 0xF];
            }
        }
        return out;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
