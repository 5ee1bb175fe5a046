package io.openvod.gateway.core.callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A callback URL checked for syntax: absolute http or https, a host, no user info, at most 1024 characters. The
 * address it leads to is checked separately ({@link CallbackAddressRules}) after DNS, each time it is used.
 */
public record CallbackUrl(String text, boolean https, String host, int port, String requestUri) {

    public static final int MAX_LENGTH = 1024;

    /** The URL, or empty when it must never be called. */
    public static Optional<CallbackUrl> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getPort() == 0 || uri.getPort() > 65535) {
                return Optional.empty();
            }
            boolean https = scheme.equals("https");
            int port = uri.getPort() < 0 ? (https ? 443 : 80) : uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            return Optional.of(new CallbackUrl(text, https, host, port, path + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
