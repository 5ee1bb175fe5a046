package io.openvod.gateway.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.gateway.core.envelope.ApiException;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FileUrlTest {

    @Test
    void keyIsTheDecodedPathAndTheLocationTheLowerCasedHost() {
        FileUrl url = FileUrl.parse("HTTPS://Bucket.OSS-cn-shanghai.aliyuncs.com/Dir/A%20b+c.MP4?x=1#f");
        assertThat(url.key()).isEqualTo("Dir/A b+c.MP4");
        assertThat(url.storageLocation()).isEqualTo("bucket.oss-cn-shanghai.aliyuncs.com");
        assertThat(url.fileName()).isEqualTo("A%20b+c.MP4");
        assertThat(url.text()).startsWith("HTTPS://Bucket");
    }

    @Test
    void urlVariantsOfOneObjectHaveOneLocationAndKey() {
        FileUrl plain = FileUrl.parse("https://b.example.com/a b.mp4");
        for (String variant : new String[] {"https://b.example.com/a%20b.mp4", "http://b.example.com/a b.mp4",
                "https://b.example.com:443/a b.mp4", "http://B.Example.com:80/a%20b.mp4", "https://b.example.com/a b.mp4?x=2"}) {
            FileUrl url = FileUrl.parse(variant);
            assertThat(url.storageLocation()).as(variant).isEqualTo(plain.storageLocation());
            assertThat(url.key()).as(variant).isEqualTo(plain.key());
        }
    }

    @Test
    void otherPortsAreOtherLocations() {
        assertThat(FileUrl.parse("http://minio.internal:9000/m/a.mp4").storageLocation()).isEqualTo("minio.internal:9000");
    }

    @Test
    void mediaExtensionsAreRecognisedCaseInsensitively() {
        assertThat(FileUrl.parse("https://b.example.com/v.M3U8").hasMediaExtension()).isTrue();
        assertThat(FileUrl.parse("https://b.example.com/a.mp3").hasMediaExtension()).isTrue();
        assertThat(FileUrl.parse("https://b.example.com/doc.pdf").hasMediaExtension()).isFalse();
        assertThat(FileUrl.parse("https://b.example.com/noextension").hasMediaExtension()).isFalse();
    }

    @Test
    void urlsThatAreNotObjectUrlsAreRejected() {
        for (String bad : new String[] {"oss://b/a.mp4", "https://", "https:///a.mp4", "https://b.example.com",
                "https://b.example.com/", "https://user@b.example.com/a.mp4", "https://b.example.com/a\u0000.mp4"}) {
            assertThatThrownBy(() -> FileUrl.parse(bad)).as(bad).isInstanceOf(ApiException.class);
        }
    }

    /** The regex FileUrl.parse used to be; the hand-written parser must accept and split exactly as it did. */
    private static final Pattern SHAPE = Pattern.compile("(?i)(https?)://([^/?#@\\s]+)(/[^?#]*)([?#].*)?");

    @Test
    void handWrittenParserAgreesWithTheRegexItReplaced() {
        String[] pieces = {"http", "https", "HTTPS", "hTtP", "ftp", "://", ":/", "/", "//", "?", "#", "@", " ", "\t",
            "\n", "\r", "\u000B", "\f", "\u0085", "\u2028", "\u2029", "\u0000", "b.example.com", "B.Example.COM",
            "\u0130", "\u017F", "a.mp4", "dir", ".", "x", "\u00e9", "\uD83C\uDFA5", "\uD83C", "%20", "+", ":8080"};
        Random random = new Random(20261124);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder url = new StringBuilder(i % 3 == 0 ? "https://b.example.com/" : "");
            for (int n = random.nextInt(8); n >= 0; n--) {
                url.append(pieces[random.nextInt(pieces.length)]);
            }
            assertAgreesWithTheRegex(url.toString());
        }
    }

    private static void assertAgreesWithTheRegex(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches() || !TextRules.isStorable(text)) {
            assertThatThrownBy(() -> FileUrl.parse(text)).as("%s", text).isInstanceOf(ApiException.class);
            return;
        }
        String path = m.group(3);
        // Stricter than the regex since issue 17: a port without a host name (https://:443/x) names no bucket.
        if (path.replace("/", "").isEmpty() || m.group(2).startsWith(":")) {
            assertThatThrownBy(() -> FileUrl.parse(text)).as("%s", text).isInstanceOf(ApiException.class);
            return;
        }
        String host = FileUrl.withoutDefaultPort(m.group(2).toLowerCase(Locale.ROOT));
        assertThat(FileUrl.parse(text)).as("%s", text).isEqualTo(new FileUrl(text, PercentDecoding.decode(path.substring(1)),
                host, path.substring(path.lastIndexOf('/') + 1)));
    }
}
