package io.openvod.gateway.it;
import static io.restassured.RestAssured.given;

import io.openvod.gateway.support.OwnTestDatabase;
import io.openvod.gateway.support.TestAccount;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway ({@code target/quarkus-app/quarkus-run.jar}) in its own JVM, as it runs in production:
 * prod profile, configuration from the environment, free ports. Integration tests send it signals and traffic.
 */
public final class GatewayProcess implements AutoCloseable {

    public static final String ADMIN_TOKEN = "it-admin-token-" + UUID.randomUUID();
    /** One key for every gateway of this test run: the database remembers the key its secrets are encrypted with. */
    public static final String ENCRYPTION_KEY = randomKey();

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private GatewayProcess(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts the jar with {@code extraEnvironment} on top of the defaults and waits until it is ready. */
    public static GatewayProcess start(Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        GatewayProcess gateway = launch(extraEnvironment);
        gateway.awaitReady();
        return gateway;
    }

    /**
     * Starts the jar with {@code extraEnvironment} (a value of {@code null} removes the variable) and expects it to
     * refuse to start: returns its output once it has exited.
     */
    public static String startExpectingRefusal(Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        try (GatewayProcess gateway = launch(extraEnvironment)) {
            if (!gateway.process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the gateway did not stop within 60 s:\n" + gateway.log());
            }
            if (gateway.process.exitValue() == 0) {
                throw new AssertionError("the gateway exited with status 0:\n" + gateway.log());
            }
            return gateway.log();
        }
    }

    public static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static GatewayProcess launch(Map<String, String> extraEnvironment) throws IOException {
        File jar = new File("target/quarkus-app/quarkus-run.jar");
        if (!jar.isFile()) {
            throw new IllegalStateException(jar + " is missing: integration tests run after `package`");
        }
        int port = freePort();
        int managementPort = freePort();
        Path log = Files.createTempFile("gateway-", ".log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar", jar.getPath())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PORT", String.valueOf(port));
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("VOD_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("VOD_SECRET_ENCRYPTION_KEY", ENCRYPTION_KEY);
        env.put("DB_NAME", OwnTestDatabase.name());
        // the packaged gateway leaves the shared broker's default queues alone (the Quarkus tests cover transcoding)
        env.put("VOD_TRANSCODE_RELAY_ENABLED", "false");
        env.put("VOD_TRANSCODE_RESULTS_ENABLED", "false");
        env.put("VOD_CALLBACK_ENABLED", "false");
        extraEnvironment.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return new GatewayProcess(builder.start(), port, managementPort, log);
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The admin API, authorised. */
    public RequestSpecification admin() {
        return given().baseUri("http://127.0.0.1").port(managementPort).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    /** An account with a key, a bucket, a template group, a workflow and a category, made through the admin API. */
    public TestAccount provisionAccount(int rateLimitPerSecond) {
        String unique = UUID.randomUUID().toString().replace("-", "");
        long id = admin().body(Map.of("name", "it-" + unique, "rateLimitPerSecond", rateLimitPerSecond))
                .post("/admin/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        var key = admin().body(Map.of()).post("/admin/accounts/" + id + "/access-keys")
                .then().statusCode(201).extract().jsonPath();
        String bucket = "it-" + unique.substring(0, 12) + ".oss-cn-shanghai.aliyuncs.com";
        admin().body(Map.of("host", bucket)).post("/admin/accounts/" + id + "/storage-locations").then().statusCode(201);
        String templateGroup = admin().body(Map.of("name", "tg")).post("/admin/accounts/" + id + "/template-groups")
                .then().statusCode(201).extract().path("id");
        String workflow = admin().body(Map.of("name", "wf")).post("/admin/accounts/" + id + "/workflows")
                .then().statusCode(201).extract().path("id");
        long cateId = admin().body(Map.of("name", "cat")).post("/admin/accounts/" + id + "/categories")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        return new TestAccount(id, key.getString("accessKeyId"), key.getString("accessKeySecret"), bucket,
                templateGroup, workflow, cateId);
    }

    /** SIGTERM, as Kubernetes sends it. */
    public void terminate() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited during start:\n" + log());
            }
            try {
                if (given().baseUri("http://127.0.0.1").port(managementPort).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYetListening) { // ConnectException arrives unchecked-but-checked from REST Assured
                // keep polling
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("gateway not ready within 60 s:\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static boolean isListening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
