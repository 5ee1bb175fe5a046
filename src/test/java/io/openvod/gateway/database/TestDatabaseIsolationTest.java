package io.openvod.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.Admin;
import io.openvod.gateway.support.OwnTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The tests write into a database of their own, never into the one the README's run command uses. */
@QuarkusTest
class TestDatabaseIsolationTest {

    @Test
    void theGatewayUnderTestUsesItsOwnDatabase() {
        String used = ConfigProvider.getConfig().getValue("vod.db.name", String.class);

        assertThat(used).isEqualTo(OwnTestDatabase.name()).isNotEqualTo(OwnTestDatabase.runCommandDatabase())
                .matches("[a-z0-9_]+_[0-9a-f]{8}");
    }

    @Test
    void creatingAnAccountLeavesTheRunCommandsDatabaseAsFound() throws SQLException {
        String before = snapshot(OwnTestDatabase.runCommandDatabase());

        Admin.call().body("{\"name\":\"isolation-" + UUID.randomUUID() + "\"}").post("/admin/accounts")
                .then().statusCode(201);

        assertThat(snapshot(OwnTestDatabase.runCommandDatabase())).isEqualTo(before);
    }

    /** Whether the database exists, and if so its accounts: the count and the highest id. */
    private static String snapshot(String database) throws SQLException {
        try (Connection connection = OwnTestDatabase.connect("postgres"); Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (!exists.next()) {
                return "absent";
            }
        }
        try (Connection connection = OwnTestDatabase.connect(database); Statement statement = connection.createStatement();
                ResultSet table = statement.executeQuery("SELECT to_regclass('public.account') IS NOT NULL")) {
            table.next();
            if (!table.getBoolean(1)) {
                return "no account table";
            }
            try (ResultSet accounts = statement.executeQuery("SELECT count(*), coalesce(max(id), 0) FROM account")) {
                accounts.next();
                return accounts.getLong(1) + " accounts, highest id " + accounts.getLong(2);
            }
        }
    }
}
