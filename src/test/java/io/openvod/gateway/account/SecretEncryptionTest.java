package io.openvod.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openvod.gateway.core.secret.SecretKeys;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** AccessKey secrets at rest: the key's check value is kept, and a secret no key decrypts is a 503, not a 500. */
@QuarkusTest
class SecretEncryptionTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase database;

    @Test
    void theDatabaseKeepsTheCheckValueOfTheCurrentKey() {
        String key = ConfigProvider.getConfig().getValue("vod.account.secret-encryption-key", String.class);

        assertThat(database.rows("SELECT check_value FROM secret_key_check").get(0).getString(0))
                .isEqualTo(SecretKeys.parse(Optional.of(key), Optional.empty()).checkValue());
    }

    @Test
    void aSecretNoKeyDecryptsAnswersServiceUnavailable() {
        TestAccount account = accounts.create();
        String keyId = "LTAIunreadable" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        database.rows("INSERT INTO access_key (id, account_id, secret_ciphertext) VALUES ($1, $2, $3)",
                keyId, account.id(), Buffer.buffer(new byte[40]));
        TestAccount unreadable = new TestAccount(account.id(), keyId, "whatever-secret", account.bucketHost(),
                account.templateGroupId(), account.workflowId(), account.cateId());

        Rpc.registerMedia(unreadable, Metadatas.of(account.fileUrl("a.mp4"))).get().then().statusCode(503)
                .body("Code", equalTo("ServiceUnavailable"));
    }
}
