package io.openvod.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's snippets, taken from README.md as they are printed, run against the test gateway as a user would
 * run them: each Java snippet compiled with javac against the SDKs on the test classpath and run in its own JVM,
 * the Node one with {@code node} after {@code npm install} of the version its first line names. They read the
 * endpoint and the key from the environment (defaults: the dev-mode demo account), which is all that is changed.
 */
@QuarkusTest
class ReadmeSnippetsTest {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(java|js)\\n(.*?)^```");
    private static final Path WORK = Path.of("target", "readme-snippets");

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase database;

    @Test
    void everyJavaSnippetCompilesRunsAndRegistersTheFile() throws Exception {
        List<String> snippets = snippets("java");
        assertThat(snippets).as("Java snippets in README.md").hasSizeGreaterThanOrEqualTo(2);
        for (String snippet : snippets) {
            Matcher name = Pattern.compile("public class (\\w+)").matcher(snippet);
            assertThat(name.find()).as("a public class in:\n" + snippet).isTrue();
            Path dir = Files.createDirectories(WORK.resolve("java-" + name.group(1)));
            Files.writeString(dir.resolve(name.group(1) + ".java"), snippet);
            compile(dir.resolve(name.group(1) + ".java"), dir);

            TestAccount account = accounts.create();
            String fileUrl = account.fileUrl("readme/" + UUID.randomUUID() + ".mp4");
            String output = run(dir, environment(account, fileUrl), javaBinary(), "-cp",
                    dir + File.pathSeparator + System.getProperty("java.class.path"), name.group(1));

            assertThat(output).as(name.group(1)).containsPattern("MediaId [0-9a-f]{32} NewRegister true FileURL "
                    + Pattern.quote(fileUrl)).contains("FailedFileURLs []");
            assertThat(database.count("SELECT count(*) FROM media WHERE account_id = $1 AND file_url = $2",
                    account.id(), fileUrl)).isEqualTo(1);
        }
    }

    @Test
    void theNodeSnippetRunsAndRegistersTheFile() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"),
                "node and npm are not on PATH: the README's Node snippet was not run");
        String snippet = snippets("js").get(0);
        Matcher install = Pattern.compile("npm install (\\S+)").matcher(snippet);
        assertThat(install.find()).as("the snippet names the package version to install").isTrue();
        Path dir = Files.createDirectories(WORK.resolve("node"));
        if (!Files.isDirectory(dir.resolve("node_modules/@alicloud/pop-core"))) {
            run(dir, Map.of(), "npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(), install.group(1));
        }
        Files.writeString(dir.resolve("first-call.js"), snippet);
        TestAccount account = accounts.create();
        String fileUrl = account.fileUrl("readme/" + UUID.randomUUID() + ".mp4");

        String output = run(dir, environment(account, fileUrl), "node", "first-call.js");

        assertThat(output).contains("\"NewRegister\": true").contains("\"FileURL\": \"" + fileUrl + "\"")
                .containsPattern("\"MediaId\": \"[0-9a-f]{32}\"");
    }

    private static Map<String, String> environment(TestAccount account, String fileUrl) {
        return Map.of("VOD_ENDPOINT", SdkEndpoint.hostAndPort(), "VOD_ACCESS_KEY_ID", account.accessKeyId(),
                "VOD_ACCESS_KEY_SECRET", account.accessKeySecret(), "VOD_FILE_URL", fileUrl);
    }

    private static List<String> snippets(String language) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher fence = FENCE.matcher(Files.readString(Path.of("README.md")));
        while (fence.find()) {
            if (fence.group(1).equals(language)) {
                found.add(fence.group(2));
            }
        }
        return found;
    }

    private static void compile(Path source, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-proc:none", "-classpath", System.getProperty("java.class.path"),
                "-d", out.toString(), source.toString());
        assertThat(status).as("javac " + source).isZero();
    }

    private static String run(Path dir, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + " printed:\n" + text).isZero();
        return text;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
