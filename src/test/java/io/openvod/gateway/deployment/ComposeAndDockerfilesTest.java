package io.openvod.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * There is no container engine here, so the images and the compose file are checked by what can be read: the
 * files they reference exist, ports and environment names match the application's configuration, and the load
 * balancer passes the Host header the V3 signature covers.
 */
class ComposeAndDockerfilesTest {

    private static final Path DEPLOYMENT = Path.of("deployment");
    private static final Path COMPOSE = DEPLOYMENT.resolve("compose.yaml");
    private static final Path NGINX = DEPLOYMENT.resolve("nginx/nginx.conf");
    private static final Path JVM = DEPLOYMENT.resolve("docker/Dockerfile.jvm");
    private static final Path NATIVE = DEPLOYMENT.resolve("docker/Dockerfile.native");
    private static final ApplicationConfiguration APP = ApplicationConfiguration.load();

    @Test
    void gatewayServicesAreBuiltFromTheJvmDockerfileInTheRepository() throws IOException {
        Map<String, JsonNode> gateways = gateways();
        assertThat(gateways).hasSize(2);
        gateways.forEach((name, service) -> {
            Path context = DEPLOYMENT.resolve(service.path("build").path("context").asText()).normalize();
            assertThat(context.toAbsolutePath()).isEqualTo(Path.of("").toAbsolutePath());
            assertThat(context.resolve(service.path("build").path("dockerfile").asText())).isEqualTo(JVM);
        });
    }

    @Test
    void everyMountedFileExists() throws IOException {
        services().forEach((name, service) -> service.path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".")) {
                assertThat(DEPLOYMENT.resolve(source)).as(name + " mounts " + source).exists();
            }
        }));
    }

    @Test
    void gatewayEnvironmentUsesOnlyVariablesTheApplicationReads() throws IOException {
        Set<String> read = APP.environmentVariables();
        for (Map.Entry<String, JsonNode> gateway : gateways().entrySet()) {
            Set<String> unknown = new TreeSet<>(environment(gateway.getValue()).keySet());
            unknown.removeAll(read);
            KubernetesManifestsTest.DISTRIBUTED_SETTINGS.forEach((env, property) -> {
                if (!APP.knows(property)) {
                    unknown.remove(env);
                }
            });
            assertThat(unknown).as(gateway.getKey() + ": variables the application does not read").isEmpty();
            assertThat(environment(gateway.getValue())).containsKeys(APP.requiredEnvironmentVariables().toArray(String[]::new));
        }
    }

    @Test
    void replicasShareNoncesRateLimitsAndTheEncryptionKey() throws IOException {
        List<Map<String, String>> environments = gateways().values().stream().map(ComposeAndDockerfilesTest::environment).toList();
        for (Map<String, String> env : environments) {
            assertThat(env.get("VOD_AUTH_NONCE_STORE")).isEqualToIgnoringCase("redis");
            assertThat(env.get("VOD_RATE_LIMIT_BACKEND")).isEqualToIgnoringCase("redis");
            assertThat(env.get("VOD_RATE_LIMIT_REPLICAS")).isEqualTo(String.valueOf(environments.size()));
            assertThat(env).isEqualTo(environments.get(0));
        }
    }

    @Test
    void databaseAndRedisAreServicesOfTheComposeFile() throws IOException {
        Map<String, JsonNode> services = services();
        for (JsonNode gateway : gateways().values()) {
            Map<String, String> env = environment(gateway);
            assertThat(services).containsKey(env.get("DB_HOST"));
            assertThat(services).containsKey(URI.create(env.get("REDIS_URL")).getHost());
            assertThat(services.get(env.get("DB_HOST")).path("environment").path("POSTGRES_DB").asText())
                    .isEqualTo(env.get("DB_NAME"));
            for (JsonNode dependency : List.of(services.get(env.get("DB_HOST")), services.get(URI.create(env.get("REDIS_URL")).getHost()))) {
                assertThat(dependency.has("healthcheck")).isTrue();
            }
        }
    }

    @Test
    void loadBalancerSendsToEveryReplicaOnTheApplicationPort() throws IOException {
        String nginx = Files.readString(NGINX);
        Set<String> upstreams = new TreeSet<>();
        Matcher server = Pattern.compile("(?m)^\\s*server\\s+([\\w.-]+):(\\d+)").matcher(nginx);
        Map<String, JsonNode> gateways = gateways();
        while (server.find()) {
            upstreams.add(server.group(1));
            Map<String, String> env = environment(gateways.get(server.group(1)));
            assertThat(server.group(2)).isEqualTo(APP.value("quarkus.http.port", env, "8080"));
        }
        assertThat(upstreams).isEqualTo(gateways.keySet());
        assertThat(services().get("lb").path("volumes").toString()).contains("./nginx/nginx.conf");
    }

    @Test
    void loadBalancerKeepsTheHostHeaderAndTheRawRequestLine() throws IOException {
        String nginx = Files.readString(NGINX).replaceAll("(?m)#.*$", "");
        assertThat(nginx).containsPattern("proxy_set_header\\s+Host\\s+\\$http_host\\s*;");
        // proxy_pass with a URI part would make nginx re-encode the path and query the signature covers.
        assertThat(nginx).containsPattern("proxy_pass\\s+http://gateway\\s*;");
    }

    @Test
    void managementPortIsPublishedOnLoopbackOnly() throws IOException {
        String management = APP.value("quarkus.management.port", Map.of(), "9000");
        for (Map.Entry<String, JsonNode> gateway : gateways().entrySet()) {
            JsonNode ports = gateway.getValue().path("ports");
            assertThat(ports).isNotEmpty();
            ports.forEach(port -> {
                assertThat(port.asText()).startsWith("127.0.0.1:").endsWith(":" + management);
            });
        }
    }

    @Test
    void jvmImageCopiesTheFastJarLayoutAndRunsAsNonRoot() throws IOException {
        Dockerfile jvm = Dockerfile.read(JVM);
        assertThat(APP.value("quarkus.package.jar.type", Map.of(), "fast-jar")).isEqualTo("fast-jar");
        assertThat(jvm.copySources()).containsExactly("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
                "target/quarkus-app/app/", "target/quarkus-app/quarkus/", "deployment/jvm-options");
        assertThat(jvm.env("JAVA_APP_JAR")).isEqualTo("/deployments/quarkus-run.jar");
        assertNonRootAndExposesApplicationPorts(jvm);
        assertBuiltFilesExist(jvm);
    }

    @Test
    void jvmImageRunsWithTheJvmOptionsTheBenchmarkMeasures() throws IOException {
        Dockerfile jvm = Dockerfile.read(JVM);
        assertThat(jvm.last("ENTRYPOINT")).startsWith("[ \"java\", \"@/deployments/jvm-options\"");
        assertThat(jvm.last("RUN")).startsWith("java @/deployments/jvm-options ");
        assertThat(Files.readString(DEPLOYMENT.resolve("bench/benchmark.sh")))
                .contains("GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-$(grep -v '^#' \"$ROOT/deployment/jvm-options\" | xargs)}");
        // The image's Java is the Java the benchmark ran the options on
        assertThat(jvm.last("FROM")).contains("openjdk-" + Runtime.version().feature() + "-runtime");
    }

    @Test
    void jvmOptionsFileHoldsOnlyJvmOptions() throws IOException {
        List<String> options = Files.readAllLines(DEPLOYMENT.resolve("jvm-options")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(options).isNotEmpty().allMatch(o -> o.startsWith("-X") || o.startsWith("-D"));
        assertThat(options).filteredOn(o -> o.startsWith("-Xmx")).hasSize(1);
    }

    @Test
    void nativeImageCopiesTheRunnerAndRunsAsNonRoot() throws IOException {
        Dockerfile nativeImage = Dockerfile.read(NATIVE);
        assertThat(nativeImage.copySources()).containsExactly("target/*-runner");
        assertNonRootAndExposesApplicationPorts(nativeImage);
        assertBuiltFilesExist(nativeImage);
    }

    @Test
    void dockerIgnoreLetsTheCopiedFilesThrough() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();
        for (Path file : List.of(JVM, NATIVE)) {
            for (String source : Dockerfile.read(file).copySources()) {
                assertThat(ignore).as(source).anyMatch(allowed -> source.startsWith(allowed.replace("*", ""))
                        || source.equals(allowed));
            }
        }
    }

    private static void assertNonRootAndExposesApplicationPorts(Dockerfile dockerfile) {
        assertThat(Integer.parseInt(dockerfile.last("USER"))).isPositive();
        assertThat(dockerfile.last("EXPOSE").split("\\s+")).containsExactlyInAnyOrder(
                APP.value("quarkus.http.port", Map.of(), "8080"), APP.value("quarkus.management.port", Map.of(), "9000"));
    }

    /** After {@code mvn package} the copied paths exist; before it (the test phase) there is nothing to check. */
    private static void assertBuiltFilesExist(Dockerfile dockerfile) throws IOException {
        if (!Files.isDirectory(Path.of("target/quarkus-app")) && dockerfile.copySources().get(0).contains("quarkus-app")) {
            return;
        }
        for (String source : dockerfile.copySources()) {
            if (source.contains("*")) {
                Path dir = Path.of(source).getParent();
                var matcher = FileSystems.getDefault().getPathMatcher("glob:" + source);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        List<Path> matched = files.filter(matcher::matches).toList();
                        if (!source.endsWith("-runner")) {
                            assertThat(matched).as(source).isNotEmpty();
                        }
                    }
                }
            } else {
                assertThat(Path.of(source)).as(source).exists();
            }
        }
    }

    private static Map<String, JsonNode> services() throws IOException {
        // SnakeYAML itself, because Jackson's YAML parser does not apply merge keys ("<<: *gateway").
        Object loaded = new org.yaml.snakeyaml.Yaml().load(Files.readString(COMPOSE));
        JsonNode compose = StrictManifests.YAML.valueToTree(loaded);
        Map<String, JsonNode> services = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    private static Map<String, JsonNode> gateways() throws IOException {
        Map<String, JsonNode> gateways = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (service.has("build")) {
                gateways.put(name, service);
            }
        });
        return gateways;
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        service.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /** The instructions of a Dockerfile that these checks need. */
    record Dockerfile(List<String[]> instructions) {

        static Dockerfile read(Path file) throws IOException {
            List<String[]> instructions = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    instructions.add(trimmed.split("\\s+", 2));
                }
            }
            return new Dockerfile(instructions);
        }

        String last(String instruction) {
            return instructions.stream().filter(i -> i[0].equals(instruction)).reduce((a, b) -> b)
                    .map(i -> i[1]).orElseThrow(() -> new AssertionError("no " + instruction));
        }

        String env(String name) {
            return instructions.stream().filter(i -> i[0].equals("ENV") && i[1].startsWith(name + "="))
                    .map(i -> i[1].substring(name.length() + 1).replace("\"", "")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no ENV " + name));
        }

        /** The source of every COPY, options left out. */
        List<String> copySources() {
            return instructions.stream().filter(i -> i[0].equals("COPY")).map(i -> {
                List<String> words = new ArrayList<>(List.of(i[1].split("\\s+")));
                words.removeIf(w -> w.startsWith("--"));
                return words.get(0);
            }).toList();
        }
    }
}
