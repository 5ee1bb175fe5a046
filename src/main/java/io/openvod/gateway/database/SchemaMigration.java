package io.openvod.gateway.database;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Migrates the schema before anything else starts, and turns "connection refused" into a sentence that names
 * the settings to change. Runs on the main thread at startup, where blocking JDBC is fine.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

    private final Flyway flyway;
    private final String jdbcUrl;

    public SchemaMigration(Flyway flyway, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl) {
        this.flyway = flyway;
        this.jdbcUrl = jdbcUrl;
    }

    void onStart(@Observes @Priority(1) StartupEvent start) {
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            LOG.errorf("Cannot migrate the database at %s: %s. Point the gateway at your PostgreSQL with DB_HOST, "
                    + "DB_PORT, DB_NAME, DB_USER and DB_PASSWORD (see README, Configuration), or start a local one "
                    + "with deployment/start-local-postgres.sh.", jdbcUrl, rootMessage(e));
            // Without a cause, Quarkus prints this sentence alone rather than a stack trace.
            throw new ConfigurationException("The gateway cannot start: PostgreSQL is not reachable at " + jdbcUrl
                    + " (set DB_HOST / DB_PORT / DB_NAME / DB_USER / DB_PASSWORD).");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
