package io.openvod.gateway.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.core.storage.AddressingStyle;
import io.openvod.gateway.core.storage.StorageConnection;
import io.openvod.gateway.support.S3Server;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same client presigns GET URLs (for the media read APIs); the S3 server accepts them, and only them. */
@QuarkusTest
class PresignTest {

    @Inject
    ObjectStore store;

    @Test
    void presignedUrlGetsTheObjectFromTheStore() {
        S3Server s3 = S3Server.shared();
        String bucket = s3.newBucket();
        s3.put(bucket, "dir/a b.mp4", "presigned".getBytes(StandardCharsets.UTF_8), "video/mp4");
        StorageConnection connection = new StorageConnection("store.test", URI.create(S3Server.endpoint(s3.port())),
                S3Server.REGION, bucket, AddressingStyle.PATH, s3.accessKeyId(), s3.secret());

        URI url = store.presign(connection, "dir/a b.mp4", Duration.ofMinutes(5));

        assertThat(given().urlEncodingEnabled(false).get(url).then().statusCode(200).extract().asString())
                .isEqualTo("presigned");
        given().urlEncodingEnabled(false).get(url.toString().replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=00"))
                .then().statusCode(403);
    }
}
