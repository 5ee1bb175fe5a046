package io.openvod.gateway.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Hand-written statements live in {@code src/main/resources/sql/}, one per file, so that they read as SQL, can be
 * run with {@code psql} as they are, and the benchmark replays exactly the gateway's text with {@code pgbench}.
 */
public final class SqlFiles {

    static final String ROOT = "sql/";

    private SqlFiles() {
    }

    /** The statement in {@code sql/<path>}, read once when the repository is created. */
    public static String read(String path) {
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + path + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
