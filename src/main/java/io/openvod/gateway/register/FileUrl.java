package io.openvod.gateway.register;

import io.openvod.gateway.api.ApiError;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FileURL: {@code http(s)://<bucket host>/<object key>}. Object keys may contain spaces and other
 * characters SDKs send unescaped, so this is a lenient split rather than {@link java.net.URI} parsing.
 *
 * @param text            the URL exactly as the caller sent it; echoed back in the answer
 * @param key             the registration key: scheme and host lower-cased, the rest unchanged
 * @param storageLocation the bucket host (with port, if any), lower-cased
 * @param fileName        the last path segment
 */
record FileUrl(String text, String key, String storageLocation, String fileName) {

    static final int MAX_BYTES = 1024;

    private static final Pattern SHAPE = Pattern.compile("(?i)(https?)://([^/?#@\\s]+)(/[^?#]*)([?#].*)?");

    /** Media formats the service can register; anything else ends in FailedFileURLs. */
    private static final Set<String> MEDIA_EXTENSIONS = Set.of(
            // video
            "mp4", "m3u8", "flv", "f4v", "mov", "avi", "wmv", "asf", "mkv", "webm", "ts", "mts", "m2ts", "3gp",
            "mpg", "mpeg", "m4v", "rm", "rmvb", "vob", "ogv", "dv", "mxf", "gif",
            // audio
            "mp3", "wav", "aac", "m4a", "flac", "ogg", "oga", "opus", "wma", "ape", "amr", "ac3",
            // image
            "jpg", "jpeg", "png", "bmp", "webp", "heic");

    static FileUrl parse(String text) {
        TextRules.requireMaxBytes("FileURL", text, MAX_BYTES);
        Matcher m = SHAPE.matcher(text);
        if (!m.matches() || !TextRules.isStorable(text)) {
            throw invalid();
        }
        String path = m.group(3);
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        if (path.replace("/", "").isEmpty()) {
            throw invalid();
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String host = m.group(2).toLowerCase(Locale.ROOT);
        String rest = path + (m.group(4) == null ? "" : m.group(4));
        return new FileUrl(text, scheme + "://" + host + rest, host, fileName);
    }

    boolean hasMediaExtension() {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && MEDIA_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static RuntimeException invalid() {
        return ApiError.invalidParameter("FileURL",
                "It must be an http or https URL of an object: scheme, bucket host and object path.").exception();
    }
}
