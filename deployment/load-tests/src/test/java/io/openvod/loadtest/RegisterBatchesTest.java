package io.openvod.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The naming contract the benchmark relies on when it pre-creates the objects of new batches. */
class RegisterBatchesTest {

    private static final Pattern FILE_URL = Pattern.compile("\"FileURL\":\"([^\"]*)\"");

    @Test
    void taggedNewBatchesCountFromOneInTheOrderAskedAcrossHosts() {
        RegisterBatches batches = new RegisterBatches(3, "bench-42");

        assertEquals(List.of("https://a.example.com/loadtest/new/bench-42/1-0.mp4",
                "https://a.example.com/loadtest/new/bench-42/1-1.mp4",
                "https://a.example.com/loadtest/new/bench-42/1-2.mp4"), fileUrls(batches.newBatch("a.example.com")));
        assertEquals(List.of("https://b.example.com/loadtest/new/bench-42/2-0.mp4",
                "https://b.example.com/loadtest/new/bench-42/2-1.mp4",
                "https://b.example.com/loadtest/new/bench-42/2-2.mp4"), fileUrls(batches.newBatch("b.example.com")));
    }

    @Test
    void repeatedBatchesLeaveTheNewFilesCounterAlone() {
        RegisterBatches batches = new RegisterBatches(1, "t");

        batches.repeatedBatch("h", 5);
        batches.repeatedBatch("h", 5);

        assertEquals(List.of("https://h/loadtest/new/t/1-0.mp4"), fileUrls(batches.newBatch("h")));
    }

    @Test
    void withoutATagNewBatchesHaveARandomOne() {
        String url = fileUrls(new RegisterBatches(1).newBatch("h")).get(0);

        assertTrue(url.matches("https://h/loadtest/new/[0-9a-f]{8}/1-0\\.mp4"), url);
    }

    @Test
    void tagsAreOneToThirtyTwoLowerCaseLettersDigitsOrDashes() {
        new RegisterBatches(1, "a");
        new RegisterBatches(1, "0123456789-abcdefghijklmnopqrstu");
        for (String bad : List.of("", "0123456789-abcdefghijklmnopqrstuv", "Run", "a_b", "a/b", "a.b", "a b", "é")) {
            assertThrows(IllegalArgumentException.class, () -> new RegisterBatches(1, bad), bad);
        }
    }

    private static List<String> fileUrls(String json) {
        List<String> urls = new ArrayList<>();
        for (Matcher m = FILE_URL.matcher(json); m.find(); ) {
            urls.add(m.group(1));
        }
        return urls;
    }
}
