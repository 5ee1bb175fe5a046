package io.openvod.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * A storage location with a connection to a fresh bucket of the tests' S3 server, set through the admin API. The
 * gateway reaches the server through a {@link TcpProxy} of its own, which counts requests and can be cut or stalled.
 * Path-style: its FileURLs are {@code https://<host>/<bucket>/<key>}.
 */
public record VerifiedLocation(TestAccount account, String host, String bucket, TcpProxy proxy) implements AutoCloseable {

    /** Connected with the server's credentials. */
    public static VerifiedLocation create(TestAccounts accounts, TestAccount account) {
        return create(accounts, account, S3Server.shared().secret());
    }

    public static VerifiedLocation create(TestAccounts accounts, TestAccount account, String secret) {
        S3Server s3 = S3Server.shared();
        String host = "store-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        accounts.addStorageLocation(account, host);
        String bucket = s3.newBucket();
        TcpProxy proxy;
        try {
            proxy = new TcpProxy("127.0.0.1", s3.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connect(account, host, Map.of("endpoint", S3Server.endpoint(proxy.port()), "region", S3Server.REGION,
                "bucket", bucket, "addressingStyle", "path", "accessKeyId", s3.accessKeyId(), "accessKeySecret", secret));
        return new VerifiedLocation(account, host, bucket, proxy);
    }

    public static void connect(TestAccount account, String host, Map<String, String> connection) {
        Admin.call().body(connection)
                .put("/admin/accounts/" + account.id() + "/storage-locations/" + host + "/connection")
                .then().statusCode(200);
    }

    public String url(String key) {
        return "https://" + host + "/" + bucket + "/" + key;
    }

    /** Puts an object in the bucket and returns its FileURL. */
    public String put(String key, byte[] content, String contentType) {
        S3Server.shared().put(bucket, key, content, contentType);
        return url(key);
    }

    public String put(String key) {
        return put(key, ("content of " + key).getBytes(java.nio.charset.StandardCharsets.UTF_8), "video/mp4");
    }

    @Override
    public void close() throws IOException {
        proxy.close();
    }
}
