package io.openvod.gateway.deployment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the application reads, derived from its sources rather than listed by hand: the keys and values of
 * {@code application.properties}, and every property of the {@code @ConfigMapping} interfaces. Environment
 * variables it honours are those named in a {@code ${NAME...}} expression, and the MicroProfile Config
 * environment names of all those properties ({@code vod.rate-limit.backend} is {@code VOD_RATE_LIMIT_BACKEND}).
 */
final class ApplicationConfiguration {

    static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern ENV_WITH_DEFAULT = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}$");

    private final Map<String, String> properties;
    private final Set<String> mappedProperties;

    private ApplicationConfiguration(Map<String, String> properties, Set<String> mappedProperties) {
        this.properties = properties;
        this.mappedProperties = mappedProperties;
    }

    static ApplicationConfiguration load() {
        return new ApplicationConfiguration(readProperties(), configMappingProperties());
    }

    /** Every environment variable name the application reads. */
    Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>();
        properties.forEach((key, value) -> {
            names.add(environmentName(withoutProfile(key)));
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                names.add(m.group(1));
            }
        });
        mappedProperties.forEach(p -> names.add(environmentName(p)));
        return names;
    }

    /**
     * Environment variables the production profile cannot start without: referenced with no default, or on a
     * property whose comment starts with {@code # Required} (checked by the application, to explain it in a sentence).
     */
    Set<String> requiredEnvironmentVariables() {
        Set<String> names = new TreeSet<>(markedRequired());
        properties.forEach((key, value) -> {
            Matcher m = ENV_WITH_DEFAULT.matcher(value);
            if (!key.startsWith("%") && m.matches() && m.group(2) == null) {
                names.add(m.group(1));
            }
        });
        return names;
    }

    /**
     * The value of a property in the production profile with {@code environment} applied: a value of the form
     * {@code ${ENV:default}} resolves to the environment's value, else the default; empty when unset.
     */
    Optional<String> value(String key, Map<String, String> environment) {
        String env = environmentName(key);
        if (environment.containsKey(env)) {
            return Optional.of(environment.get(env));
        }
        String value = properties.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = ENV_WITH_DEFAULT.matcher(value);
        if (m.matches()) {
            return Optional.ofNullable(environment.getOrDefault(m.group(1), m.group(2)));
        }
        return Optional.of(value);
    }

    String value(String key, Map<String, String> environment, String quarkusDefault) {
        return value(key, environment).orElse(quarkusDefault);
    }

    boolean knows(String property) {
        return properties.containsKey(property) || mappedProperties.contains(property);
    }

    private static Set<String> markedRequired() {
        Set<String> names = new TreeSet<>();
        try {
            boolean marked = false;
            for (String line : Files.readAllLines(PROPERTIES)) {
                Matcher m = Pattern.compile("^[a-z][^=]*=\\$\\{([A-Z][A-Z0-9_]*)").matcher(line);
                if (marked && m.find()) {
                    names.add(m.group(1));
                }
                marked = line.startsWith("# Required") || (marked && line.startsWith("#"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String withoutProfile(String key) {
        return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
    }

    private static Map<String, String> readProperties() {
        Properties loaded = new Properties();
        try (InputStream in = Files.newInputStream(PROPERTIES)) {
            loaded.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new HashMap<>();
        loaded.stringPropertyNames().forEach(k -> map.put(k, loaded.getProperty(k)));
        return map;
    }

    private static Set<String> configMappingProperties() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("io/openvod/gateway"))) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(file -> {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                ConfigMapping mapping = type == null ? null : type.getAnnotation(ConfigMapping.class);
                if (mapping != null) {
                    collect(type, mapping.prefix(), names);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApplicationConfiguration.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static void collect(Class<?> group, String prefix, Set<String> names) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String property = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Class<?> nested = groupType(method.getGenericReturnType());
            if (nested != null) {
                collect(nested, property, names);
            } else {
                names.add(property);
            }
        }
    }

    /** The interface of a nested group (possibly inside Optional), or null for a leaf value. */
    private static Class<?> groupType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            type = parameterized.getActualTypeArguments()[0];
        }
        if (type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("io.openvod.")
                && c != OptionalInt.class && c != OptionalLong.class) {
            return c;
        }
        return null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
