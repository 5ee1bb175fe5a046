package io.openvod.gateway.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** What a gateway process stored, read over plain JDBC from outside it. */
final class ItDatabase {

    private ItDatabase() {
    }

    static Map<String, String> mediaIdsByFileUrl(long accountId) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (ResultSet rows = query("SELECT file_url, media_id FROM media WHERE account_id = ?", accountId)) {
            while (rows.next()) {
                if (stored.put(rows.getString(1), rows.getString(2)) != null) {
                    throw new AssertionError("file stored twice: " + rows.getString(1));
                }
            }
        }
        return stored;
    }

    static String column(String column, long accountId, String fileUrl) throws SQLException {
        try (ResultSet rows = query("SELECT " + column + " FROM media WHERE account_id = ? AND file_url = ?",
                accountId, fileUrl)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static ResultSet query(String sql, Object... params) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/"
                + System.getenv().getOrDefault("DB_NAME", "test"), "postgres", "");
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        statement.closeOnCompletion();
        return statement.executeQuery();
    }
}
