package io.openvod.gateway.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.core.validation.RegisterMediaParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.gateway.core.validation.FileUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The object-key rule of the README ("Storage locations"), with the URL shapes of OSS, AWS S3 and MinIO. */
class ObjectKeysTest {

    @Test
    void ossVirtualHostedUrlGivesItsDecodedPath() {
        assertThat(key("https://media.oss-cn-shanghai.aliyuncs.com/in/a%20b.mp4", AddressingStyle.VIRTUAL_HOSTED, "media"))
                .contains("in/a b.mp4");
    }

    @Test
    void awsS3VirtualHostedUrlGivesItsPath() {
        assertThat(key("https://media.s3.eu-west-1.amazonaws.com/2026/%E4%B8%AD.mp4?versionId=1",
                AddressingStyle.VIRTUAL_HOSTED, "media")).contains("2026/\u4e2d.mp4");
    }

    @Test
    void minioPathStyleUrlGivesThePathAfterTheBucket() {
        assertThat(key("http://minio.internal:9000/media/in/a.mp4", AddressingStyle.PATH, "media")).contains("in/a.mp4");
    }

    @Test
    void pathStyleUrlOfAnotherBucketNamesNoObjectOfThisOne() {
        assertThat(key("http://minio.internal:9000/other/in/a.mp4", AddressingStyle.PATH, "media")).isEmpty();
        assertThat(key("http://minio.internal:9000/mediax/a.mp4", AddressingStyle.PATH, "media")).isEmpty();
    }

    @Test
    void awsS3PathStyleUrlGivesThePathAfterTheBucket() {
        assertThat(key("https://s3.us-east-1.amazonaws.com/media/a+b.mp4", AddressingStyle.PATH, "media"))
                .contains("a+b.mp4");
    }

    private static java.util.Optional<String> key(String url, AddressingStyle style, String bucket) {
        FileUrl fileUrl = new RegisterMediaParser(new ObjectMapper())
                .parse(Map.of("RegisterMetadatas", "[{\"FileURL\":\"" + url + "\"}]")).items().get(0).fileUrl();
        return ObjectKeys.of(fileUrl, style, bucket);
    }
}
