package io.openvod.loadtest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HotPathSqlTest {

    /** The gateway's SQL, seen from deployment/load-tests (Maven runs tests in the module directory). */
    private static final Path SQL = Path.of("../../src/main/resources/sql");

    @Test
    void readsBothHotPathStatementsFromTheGatewaysSqlFiles() throws IOException {
        String insertNew = HotPathSql.statement(SQL, HotPathSql.INSERT_NEW);

        assertTrue(insertNew.contains("WITH refs AS ("), insertNew);
        assertTrue(insertNew.contains("ON CONFLICT (account_id, storage_location, object_key) DO NOTHING"));
        assertTrue(HotPathSql.statement(SQL, HotPathSql.FIND_EXISTING).contains("FROM media"));
    }

    @Test
    void thePgbenchStatementIsTheRepositoryStatementWithOnlyItsParametersRenamed() throws IOException {
        String insertNew = HotPathSql.statement(SQL, HotPathSql.INSERT_NEW);

        String pgbench = HotPathSql.insertNewForPgbench(insertNew);

        String withNulls = insertNew.replaceAll("\\$(3|4|13)(?!\\d)", "NULL");
        assertFalse(pgbench.contains("$"), "every parameter becomes a pgbench variable or NULL");
        assertEquals(withNulls + ";\n", pgbench.replaceAll(":p(\\d+)", "\\$$1"));
    }

    @Test
    void failsLoudlyWhenTheStatementFileIsGone() {
        assertThrows(IllegalStateException.class, () -> HotPathSql.statement(SQL, "register/no-such-statement.sql"));
    }
}
