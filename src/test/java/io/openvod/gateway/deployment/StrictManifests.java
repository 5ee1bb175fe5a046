package io.openvod.gateway.deployment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes YAML into the fabric8 model, one class per apiVersion and kind we use, and refuses what the
 * model does not know. The fabric8 classes keep unknown fields in {@code additionalProperties} instead of
 * failing, so every object of the parsed tree is walked and any such field is reported with its path.
 */
final class StrictManifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

    private StrictManifests() {
    }

    static List<HasMetadata> parseFile(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (multi-document) YAML text, typed and checked. */
    static List<HasMetadata> parse(String yaml, String source) {
        List<HasMetadata> resources = new ArrayList<>();
        try {
            for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    resources.add(typed(document, source));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(source + ": " + e.getMessage(), e);
        }
        return resources;
    }

    private static HasMetadata typed(JsonNode document, String source) throws IOException {
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        Class<? extends HasMetadata> model = TYPES.get(type);
        if (model == null) {
            throw new AssertionError(source + ": no model for " + type + " (known: " + TYPES.keySet() + ")");
        }
        HasMetadata resource = YAML.treeToValue(document, model);
        String where = source + ": " + type + " " + ((ObjectNode) document).path("metadata").path("name").asText();
        List<String> unknown = new ArrayList<>();
        collectUnknown(resource, "", unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError(where + " has fields the Kubernetes model does not know: " + unknown);
        }
        return resource;
    }

    private static void collectUnknown(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, path + "." + k, unknown));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) child).keySet().forEach(k -> unknown.add(path + "." + k));
            } else {
                collectUnknown(child, path + "." + property(getter), unknown);
            }
        }
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get") && method.getDeclaringClass() != Object.class
                && !method.getReturnType().isPrimitive() && method.getReturnType() != String.class;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter.toString(), e);
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
