package io.openvod.gateway.account;

import io.openvod.gateway.core.secret.SecretKeys;
import io.openvod.gateway.core.settings.InvalidSettingException;
import io.openvod.gateway.database.SqlFiles;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start, right after the schema migration: the encryption key settings are valid, and the current key is the one
 * the stored AccessKey secrets are encrypted with, as the key check value in the database says. A gateway started
 * with another key refuses to start with one sentence, instead of answering every call with an error.
 * <p>
 * Rotation: when the stored check value belongs to one of the previous keys (or there is none yet, as in a
 * database from before it existed), every secret is re-encrypted under the current key and its check value stored,
 * in one transaction that replicas starting together take in turn.
 */
@ApplicationScoped
public class EncryptionKeyCheck {

    private static final Logger LOG = Logger.getLogger(EncryptionKeyCheck.class);
    private static final String LOCK = SqlFiles.read("account/lock-key-check.sql");
    private static final String READ = SqlFiles.read("account/read-key-check.sql");
    private static final String WRITE = SqlFiles.read("account/write-key-check.sql");
    /** Every table with secrets under the configuration's key: AccessKeys, and storage connections. */
    private static final List<SecretColumn> SECRETS = List.of(
            new SecretColumn(SqlFiles.read("account/list-access-key-secrets.sql"),
                    SqlFiles.read("account/update-access-key-secret.sql")),
            new SecretColumn(SqlFiles.read("account/list-storage-secrets.sql"),
                    SqlFiles.read("account/update-storage-secret.sql")));

    /** How to read a table's secrets ({@code id, secret_ciphertext}, locked) and write one back ({@code $1 id, $2}). */
    private record SecretColumn(String list, String update) {
    }

    private record Rewrite(int reencrypted, int unreadable) {

        Rewrite plus(Rewrite other) {
            return new Rewrite(reencrypted + other.reencrypted, unreadable + other.unreadable);
        }
    }

    private final AccountConfig config;
    private final Pool pool;

    public EncryptionKeyCheck(AccountConfig config, Pool pool) {
        this.config = config;
        this.pool = pool;
    }

    /** Before the schema migration: a missing or malformed key needs no database to be reported. */
    void validateSettings(@Observes @Priority(0) StartupEvent start) {
        keys();
    }

    void checkAgainstDatabase(@Observes @Priority(10) StartupEvent start) {
        SecretKeys keys = keys();
        try {
            report(pool.withTransaction(connection -> check(connection, keys)).await().atMost(Duration.ofMinutes(2)));
        } catch (InvalidSettingException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /**
     * Quarkus prints a {@link ConfigurationException} without a cause as its message alone, on standard error: the
     * operator reads one sentence instead of a stack trace.
     */
    private SecretKeys keys() {
        try {
            return SecretKeys.parse(config.secretEncryptionKey(), config.previousSecretEncryptionKeys());
        } catch (InvalidSettingException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    private Uni<Rewrite> check(SqlConnection connection, SecretKeys keys) {
        return connection.query(LOCK).execute()
                .chain(() -> connection.query(READ).execute())
                .chain(rows -> {
                    String stored = rows.size() == 0 ? null : rows.iterator().next().getString(0);
                    if (keys.checkValue().equals(stored)) {
                        return Uni.createFrom().item(new Rewrite(0, 0));
                    }
                    if (stored != null && !keys.isPreviousKey(stored)) {
                        return Uni.createFrom().failure(new InvalidSettingException(SecretKeys.CURRENT_VARIABLE
                                + " is not the key the AccessKey secrets in this database were encrypted with (the key "
                                + "check value stored in table secret_key_check differs). Start with the key used before; "
                                + "to change keys, keep the old one in " + SecretKeys.PREVIOUS_VARIABLE
                                + " (README, \"Rotating the encryption key\")."));
                    }
                    return reencrypt(connection, keys).call(() -> connection.preparedQuery(WRITE)
                            .execute(Tuple.of(keys.checkValue())));
                });
    }

    private Uni<Rewrite> reencrypt(SqlConnection connection, SecretKeys keys) {
        Uni<Rewrite> all = Uni.createFrom().item(new Rewrite(0, 0));
        for (SecretColumn column : SECRETS) {
            all = all.chain(done -> reencrypt(connection, keys, column).map(done::plus));
        }
        return all;
    }

    private Uni<Rewrite> reencrypt(SqlConnection connection, SecretKeys keys, SecretColumn column) {
        return connection.query(column.list()).execute().chain(rows -> {
            List<Tuple> updates = new ArrayList<>();
            int unreadable = 0;
            for (Row row : rows) {
                byte[] stored = row.getBuffer("secret_ciphertext").getBytes();
                if (keys.isUnderCurrentKey(stored)) {
                    continue;
                }
                var secret = keys.decrypt(stored);
                if (secret.isEmpty()) {
                    unreadable++;
                    continue;
                }
                updates.add(Tuple.of(row.getValue("id"),
                        io.vertx.core.buffer.Buffer.buffer(keys.encrypt(secret.get()))));
            }
            int reencrypted = updates.size();
            int lost = unreadable;
            Uni<?> written = updates.isEmpty() ? Uni.createFrom().voidItem()
                    : connection.preparedQuery(column.update()).executeBatch(updates);
            return written.replaceWith(new Rewrite(reencrypted, lost));
        });
    }

    private static void report(Rewrite rewrite) {
        if (rewrite.reencrypted() > 0) {
            LOG.infof("Re-encrypted %d secrets (AccessKeys, storage connections) under the current %s; the previous keys"
                    + " are no longer needed",
                    rewrite.reencrypted(), SecretKeys.CURRENT_VARIABLE);
        }
        if (rewrite.unreadable() > 0) {
            LOG.warnf("%d secrets (AccessKeys, storage connections) cannot be decrypted with any configured key: calls that"
                    + " need them answer 503 until they are set again through the admin API", rewrite.unreadable());
        }
    }
}
