package io.openvod.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The derivation the manifest tests rely on, checked against settings we know the application has. */
class ApplicationConfigurationTest {

    private final ApplicationConfiguration config = ApplicationConfiguration.load();

    @Test
    void variablesNamedInPropertyExpressionsAreRead() {
        assertThat(config.environmentVariables()).contains("DB_HOST", "DB_PASSWORD", "REDIS_URL", "PORT");
    }

    @Test
    void configMappingPropertiesAreReadUnderTheirEnvironmentNames() {
        assertThat(config.knows("vod.account.demo.access-key-id")).isTrue();
        assertThat(config.environmentVariables()).contains("VOD_ACCOUNT_DEMO_ENABLED", "VOD_ENVELOPE_HOST_ID");
    }

    @Test
    void inventedVariablesAreNotRead() {
        assertThat(config.environmentVariables()).doesNotContain("VOD_NOT_A_SETTING", "DATABASE_URL");
    }

    @Test
    void theEncryptionKeyHasNoDefaultInProduction() {
        assertThat(config.requiredEnvironmentVariables()).contains("VOD_SECRET_ENCRYPTION_KEY");
    }

    @Test
    void valuesResolveFromTheEnvironmentThenTheirDefault() {
        assertThat(config.value("quarkus.http.port", Map.of())).contains("8080");
        assertThat(config.value("quarkus.http.port", Map.of("PORT", "8081"))).contains("8081");
        assertThat(config.value("quarkus.http.port", Map.of("QUARKUS_HTTP_PORT", "8082"))).contains("8082");
    }
}
