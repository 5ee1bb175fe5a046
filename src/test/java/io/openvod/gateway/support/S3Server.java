package io.openvod.gateway.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * A real S3 server for the tests: S3Proxy (org.gaul:s3proxy, its self-contained jar, copied to target/s3proxy by the
 * build) in its own process on a free loopback port, with an in-memory store and AWS signature checking on. One
 * process serves the whole test JVM; it stops with the JVM. Clients address it as {@code localhost}: path-style with
 * that host, virtual-hosted as {@code <bucket>.localhost} (for a JVM whose resolver maps that name to 127.0.0.1;
 * S3Proxy would take any other host name, 127.0.0.1 included, for a bucket).
 */
public final class S3Server {

    public static final String REGION = "us-east-1";
    public static final String VIRTUAL_HOST = "localhost";

    private static final class Holder {
        static final S3Server SHARED = start();
    }

    private final int port;
    private final String accessKeyId;
    private final String secret;
    private final S3AsyncClient client;

    private S3Server(int port, String accessKeyId, String secret) {
        this.port = port;
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.client = S3AsyncClient.builder().endpointOverride(URI.create(endpoint(port)))
                .region(Region.of(REGION)).forcePathStyle(true)
                // S3Proxy does not read the SDK's default aws-chunked uploads with trailing checksums
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .build();
    }

    public static S3Server shared() {
        return Holder.SHARED;
    }

    public int port() {
        return port;
    }

    /** The endpoint for clients connecting to {@code port} (the server's, or a proxy's in front of it). */
    public static String endpoint(int port) {
        return "http://" + VIRTUAL_HOST + ":" + port;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secret() {
        return secret;
    }

    /** A new bucket with a unique name. */
    public String newBucket() {
        String bucket = "b-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        createBucket(bucket);
        return bucket;
    }

    public void createBucket(String bucket) {
        client.createBucket(b -> b.bucket(bucket)).join();
    }

    public void put(String bucket, String key, byte[] content, String contentType) {
        client.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), AsyncRequestBody.fromBytes(content))
                .join();
    }

    private static S3Server start() {
        try {
            Path jar = Path.of("target/s3proxy/s3proxy.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: the build copies it (pom.xml, maven-dependency-plugin)");
            }
            int port = freePort();
            String keyId = "s3test" + UUID.randomUUID().toString().substring(0, 8);
            String secret = UUID.randomUUID().toString();
            Path config = Files.createTempFile("s3proxy-", ".properties");
            Files.writeString(config, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.virtual-host=" + VIRTUAL_HOST,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + keyId,
                    "s3proxy.credential=" + secret,
                    "jclouds.provider=transient",
                    "jclouds.identity=" + keyId,
                    "jclouds.credential=" + secret,
                    ""));
            Path log = Files.createTempFile("s3proxy-", ".log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--properties", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            awaitListening(process, port, log);
            return new S3Server(port, keyId, secret);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
    }

    private static void awaitListening(Process process, int port, Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited:\n" + Files.readString(log));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("S3Proxy not listening within 60 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
