package io.openvod.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.OwnTestDatabase;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway, started as the README says, with a required setting missing or wrong: it stops at once with
 * one sentence that names the environment variable and says how to produce a value. And the encryption key: a
 * restart with another key is refused, a rotation through the previous keys keeps every AccessKey working.
 */
class StartupSettingsIT {

    private static Map<String, String> with(String... nameValue) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            env.put(nameValue[i], nameValue[i + 1]);
        }
        return env;
    }

    @Test
    void missingEncryptionKeyStopsWithASentenceNamingIt() throws Exception {
        String output = GatewayProcess.startExpectingRefusal(with("VOD_SECRET_ENCRYPTION_KEY", null));

        assertThat(output).contains("VOD_SECRET_ENCRYPTION_KEY is not set.")
                .contains("head -c32 /dev/urandom | base64").doesNotContain("SRCFG");
    }

    @Test
    void malformedEncryptionKeyStopsWithASentenceNamingIt() throws Exception {
        String output = GatewayProcess.startExpectingRefusal(with("VOD_SECRET_ENCRYPTION_KEY", "c2hvcnQ="));

        assertThat(output).contains("VOD_SECRET_ENCRYPTION_KEY holds a key of 5 bytes; it must be base64 of exactly 32");
    }

    @Test
    void encryptionKeyThatIsNotBase64StopsWithASentenceNamingIt() throws Exception {
        String output = GatewayProcess.startExpectingRefusal(with("VOD_SECRET_ENCRYPTION_KEY", "not base64!"));

        assertThat(output).contains("VOD_SECRET_ENCRYPTION_KEY is not valid base64.");
    }

    @Test
    void shortAdminTokenStopsWithASentenceNamingIt() throws Exception {
        String output = GatewayProcess.startExpectingRefusal(with("VOD_ADMIN_TOKEN", "change-me"));

        assertThat(output).contains("VOD_ADMIN_TOKEN is 9 characters long; the admin API needs a token of at least 16")
                .contains("openssl rand -hex 32");
    }

    @Test
    void anotherKeyIsRefusedAndARotationReencryptsAccessKeyAndStorageSecrets() throws Exception {
        String database = OwnTestDatabase.name() + "_keys";
        execute("CREATE DATABASE " + database);
        try {
            String first = GatewayProcess.randomKey();
            String second = GatewayProcess.randomKey();
            TestAccount account;
            try (GatewayProcess gateway = GatewayProcess.start(with("DB_NAME", database,
                    "VOD_SECRET_ENCRYPTION_KEY", first))) {
                account = gateway.provisionAccount(1000);
                assertRegisters(gateway, account);
                // a second location with a connection: its secret is under the same key and must move with it
                String connected = "connected-" + account.id() + ".example.com";
                gateway.admin().body(Map.of("host", connected))
                        .post("/admin/accounts/" + account.id() + "/storage-locations").then().statusCode(201);
                gateway.admin().body(Map.of("endpoint", "https://s3.example.com", "region", "us-east-1",
                                "bucket", "media", "addressingStyle", "path", "accessKeyId", "key",
                                "accessKeySecret", "store-secret"))
                        .put("/admin/accounts/" + account.id() + "/storage-locations/" + connected + "/connection")
                        .then().statusCode(200);
            }

            String refused = GatewayProcess.startExpectingRefusal(with("DB_NAME", database,
                    "VOD_SECRET_ENCRYPTION_KEY", second));
            assertThat(refused).contains("VOD_SECRET_ENCRYPTION_KEY is not the key the AccessKey secrets in this "
                    + "database were encrypted with").contains("VOD_PREVIOUS_SECRET_ENCRYPTION_KEYS");

            try (GatewayProcess gateway = GatewayProcess.start(with("DB_NAME", database,
                    "VOD_SECRET_ENCRYPTION_KEY", second, "VOD_PREVIOUS_SECRET_ENCRYPTION_KEYS", first))) {
                assertRegisters(gateway, account);
                assertThat(gateway.log())
                        .contains("Re-encrypted 2 secrets (AccessKeys, storage connections) under the current");
            }
            try (GatewayProcess gateway = GatewayProcess.start(with("DB_NAME", database,
                    "VOD_SECRET_ENCRYPTION_KEY", second))) {
                assertRegisters(gateway, account); // re-encrypted: the old key is no longer needed
            }
            assertThat(GatewayProcess.startExpectingRefusal(with("DB_NAME", database,
                    "VOD_SECRET_ENCRYPTION_KEY", first))).contains("is not the key the AccessKey secrets");
        } finally {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void assertRegisters(GatewayProcess gateway, TestAccount account) {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = gateway.port();
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("keys/" + UUID.randomUUID() + ".mp4"))).get()
                .then().statusCode(200).body("RegisteredMediaList[0].NewRegister", equalTo(true));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = OwnTestDatabase.connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
