package io.openvod.gateway.storage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.openvod.gateway.support.Admin;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API of a storage location's connection: set, shown without its secret, removed. */
@QuarkusTest
class StorageConnectionAdminTest {

    private static final String SECRET = "minio-secret-that-must-not-show";

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;

    @BeforeEach
    void newAccount() {
        account = accounts.create();
    }

    @Test
    void connectionIsShownWithoutItsSecretAndStoredEncrypted() {
        Admin.call().body(settings()).put(path()).then().statusCode(200)
                .body("endpoint", equalTo("http://minio.internal:9000"))
                .body("addressingStyle", equalTo("path"))
                .body(not(containsString(SECRET)));
        Admin.call().get(path()).then().statusCode(200)
                .body("bucket", equalTo("media")).body("accessKeyId", equalTo("minio"))
                .body(not(containsString(SECRET)));

        byte[] stored = db.rows("SELECT secret_ciphertext FROM storage_location WHERE account_id = $1 AND host = $2",
                account.id(), account.bucketHost()).get(0).getBuffer("secret_ciphertext").getBytes();
        org.assertj.core.api.Assertions.assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET);
    }

    @Test
    void removedConnectionIsGone() {
        Admin.call().body(settings()).put(path()).then().statusCode(200);

        Admin.call().delete(path()).then().statusCode(204);

        Admin.call().get(path()).then().statusCode(404);
    }

    @Test
    void badSettingIsRefusedNamingTheField() {
        Map<String, String> bad = new HashMap<>(settings());
        bad.put("addressingStyle", "dns");

        Admin.call().body(bad).put(path()).then().statusCode(400).body("Code", equalTo("InvalidParameter"))
                .body("Message", containsString("addressingStyle"));
    }

    @Test
    void unknownLocationIs404() {
        Admin.call().body(settings()).put("/admin/accounts/" + account.id() + "/storage-locations/nowhere.test/connection")
                .then().statusCode(404);
    }

    @Test
    void tokenIsRequired() {
        Admin.anonymous().body(settings()).put(path()).then().statusCode(401);
    }

    private String path() {
        return "/admin/accounts/" + account.id() + "/storage-locations/" + account.bucketHost() + "/connection";
    }

    private static Map<String, String> settings() {
        return Map.of("endpoint", "http://minio.internal:9000/", "region", "us-east-1", "bucket", "media",
                "addressingStyle", "path", "accessKeyId", "minio", "accessKeySecret", SECRET);
    }
}
