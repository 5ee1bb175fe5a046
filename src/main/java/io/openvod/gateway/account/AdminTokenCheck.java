package io.openvod.gateway.account;

import io.openvod.gateway.core.settings.AdminTokenRule;
import io.openvod.gateway.core.settings.InvalidSettingException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refuses to start with an admin token that could be guessed (see {@link AdminTokenRule}). */
@ApplicationScoped
public class AdminTokenCheck {

    private final AdminConfig config;

    public AdminTokenCheck(AdminConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(0) StartupEvent start) {
        try {
            AdminTokenRule.check(config.token());
        } catch (InvalidSettingException e) {
            // Printed by Quarkus as this sentence alone, without a stack trace.
            throw new ConfigurationException(e.getMessage());
        }
    }
}
