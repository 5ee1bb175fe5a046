package io.openvod.gateway.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.security.SecureRandom;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every test JVM (surefire's and failsafe's) a database of its own, so that {@code ./mvnw verify} never writes
 * into the database the run command uses ({@code DB_NAME}, default {@code test}). Before any test boots Quarkus it
 * creates {@code <DB_NAME or vod_test>_<random>} and sets {@code vod.db.name} (a system property outranks
 * {@code application.properties}); the gateway processes of the integration tests get it as {@code DB_NAME}. The
 * database is dropped when the test run ends.
 */
public final class OwnTestDatabase implements LauncherSessionListener {

    private static final String PROPERTY = "vod.db.name";

    private String created;

    /** The database of this test run. */
    public static String name() {
        String name = System.getProperty(PROPERTY);
        if (name == null) {
            throw new IllegalStateException(PROPERTY + " is not set: " + OwnTestDatabase.class.getName()
                    + " (META-INF/services) did not run");
        }
        return name;
    }

    /** The database the README's run command uses: {@code DB_NAME}, else {@code test}. Tests must leave it alone. */
    public static String runCommandDatabase() {
        return System.getenv().getOrDefault("DB_NAME", "test");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432") + "/" + database;
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(PROPERTY) != null) {
            return; // chosen by whoever started this JVM
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String base = System.getenv().getOrDefault("DB_NAME", "vod_test");
        String name = (base + "_" + HexFormat.of().formatHex(random)).toLowerCase();
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalStateException("DB_NAME=" + base + " cannot prefix a test database name");
        }
        execute("CREATE DATABASE " + name);
        created = name;
        System.setProperty(PROPERTY, name);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (created != null) {
            // FORCE: a Quarkus application or a gateway process may still hold pooled connections.
            execute("DROP DATABASE IF EXISTS " + created + " WITH (FORCE)");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run `" + sql + "` on PostgreSQL at " + jdbcUrl("postgres")
                    + " (the tests need a server they may create databases on): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
