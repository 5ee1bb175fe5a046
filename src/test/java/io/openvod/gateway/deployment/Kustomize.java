package io.openvod.gateway.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The kustomizations under {@code k8s/}: their own fields, and their output as rendered by kubectl. */
final class Kustomize {

    static final Path ROOT = Path.of("k8s");
    static final Path BASE = ROOT.resolve("base");
    static final List<Path> OVERLAYS = List.of(ROOT.resolve("overlays/dev"), ROOT.resolve("overlays/prod"));

    /** The kustomization fields these files use; anything else is a typo kubectl might only warn about. */
    static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches", "labels");

    private Kustomize() {
    }

    static JsonNode kustomization(Path dir) {
        try {
            return StrictManifests.YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base as kubectl would emit it, without patches: its resources files in order. */
    static List<HasMetadata> baseResources() {
        List<HasMetadata> resources = new ArrayList<>();
        kustomization(BASE).path("resources").forEach(r -> resources.addAll(StrictManifests.parseFile(BASE.resolve(r.asText()))));
        return resources;
    }

    /** {@code kubectl kustomize dir}, or empty when kubectl is not installed. */
    static Optional<String> render(Path dir) {
        Optional<String> kubectl = kubectl();
        if (kubectl.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(kubectl.get(), "kustomize", dir.toString()).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + new String(out, StandardCharsets.UTF_8));
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
