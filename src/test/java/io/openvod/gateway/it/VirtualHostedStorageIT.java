package io.openvod.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.S3Server;
import io.openvod.gateway.support.TestAccount;
import io.restassured.RestAssured;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A virtual-hosted storage location (as OSS and AWS S3 serve): the packaged gateway sends its HEAD to
 * {@code <bucket>.localhost}. Name resolution of such names is the one thing the machine does not provide, so the
 * gateway process gets a hosts file of its own for Vert.x's resolver ({@code quarkus.vertx.resolver.hosts-path});
 * the tests' JVM is left as it is.
 */
class VirtualHostedStorageIT {

    @Test
    void virtualHostedUrlIsCheckedInItsBucketAndRegistered() throws Exception {
        S3Server s3 = S3Server.shared();
        String bucket = s3.newBucket();
        s3.put(bucket, "in/a b.mp4", "virtual".getBytes(StandardCharsets.UTF_8), "video/mp4");
        Path hosts = hostsFile(bucket + "." + S3Server.VIRTUAL_HOST);

        try (GatewayProcess gateway = GatewayProcess.start(Map.of("JAVA_TOOL_OPTIONS", "-Dquarkus.vertx.resolver.hosts-path=" + hosts))) {
            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = gateway.port();
            TestAccount account = gateway.provisionAccount(100);
            gateway.admin().body(Map.of("endpoint", S3Server.endpoint(s3.port()), "region", S3Server.REGION,
                    "bucket", bucket, "addressingStyle", "virtual-hosted", "accessKeyId", s3.accessKeyId(),
                    "accessKeySecret", s3.secret()))
                    .put("/admin/accounts/" + account.id() + "/storage-locations/" + account.bucketHost() + "/connection")
                    .then().statusCode(200);
            String present = account.fileUrl("in/a%20b.mp4");
            String missing = account.fileUrl("in/missing.mp4");

            Rpc.registerMedia(account, Metadatas.of(present, missing)).get().then().statusCode(200)
                    .body("RegisteredMediaList.FileURL", contains(present))
                    .body("RegisteredMediaList[0].NewRegister", equalTo(true))
                    .body("FailedFileURLs", contains(missing));

            assertThat(ItDatabase.column("size", account.id(), present)).isEqualTo("7");
        } finally {
            RestAssured.reset();
        }
    }

    private static Path hostsFile(String bucketHost) throws Exception {
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost ").append(bucketHost);
        try {
            hosts.append(' ').append(InetAddress.getLocalHost().getHostName());
        } catch (java.net.UnknownHostException e) {
            // a machine without its own name in /etc/hosts: nothing to add
        }
        Path file = Files.createTempFile("gateway-hosts-", ".txt");
        Files.writeString(file, hosts.append('\n').toString());
        return file;
    }
}
