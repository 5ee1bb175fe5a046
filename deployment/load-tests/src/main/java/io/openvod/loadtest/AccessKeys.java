package io.openvod.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Credentials for a load run: a CSV file of {@code accessKeyId,accessKeySecret,storageHost} lines (what
 * deployment/bench/provision-accounts.sh writes), or a single key from settings, defaulting to the dev-mode
 * demo account.
 */
public final class AccessKeys {

    public static final AccessKey DEMO = new AccessKey("demoAccessKeyId", "demoAccessKeySecret",
            "demo-bucket.oss-cn-shanghai.aliyuncs.com");

    private AccessKeys() {
    }

    public static List<AccessKey> read(Path csv) {
        try {
            List<AccessKey> keys = Files.readAllLines(csv).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(AccessKeys::parse)
                    .toList();
            if (keys.isEmpty()) {
                throw new IllegalArgumentException(csv + " holds no access key");
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys file named by {@code keys} / KEYS, else the single key from {@code access.key.*}. */
    public static List<AccessKey> fromSettings() {
        String file = Settings.string("keys", "");
        if (!file.isEmpty()) {
            return read(Path.of(file));
        }
        return List.of(new AccessKey(
                Settings.string("access.key.id", DEMO.id()),
                Settings.string("access.key.secret", DEMO.secret()),
                Settings.string("storage.host", DEMO.storageHost())));
    }

    private static AccessKey parse(String line) {
        String[] parts = line.split(",", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected accessKeyId,accessKeySecret,storageHost: " + line);
        }
        return new AccessKey(parts[0].strip(), parts[1].strip(), parts[2].strip());
    }
}
