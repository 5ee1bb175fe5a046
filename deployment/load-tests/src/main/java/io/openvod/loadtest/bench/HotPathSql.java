package io.openvod.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pgbench ceiling runs the very SQL of the gateway's hot path: the statements are read at benchmark time from
 * the gateway's {@code src/main/resources/sql/register/}, the files its repository loads, so the two can never drift
 * apart, and written as a pgbench script.
 * <p>
 * pgbench can bind only non-null text to a parameter, so the parameters the gateway binds to NULL for a plain
 * registration (TemplateGroupId, WorkflowId, UserData: $3, $4, $13) are written as the literal {@code NULL};
 * every other parameter stays a bound parameter of a prepared statement, as in the gateway.
 */
public final class HotPathSql {

    /** The statement files, relative to the gateway's SQL directory. */
    public static final String INSERT_NEW = "register/insert-new.sql";
    public static final String FIND_EXISTING = "register/find-existing.sql";

    /** Parameters of INSERT_NEW that a registration without transcoding or UserData binds to NULL. */
    static final Set<Integer> NULL_PARAMETERS = Set.of(3, 4, 13);

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    private HotPathSql() {
    }

    /** A statement as the gateway reads it ({@code SqlFiles.read}: the file's text, stripped). */
    public static String statement(Path sqlDirectory, String file) throws IOException {
        Path path = sqlDirectory.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: the gateway's hot-path SQL moved; update HotPathSql");
        }
        return Files.readString(path).strip();
    }

    /** INSERT_NEW with $n turned into pgbench variables :pn (or NULL), ended by a semicolon. */
    public static String insertNewForPgbench(String insertNew) {
        Matcher m = PARAMETER.matcher(insertNew);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            m.appendReplacement(out, NULL_PARAMETERS.contains(n) ? "NULL" : ":p" + n);
        }
        m.appendTail(out);
        return out + ";\n";
    }

    /**
     * The per-transaction values pgbench cannot compute itself (it has no string functions): {@code files}
     * never-seen registration keys (the decoded object path), their FileURLs and titles, in one trivial query whose cost the benchmark measures separately.
     */
    public static String generatorQuery() {
        return """
                \\set tx random(1, 9223372036854775806)
                SELECT array_agg('loadtest/pgbench/' || :client_id || '-' || :tx || '-' || i || '.mp4') AS p6,
                       array_agg('https://' || :p2 || '/loadtest/pgbench/' || :client_id || '-' || :tx || '-' || i || '.mp4') AS p7,
                       array_agg('load test ' || i) AS p8
                FROM generate_series(1, :files) AS i \\gset
                """;
    }

    /** Writes {@code pgbench-generate.sql} and {@code pgbench-register-new.sql} into a directory. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: HotPathSql <the gateway's src/main/resources/sql> <output directory>");
            System.exit(2);
        }
        String insertNew = statement(Path.of(args[0]), INSERT_NEW);
        Path out = Files.createDirectories(Path.of(args[1]));
        Files.writeString(out.resolve("pgbench-generate.sql"), generatorQuery());
        Files.writeString(out.resolve("pgbench-register-new.sql"), generatorQuery() + insertNewForPgbench(insertNew));
    }
}
