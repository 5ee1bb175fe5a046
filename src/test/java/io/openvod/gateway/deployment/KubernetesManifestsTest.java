package io.openvod.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests under {@code k8s/}, parsed with the fabric8 Kubernetes model (unknown fields fail), checked
 * against what the application actually reads: ports, health paths, environment variable names.
 */
class KubernetesManifestsTest {

    private static final ApplicationConfiguration APP = ApplicationConfiguration.load();

    /**
     * Settings of features built on other branches. Until their properties exist in this build, the variables are
     * left out of {@link #environmentVariablesAreOnesTheApplicationReads} and checked, once they do, by
     * {@link #distributedModeSettingsAreOnesTheApplicationReads}.
     */
    static final Map<String, String> DISTRIBUTED_SETTINGS = Map.of(
            "VOD_AUTH_NONCE_STORE", "vod.auth.nonce-store",
            "VOD_RATE_LIMIT_BACKEND", "vod.rate-limit.backend",
            "VOD_RATE_LIMIT_REPLICAS", "vod.rate-limit.replicas",
            "VOD_ADMIN_TOKEN", "vod.admin.token");

    @Test
    void everyManifestFileParsesWithTheKubernetesModel() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Kustomize.ROOT)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : files) {
            assertThat(StrictManifests.parseFile(file)).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void aMisspelledFieldIsRejected() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: c
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 9000}}
                """;
        assertThatThrownBy(() -> StrictManifests.parse(yaml, "inline"))
                .hasMessageContaining("spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void kustomizationsUseKnownFieldsAndExistingFiles() {
        List<Path> dirs = new ArrayList<>(Kustomize.OVERLAYS);
        dirs.add(Kustomize.BASE);
        for (Path dir : dirs) {
            JsonNode kustomization = Kustomize.kustomization(dir);
            for (Iterator<String> names = kustomization.fieldNames(); names.hasNext();) {
                assertThat(Kustomize.FIELDS).as(dir + " field").contains(names.next());
            }
            kustomization.path("resources").forEach(r -> assertThat(dir.resolve(r.asText())).as(dir + " resource").exists());
            kustomization.path("patches").forEach(p -> {
                if (p.has("path")) {
                    assertThat(dir.resolve(p.path("path").asText())).as(dir + " patch").exists();
                }
            });
        }
    }

    @Test
    void secretTemplateHoldsNoRealValue() {
        Secret template = (Secret) StrictManifests.parseFile(Variant.SECRET_TEMPLATE).get(0);
        assertThat(template.getData()).isNullOrEmpty();
        assertThat(template.getStringData()).isNotEmpty().allSatisfy((key, value) -> assertThat(value).isEqualTo("REPLACE_ME"));
        assertThat(Kustomize.kustomization(Kustomize.BASE).path("resources").toString()).doesNotContain("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void containerPortsAreTheApplicationPorts(String name) {
        Variant variant = Variant.of(name);
        Map<String, String> env = variant.environment();
        Container gateway = variant.gateway();
        assertThat(portNamed(gateway, "http")).isEqualTo(Integer.parseInt(APP.value("quarkus.http.port", env, "8080")));
        assertThat(portNamed(gateway, "management"))
                .isEqualTo(Integer.parseInt(APP.value("quarkus.management.port", env, "9000")));
        assertThat(APP.value("quarkus.management.enabled", env)).contains("true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void probesUseTheHealthPathsOnTheManagementPort(String name) {
        Variant variant = Variant.of(name);
        Map<String, String> env = variant.environment();
        Container gateway = variant.gateway();
        String health = managementRoot(env) + "/" + APP.value("quarkus.smallrye-health.root-path", env, "health") + "/";
        int management = Integer.parseInt(APP.value("quarkus.management.port", env, "9000"));

        assertProbe(variant, gateway.getStartupProbe(), health + APP.value("quarkus.smallrye-health.startup-path", env, "started"), management);
        assertProbe(variant, gateway.getLivenessProbe(), health + APP.value("quarkus.smallrye-health.liveness-path", env, "live"), management);
        assertProbe(variant, gateway.getReadinessProbe(), health + APP.value("quarkus.smallrye-health.readiness-path", env, "ready"), management);
    }

    /**
     * The image runs with deployment/jvm-options; besides the heap the JVM held up to about 300 MiB in the benchmark
     * (metaspace, code, symbols, the collector, libraries: peak resident memory minus the 128 MiB heap,
     * docs/benchmarks.md, "Where the memory goes").
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void memoryLimitLeavesRoomForTheJvmBesidesItsHeap(String name) throws java.io.IOException {
        String xmx = java.nio.file.Files.readAllLines(java.nio.file.Path.of("deployment/jvm-options")).stream()
                .map(String::trim).filter(o -> o.startsWith("-Xmx")).findFirst().orElseThrow().substring(4).toLowerCase();
        long unit = switch (xmx.charAt(xmx.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L;
        };
        long heap = Long.parseLong(xmx.replaceAll("[kmg]$", "")) * unit;
        long limit = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
                Variant.of(name).gateway().getResources().getLimits().get("memory")).longValue();
        assertThat(limit).isGreaterThanOrEqualTo(heap + (384L << 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void podRunsAsNonRootOnAReadOnlyFilesystem(String name) {
        Variant variant = Variant.of(name);
        PodSpec pod = variant.deployment().getSpec().getTemplate().getSpec();
        Container gateway = variant.gateway();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(gateway.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(gateway.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(gateway.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
        String tmpVolume = gateway.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow(() -> new AssertionError("/tmp must be writable")).getName();
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(tmpVolume)).singleElement()
                .extracting(Volume::getEmptyDir).isNotNull();
        assertThat(gateway.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(gateway.getResources().getLimits()).containsKey("memory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void terminationOutlastsEndpointDrainAndGracefulShutdown(String name) {
        Variant variant = Variant.of(name);
        Map<String, String> env = variant.environment();
        List<String> preStop = variant.gateway().getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
        long drain = Long.parseLong(preStop.get(1));
        long shutdown = APP.value("quarkus.shutdown.timeout", env).map(KubernetesManifestsTest::seconds).orElse(0L);
        assertThat(drain).isPositive();
        assertThat(variant.deployment().getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isGreaterThan(drain + shutdown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void environmentVariablesAreOnesTheApplicationReads(String name) {
        Set<String> read = APP.environmentVariables();
        Set<String> unknown = new TreeSet<>(Variant.of(name).environment().keySet());
        unknown.removeAll(read);
        DISTRIBUTED_SETTINGS.forEach((env, property) -> {
            if (!APP.knows(property)) {
                unknown.remove(env);
            }
        });
        assertThat(unknown).as("variables the application does not read").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void requiredSettingsAreProvided(String name) {
        Map<String, String> env = Variant.of(name).environment();
        assertThat(env).containsKeys(APP.requiredEnvironmentVariables().toArray(String[]::new));
        assertThat(env).containsKeys("DB_HOST", "DB_NAME", "DB_USER", "DB_PASSWORD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void severalReplicasShareNoncesAndRateLimitsInRedis(String name) {
        Variant variant = Variant.of(name);
        Map<String, String> env = variant.environment();
        Assumptions.assumeTrue(variant.maxReplicas() > 1, name + " runs a single replica");
        assertThat(env.get("VOD_AUTH_NONCE_STORE")).isEqualToIgnoringCase("redis");
        assertThat(env.get("VOD_RATE_LIMIT_BACKEND")).isEqualToIgnoringCase("redis");
        assertThat(env).containsKey("REDIS_URL");
        assertThat(Integer.parseInt(env.get("VOD_RATE_LIMIT_REPLICAS")))
                .isBetween(variant.all(HorizontalPodAutoscaler.class).stream()
                        .mapToInt(h -> h.getSpec().getMinReplicas()).min().orElse(1), variant.maxReplicas());
    }

    @Test
    void distributedModeSettingsAreOnesTheApplicationReads() {
        List<String> missing = DISTRIBUTED_SETTINGS.values().stream().filter(p -> !APP.knows(p)).sorted().toList();
        Assumptions.assumeTrue(missing.isEmpty(), "not in this build yet: " + missing);
        assertThat(APP.environmentVariables()).containsAll(DISTRIBUTED_SETTINGS.keySet());
        DISTRIBUTED_SETTINGS.forEach((env, property) ->
                assertThat(ApplicationConfiguration.environmentName(property)).isEqualTo(env));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void servicesAutoscalerBudgetAndPolicySelectTheGatewayPods(String name) {
        Variant variant = Variant.of(name);
        Deployment deployment = variant.deployment();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

        for (Service service : variant.all(Service.class)) {
            assertThat(podLabels).as(service.getMetadata().getName()).containsAllEntriesOf(service.getSpec().getSelector());
            for (ServicePort port : service.getSpec().getPorts()) {
                variant.containerPort(port.getTargetPort());
            }
        }
        HorizontalPodAutoscaler hpa = variant.one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(podLabels).containsAllEntriesOf(variant.one(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
        NetworkPolicy policy = variant.one(NetworkPolicy.class);
        assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        policy.getSpec().getIngress().stream().flatMap(rule -> rule.getPorts().stream()).map(NetworkPolicyPort::getPort)
                .forEach(variant::containerPort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void serviceMonitorScrapesTheMetricsPathOnTheManagementService(String name) {
        Variant variant = Variant.of(name);
        Map<String, String> env = variant.environment();
        ServiceMonitor monitor = variant.one(ServiceMonitor.class);
        List<Service> scraped = variant.all(Service.class).stream()
                .filter(s -> s.getMetadata().getLabels().entrySet()
                        .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet()))
                .toList();
        assertThat(scraped).hasSize(1);
        Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
        ServicePort port = scraped.get(0).getSpec().getPorts().stream()
                .filter(p -> p.getName().equals(endpoint.getPort())).findFirst().orElseThrow();
        assertThat(variant.containerPort(port.getTargetPort()))
                .isEqualTo(Integer.parseInt(APP.value("quarkus.management.port", env, "9000")));
        assertThat(endpoint.getPath())
                .isEqualTo(managementRoot(env) + "/" + APP.value("quarkus.micrometer.export.prometheus.path", env, "metrics"));
    }

    @Test
    void theRpcServiceDoesNotExposeTheManagementPort() {
        Variant base = Variant.of("base");
        int management = base.containerPort(new io.fabric8.kubernetes.api.model.IntOrString("management"));
        Service rpc = base.named(Service.class, "vod-gateway");
        assertThat(rpc.getSpec().getPorts()).noneMatch(p -> base.containerPort(p.getTargetPort()) == management);
    }

    private static void assertProbe(Variant variant, Probe probe, String path, int port) {
        assertThat(probe).as(variant + " probe for " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(variant.containerPort(probe.getHttpGet().getPort())).isEqualTo(port);
    }

    private static int portNamed(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port " + name)).getContainerPort();
    }

    private static String managementRoot(Map<String, String> env) {
        String root = APP.value("quarkus.management.root-path", env, "/q");
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** A Quarkus duration: ISO-8601, or a number with an optional unit (seconds when there is none). */
    static long seconds(String duration) {
        String text = duration.trim().toUpperCase(Locale.ROOT);
        if (text.matches("\\d+")) {
            return Long.parseLong(text);
        }
        return Duration.parse(text.startsWith("P") ? text : "PT" + text).toSeconds();
    }

}
