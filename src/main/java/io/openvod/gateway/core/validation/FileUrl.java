package io.openvod.gateway.core.validation;

import io.openvod.gateway.core.envelope.ApiError;
import java.util.Locale;
import java.util.Set;

/**
 * A FileURL: {@code http(s)://<bucket host>/<object key>}. Object keys may contain spaces and other
 * characters SDKs send unescaped, so this is a lenient split rather than {@link java.net.URI} parsing.
 *
 * @param text            the URL exactly as the caller sent it; echoed back in the answer
 * @param key             the registration key: scheme and host lower-cased, the rest unchanged
 * @param storageLocation the bucket host (with port, if any), lower-cased
 * @param fileName        the last path segment
 */
public record FileUrl(String text, String key, String storageLocation, String fileName) {

    static final int MAX_BYTES = 1024;

    /** Media formats the service can register; anything else ends in FailedFileURLs. */
    private static final Set<String> MEDIA_EXTENSIONS = Set.of(
            // video
            "mp4", "m3u8", "flv", "f4v", "mov", "avi", "wmv", "asf", "mkv", "webm", "ts", "mts", "m2ts", "3gp",
            "mpg", "mpeg", "m4v", "rm", "rmvb", "vob", "ogv", "dv", "mxf", "gif",
            // audio
            "mp3", "wav", "aac", "m4a", "flac", "ogg", "oga", "opus", "wma", "ape", "amr", "ac3",
            // image
            "jpg", "jpeg", "png", "bmp", "webp", "heic");

    /**
     * {@code (?i)(https?)://([^/?#@\s]+)(/[^?#]*)([?#].*)?}, read by hand: the regex was a visible share of a
     * registration's CPU. {@code FileUrlTest} checks both agree.
     */
    static FileUrl parse(String text) {
        TextRules.requireMaxBytes("FileURL", text, MAX_BYTES);
        int schemeEnd = text.indexOf("://");
        if (!isHttpScheme(text, schemeEnd) || !TextRules.isStorable(text)) {
            throw invalid();
        }
        int hostStart = schemeEnd + 3;
        int pathStart = hostStart;
        while (pathStart < text.length() && isHostCharacter(text.charAt(pathStart))) {
            pathStart++;
        }
        // A port without a host name (https://:443/x.mp4) names no bucket: refused like no host at all.
        if (pathStart == hostStart || text.charAt(hostStart) == ':' || pathStart == text.length()
                || text.charAt(pathStart) != '/') {
            throw invalid();
        }
        int pathEnd = pathStart;
        while (pathEnd < text.length() && text.charAt(pathEnd) != '?' && text.charAt(pathEnd) != '#') {
            pathEnd++;
        }
        String path = text.substring(pathStart, pathEnd);
        if (hasLineTerminator(text, pathEnd) || path.replace("/", "").isEmpty()) {
            throw invalid();
        }
        String schemeAndHost = text.substring(0, pathStart).toLowerCase(Locale.ROOT);
        return new FileUrl(text, schemeAndHost + text.substring(pathStart), schemeAndHost.substring(hostStart),
                path.substring(path.lastIndexOf('/') + 1));
    }

    /** {@code http} or {@code https}, ASCII letters in any case (as the regex's {@code (?i)}). */
    private static boolean isHttpScheme(String text, int end) {
        if (end != 4 && end != 5) {
            return false;
        }
        String lower = "https";
        for (int i = 0; i < end; i++) {
            if ((text.charAt(i) | 0x20) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHostCharacter(char c) {
        return c != '/' && c != '?' && c != '#' && c != '@'
                && c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r';
    }

    /** A query or fragment ends at a line terminator (the regex's {@code .}); only {@code U+2028/9} get this far. */
    private static boolean hasLineTerminator(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    public boolean hasMediaExtension() {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && MEDIA_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static RuntimeException invalid() {
        return ApiError.invalidParameter("FileURL",
                "It must be an http or https URL of an object: scheme, bucket host and object path.").exception();
    }
}
