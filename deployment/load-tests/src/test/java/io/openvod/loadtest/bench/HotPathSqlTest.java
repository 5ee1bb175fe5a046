package io.openvod.loadtest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HotPathSqlTest {

    /** The gateway's repository, seen from deployment/load-tests (Maven runs tests in the module directory). */
    private static final Path REPOSITORY = Path.of("../../src/main/java/io/openvod/gateway/register/MediaRepository.java");

    @Test
    void findsBothHotPathStatementsInTheGatewaysRepository() throws IOException {
        Map<String, String> sql = HotPathSql.statements(Files.readString(REPOSITORY));

        assertTrue(sql.get(HotPathSql.INSERT_NEW).startsWith("WITH refs AS ("), sql.get(HotPathSql.INSERT_NEW));
        assertTrue(sql.get(HotPathSql.INSERT_NEW).contains("ON CONFLICT (account_id, file_url) DO NOTHING"));
        assertTrue(sql.get(HotPathSql.FIND_EXISTING).startsWith("SELECT file_url, media_id FROM media"));
    }

    @Test
    void thePgbenchStatementIsTheRepositoryStatementWithOnlyItsParametersRenamed() throws IOException {
        String insertNew = HotPathSql.statements(Files.readString(REPOSITORY)).get(HotPathSql.INSERT_NEW);

        String pgbench = HotPathSql.insertNewForPgbench(insertNew);

        String withNulls = insertNew.replaceAll("\\$(3|4|12)(?!\\d)", "NULL");
        assertFalse(pgbench.contains("$"), "every parameter becomes a pgbench variable or NULL");
        assertEquals(withNulls + ";\n", pgbench.replaceAll(":p(\\d+)", "\\$$1"));
    }

    @Test
    void failsLoudlyWhenTheRepositoryNoLongerDeclaresTheStatements() {
        assertThrows(IllegalStateException.class,
                () -> HotPathSql.statements("class MediaRepository { String sql = \"SELECT 1\"; }"));
    }
}
