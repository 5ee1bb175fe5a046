package io.openvod.gateway.core.validation;

import io.openvod.gateway.core.envelope.ApiError;
import java.util.Locale;
import java.util.Set;

/**
 * A FileURL: {@code http(s)://<bucket host>/<object key>}. Object keys may contain spaces and other
 * characters SDKs send unescaped, so this is a lenient split rather than {@link java.net.URI} parsing.
 *
 * <p>What names one object (README, "What counts as the same file"): the storage location and the decoded path.
 * The scheme, the query, the fragment, the case of the host and an explicit port 80 or 443 do not.
 *
 * @param text            the URL exactly as the caller sent it; echoed back in the answer
 * @param key             the registration key within the storage location: the path without its leading slash,
 *                        percent-decoded ({@link PercentDecoding}); with a virtual-hosted location it is the object
 *                        key, with a path-style one the bucket and the object key
 * @param storageLocation the bucket host, lower-cased, with its port unless that is 80 or 443
 * @param fileName        the last path segment, as sent
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
    public static FileUrl parse(String text) {
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
        String host = withoutDefaultPort(text.substring(hostStart, pathStart).toLowerCase(Locale.ROOT));
        return new FileUrl(text, PercentDecoding.decode(path.substring(1)), host,
                path.substring(path.lastIndexOf('/') + 1));
    }

    /**
     * The host without {@code :80} or {@code :443}: the scheme does not tell objects apart (an object store serves the
     * same object over both), so neither do the two ports that only stand for a scheme. An empty port goes too.
     */
    public static String withoutDefaultPort(String host) {
        for (String port : new String[] {":80", ":443", ":"}) {
            if (host.endsWith(port) && host.length() > port.length()) {
                return host.substring(0, host.length() - port.length());
            }
        }
        return host;
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
