package io.openvod.gateway.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.gateway.api.ApiException;
import org.junit.jupiter.api.Test;

class FileUrlTest {

    @Test
    void keyLowerCasesSchemeAndHostButKeepsTheObjectKey() {
        FileUrl url = FileUrl.parse("HTTPS://Bucket.OSS-cn-shanghai.aliyuncs.com/Dir/A b+c.MP4");
        assertThat(url.key()).isEqualTo("https://bucket.oss-cn-shanghai.aliyuncs.com/Dir/A b+c.MP4");
        assertThat(url.storageLocation()).isEqualTo("bucket.oss-cn-shanghai.aliyuncs.com");
        assertThat(url.fileName()).isEqualTo("A b+c.MP4");
        assertThat(url.text()).startsWith("HTTPS://Bucket");
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
}
