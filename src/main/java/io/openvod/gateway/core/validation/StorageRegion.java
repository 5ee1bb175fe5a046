package io.openvod.gateway.core.validation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The region of an OSS bucket host ({@code bucket.oss-cn-shanghai.aliyuncs.com} is in {@code cn-shanghai}). */
public final class StorageRegion {

    private static final Pattern OSS_HOST = Pattern.compile(
            "(?:^|\\.)oss-([a-z0-9-]+?)(?:-internal)?\\.aliyuncs\\.com(?::\\d+)?$");

    private StorageRegion() {
    }

    /** Empty for a host that does not name its region (another S3-compatible store). */
    public static Optional<String> of(String host) {
        Matcher matcher = OSS_HOST.matcher(host);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
