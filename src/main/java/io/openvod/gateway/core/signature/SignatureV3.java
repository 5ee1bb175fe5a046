package io.openvod.gateway.core.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ACS3-HMAC-SHA256 signatures (docs/vod-api.md §2.4). Pure functions over the decoded query, the values of the
 * signed headers and the payload hash.
 */
public final class SignatureV3 {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    public static final String EMPTY_PAYLOAD_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** The parts of an {@code Authorization} header; SignedHeaders lower-cased and sorted. */
    public record Authorization(String accessKeyId, List<String> signedHeaders, String signature) {
    }

    private SignatureV3() {
    }

    /**
     * Parses {@code ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..} by key, since SDKs order the
     * fields differently.
     *
     * @return null when the header is not an ACS3 authorization or lacks one of the three fields
     */
    public static Authorization parseAuthorization(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        if (!trimmed.startsWith(ALGORITHM + " ")) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : trimmed.substring(ALGORITHM.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String credential = fields.get("Credential");
        String signedHeaders = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (isBlank(credential) || isBlank(signedHeaders) || isBlank(signature)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders.split(";")) {
            if (!name.isBlank()) {
                names.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        names.sort(null);
        return names.isEmpty() ? null : new Authorization(credential, List.copyOf(names), signature);
    }

    /**
     * @param query         decoded query parameters
     * @param headerValues  value of each signed header, by lower-case name
     * @param signedHeaders lower-case, sorted
     */
    public static String canonicalRequest(String httpMethod, Map<String, String> query,
            Map<String, String> headerValues, List<String> signedHeaders, String payloadHash) {
        StringBuilder out = new StringBuilder(256);
        out.append(httpMethod).append('\n').append('/').append('\n');
        boolean first = true;
        for (var entry : new TreeMap<>(query).entrySet()) {
            if (!first) {
                out.append('&');
            }
            first = false;
            out.append(Rfc3986.encode(entry.getKey())).append('=')
                    .append(Rfc3986.encode(entry.getValue() == null ? "" : entry.getValue()));
        }
        out.append('\n');
        for (String name : signedHeaders) {
            String value = headerValues.get(name);
            out.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        // The header block ends with its own newline and is then joined with '\n' like every other part.
        out.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
        return out.toString();
    }

    public static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of HMAC-SHA256 keyed with the secret itself (no {@code &}, unlike v1). */
    public static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Constant-time; hex case is not significant. */
    public static boolean matches(String secret, String stringToSign, String signature) {
        byte[] expected = sign(secret, stringToSign).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
