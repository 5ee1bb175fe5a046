package io.openvod.loadtest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openvod.loadtest.AccessKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoTest {

    private static final AccessKey A = new AccessKey("idA", "secretA", "a.example.com");
    private static final AccessKey B = new AccessKey("idB", "secretB", "b.example.com");

    @TempDir
    Path dir;

    @Test
    void readsEachLineWithTheKeyItNames() throws IOException {
        Path csv = write("# accessKeyId,videoId", "idB,v1", "", " idA , v2 ", "idB,v3");

        assertEquals(List.of(new Video(B, "v1"), new Video(A, "v2"), new Video(B, "v3")), Video.read(csv, List.of(A, B)));
    }

    @Test
    void aKeyThatIsNotInTheKeysFileIsRefusedAtStart() throws IOException {
        Path csv = write("idA,v1", "idC,v2");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Video.read(csv, List.of(A, B)));
        assertEquals("access key idC is not in the keys file: idC,v2", e.getMessage());
    }

    @Test
    void malformedOrEmptyFilesAreRefused() throws IOException {
        for (String bad : List.of("idA", "idA,v1,extra", "idA,", "idA, ")) {
            Path csv = write(bad);
            assertThrows(IllegalArgumentException.class, () -> Video.read(csv, List.of(A)), bad);
        }
        Path empty = write("# nothing");
        assertThrows(IllegalArgumentException.class, () -> Video.read(empty, List.of(A)));
    }

    private Path write(String... lines) throws IOException {
        return Files.write(Files.createTempFile(dir, "videos", ".csv"), List.of(lines));
    }
}
