package io.openvod.gateway.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Migration V5 re-keys stored rows with its own SQL copy of {@link PercentDecoding}: both must give the same key, or a
 * file registered before the migration would be registered again under another key. The function is taken from the
 * migration file and run in a session of the test database.
 */
class PercentDecodingMigrationTest {

    @Test
    void migrationDecodesExactlyAsTheGateway() throws Exception {
        String migration = Files.readString(Path.of(
                "src/main/resources/db/migration/V5__storage_connection_and_object_identity.sql"));
        String function = migration.substring(migration.indexOf("CREATE FUNCTION pg_temp.percent_decode"),
                migration.indexOf("END $$;") + "END $$;".length());
        String[] pieces = {"a", "/", "+", " ", "%", "%2", "%20", "%2F", "%e9", "%E9", "%C3", "%A9", "%00", "%0a", "%7F",
            "%E4%B8%AD", "%F0%9F%8E%A5", "%zz", "\u00e9", "\u4e2d", "%%", "%C3%A9%FF", "%ED%A0%80"};
        Random random = new Random(20261206);
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/"
                + System.getenv().getOrDefault("DB_NAME", "test"), "postgres", "");
                Statement create = db.createStatement()) {
            create.execute(function);
            try (PreparedStatement decode = db.prepareStatement("SELECT pg_temp.percent_decode(?)")) {
                for (int i = 0; i < 2000; i++) {
                    StringBuilder path = new StringBuilder();
                    for (int n = random.nextInt(6); n >= 0; n--) {
                        path.append(pieces[random.nextInt(pieces.length)]);
                    }
                    decode.setString(1, path.toString());
                    try (ResultSet result = decode.executeQuery()) {
                        result.next();
                        assertThat(result.getString(1)).as(path.toString()).isEqualTo(PercentDecoding.decode(path.toString()));
                    }
                }
            }
        }
    }
}
