package io.openvod.gateway.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class StorageConnectionTest {

    @Test
    void printedConnectionNeverShowsItsSecret() {
        StorageConnection connection = new StorageConnection("b.example.com", URI.create("https://s3.example.com"),
                "us-east-1", "media", AddressingStyle.PATH, "AKID", "very-secret-value");

        assertThat(connection.toString()).doesNotContain("very-secret-value").contains("AKID", "media");
    }

    @Test
    void completeSettingsAreValid() {
        assertThat(StorageConnection.problem("http://minio.internal:9000", "us-east-1", "media", "path", "minio",
                "minio-secret")).isEmpty();
        assertThat(StorageConnection.problem("https://oss-cn-shanghai.aliyuncs.com/", "oss-cn-shanghai", "media",
                "virtual-hosted", "LTAIxxxx", "secret")).isEmpty();
    }

    @Test
    void eachBadSettingIsNamed() {
        assertThat(StorageConnection.problem("ftp://x", "r", "media", "path", "k", "s")).get().asString()
                .startsWith("endpoint");
        assertThat(StorageConnection.problem("https://s3.example.com/bucket", "r", "media", "path", "k", "s")).get()
                .asString().startsWith("endpoint");
        assertThat(StorageConnection.problem("https://user@s3.example.com", "r", "media", "path", "k", "s")).get()
                .asString().startsWith("endpoint");
        assertThat(StorageConnection.problem("https://s3.example.com", "Bad Region", "media", "path", "k", "s")).get()
                .asString().startsWith("region");
        assertThat(StorageConnection.problem("https://s3.example.com", "r", "B", "path", "k", "s")).get()
                .asString().startsWith("bucket");
        assertThat(StorageConnection.problem("https://s3.example.com", "r", "media", "dns", "k", "s")).get()
                .asString().startsWith("addressingStyle");
        assertThat(StorageConnection.problem("https://s3.example.com", "r", "media", "path", null, "s")).get()
                .asString().startsWith("accessKeyId");
        assertThat(StorageConnection.problem("https://s3.example.com", "r", "media", "path", "k", "")).get()
                .asString().startsWith("accessKeySecret");
    }

    @Test
    void endpointIsNormalised() {
        assertThat(StorageConnection.parseEndpoint("HTTPS://S3.Example.com/")).contains(URI.create("https://s3.example.com"));
    }
}
