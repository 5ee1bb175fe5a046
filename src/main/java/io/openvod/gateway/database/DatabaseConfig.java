package io.openvod.gateway.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where PostgreSQL is (the datasource URLs in application.properties are built from these) and how long to wait. */
@ConfigMapping(prefix = "vod.db")
public interface DatabaseConfig {

    /** {@code DB_HOST}. */
    @WithDefault("127.0.0.1")
    String host();

    /** {@code DB_PORT}. */
    @WithDefault("5432")
    int port();

    /** {@code DB_NAME}. */
    @WithDefault("test")
    String name();

    /**
     * Longest wait for one statement a request waits on (registration, AccessKey lookup), the wait for a pooled
     * connection included; then 503.
     */
    @WithDefault("2s")
    Duration statementTimeout();
}
