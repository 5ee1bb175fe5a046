package io.openvod.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** One deployable set of manifests (the base, or an overlay as kubectl renders it) and what it sets. */
record Variant(String name, List<HasMetadata> resources) {

    static final Path SECRET_TEMPLATE = Kustomize.BASE.resolve("secret.template.yaml");

    static Variant of(String name) {
        if (name.equals("base")) {
            return new Variant(name, Kustomize.baseResources());
        }
        Path dir = Kustomize.ROOT.resolve("overlays").resolve(name);
        Optional<String> rendered = Kustomize.render(dir);
        Assumptions.assumeTrue(rendered.isPresent(), "kubectl is not installed: overlay " + name + " not rendered");
        return new Variant(name, StrictManifests.parse(rendered.get(), "kubectl kustomize " + dir));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> kind) {
        List<T> found = all(kind);
        assertThat(found).as(name + ": exactly one " + kind.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    <T extends HasMetadata> T named(Class<T> kind, String resourceName) {
        return all(kind).stream().filter(r -> r.getMetadata().getName().equals(resourceName)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no " + kind.getSimpleName() + " " + resourceName));
    }

    Deployment deployment() {
        return one(Deployment.class);
    }

    Container gateway() {
        List<Container> containers = deployment().getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(name + ": one container").hasSize(1);
        return containers.get(0);
    }

    /**
     * The gateway's environment: ConfigMaps and Secrets from envFrom, then env entries. The Secret is not part of
     * the manifests; its keys come from the committed template.
     */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : gateway().getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                env.putAll(named(ConfigMap.class, source.getConfigMapRef().getName()).getData());
            }
            if (source.getSecretRef() != null) {
                Secret template = (Secret) StrictManifests.parseFile(SECRET_TEMPLATE).get(0);
                assertThat(template.getMetadata().getName()).isEqualTo(source.getSecretRef().getName());
                env.putAll(template.getStringData());
            }
        }
        for (EnvVar var : gateway().getEnv()) {
            env.put(var.getName(), var.getValue());
        }
        return env;
    }

    int containerPort(IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return gateway().getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no container port named " + port.getStrVal()));
    }

    int maxReplicas() {
        int replicas = Optional.ofNullable(deployment().getSpec().getReplicas()).orElse(1);
        return all(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class).stream()
                .mapToInt(h -> h.getSpec().getMaxReplicas()).reduce(replicas, Math::max);
    }

    @Override
    public String toString() {
        return name;
    }
}
