package io.openvod.gateway.core.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the gateway reaches the bucket behind a storage location: an S3 endpoint, its region, the bucket, the addressing
 * style and the credentials. {@link #toString()} never shows the secret, so a connection may be logged.
 *
 * @param endpoint        the S3 endpoint, {@code http(s)://host[:port]} without a path
 * @param accessKeySecret decrypted; held in memory only while a call uses it
 */
public record StorageConnection(String location, URI endpoint, String region, String bucket, AddressingStyle style,
        String accessKeyId, String accessKeySecret) {

    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** S3's bucket naming rule (3 to 63 characters; lower-case letters, digits, dots and hyphens). */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern KEY_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7E]{1,256}");

    /**
     * The reason the field named first is not valid, or empty when every field is valid; the admin API answers with it.
     */
    public static Optional<String> problem(String endpoint, String region, String bucket, String style,
            String accessKeyId, String accessKeySecret) {
        if (endpoint == null || parseEndpoint(endpoint).isEmpty()) {
            return Optional.of("endpoint: an http or https URL of the S3 endpoint, without a path, query or user"
                    + " (e.g. https://oss-cn-shanghai.aliyuncs.com or http://minio.internal:9000).");
        }
        if (region == null || !REGION.matcher(region).matches()) {
            return Optional.of("region: lower-case letters, digits and hyphens (e.g. us-east-1, oss-cn-shanghai).");
        }
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            return Optional.of("bucket: an S3 bucket name, 3 to 63 lower-case letters, digits, dots and hyphens.");
        }
        if (style == null || AddressingStyle.of(style).isEmpty()) {
            return Optional.of("addressingStyle: virtual-hosted or path.");
        }
        if (accessKeyId == null || !KEY_ID.matcher(accessKeyId).matches()) {
            return Optional.of("accessKeyId: 1 to 128 printable ASCII characters.");
        }
        if (accessKeySecret == null || !SECRET.matcher(accessKeySecret).matches()) {
            return Optional.of("accessKeySecret: 1 to 256 printable ASCII characters.");
        }
        return Optional.empty();
    }

    /** The endpoint as a URI when it is an http(s) URL with a host and nothing after it but an optional slash. */
    public static Optional<URI> parseEndpoint(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && bare) {
                return Optional.of(new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), null,
                        null, null));
            }
        } catch (URISyntaxException e) {
            // not a URL: empty below
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "StorageConnection[location=" + location + ", endpoint=" + endpoint + ", region=" + region + ", bucket="
                + bucket + ", style=" + style.text() + ", accessKeyId=" + accessKeyId + ", accessKeySecret=***]";
    }
}
