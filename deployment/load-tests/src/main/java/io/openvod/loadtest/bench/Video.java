package io.openvod.loadtest.bench;

import io.openvod.loadtest.AccessKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A video that get-video-info asks about, and the account that owns it.
 *
 * @param key the owner's credentials
 * @param id  its VideoId
 */
record Video(AccessKey key, String id) {

    /**
     * The videos of a CSV file of {@code accessKeyId,videoId} lines (blank lines and {@code #} comments skipped),
     * each with the key of that id from {@code keys}.
     *
     * @throws IllegalArgumentException if the file holds no video, a line is not two fields, or names a key that is
     *                                  not in {@code keys} (its requests could not be signed)
     */
    static List<Video> read(Path csv, List<AccessKey> keys) {
        Map<String, AccessKey> byId = keys.stream()
                .collect(Collectors.toMap(AccessKey::id, Function.identity(), (first, same) -> first));
        try {
            List<Video> videos = Files.readAllLines(csv).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> parse(line, byId))
                    .toList();
            if (videos.isEmpty()) {
                throw new IllegalArgumentException(csv + " holds no video");
            }
            return videos;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Video parse(String line, Map<String, AccessKey> keys) {
        String[] parts = line.split(",", -1);
        if (parts.length != 2 || parts[1].isBlank()) {
            throw new IllegalArgumentException("expected accessKeyId,videoId: " + line);
        }
        AccessKey key = keys.get(parts[0].strip());
        if (key == null) {
            throw new IllegalArgumentException("access key " + parts[0].strip() + " is not in the keys file: " + line);
        }
        return new Video(key, parts[1].strip());
    }
}
