package io.openvod.gateway.it;

import io.openvod.gateway.support.OwnTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a gateway process stored, read over plain JDBC from outside it. */
final class ItDatabase {

    private ItDatabase() {
    }

    static Map<String, String> mediaIdsByFileUrl(long accountId) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        for (List<String> row : query("SELECT file_url, media_id FROM media WHERE account_id = ?", accountId)) {
            if (stored.put(row.get(0), row.get(1)) != null) {
                throw new AssertionError("file stored twice: " + row.get(0));
            }
        }
        return stored;
    }

    static String column(String column, long accountId, String fileUrl) throws SQLException {
        List<List<String>> rows = query("SELECT " + column + " FROM media WHERE account_id = ? AND file_url = ?",
                accountId, fileUrl);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    /** Every row as text, read before the connection is closed. */
    private static List<List<String>> query(String sql, Object... params) throws SQLException {
        try (Connection connection = OwnTestDatabase.connect(OwnTestDatabase.name());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
