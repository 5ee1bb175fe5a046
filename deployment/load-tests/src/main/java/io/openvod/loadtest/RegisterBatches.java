package io.openvod.loadtest;

import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RegisterMetadatas arrays for load runs. New batches get file names no earlier run can have used (a random
 * run id plus a counter); repeated batches cycle through a small fixed set, so after the first round every
 * file is already registered.
 */
public final class RegisterBatches {

    public static final int FILES_PER_REQUEST = 10;

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private final int filesPerRequest;

    public RegisterBatches(int filesPerRequest) {
        if (filesPerRequest < 1 || filesPerRequest > 10) {
            throw new IllegalArgumentException("RegisterMedia takes 1 to 10 files, not " + filesPerRequest);
        }
        this.filesPerRequest = filesPerRequest;
    }

    public RegisterBatches() {
        this(FILES_PER_REQUEST);
    }

    /** Files never registered before. */
    public String newBatch(String storageHost) {
        return batch(storageHost, "new/" + runId + "/" + sequence.incrementAndGet());
    }

    /** One of {@code distinctBatches} fixed batches, the same files each time its turn comes. */
    public String repeatedBatch(String storageHost, int distinctBatches) {
        return batch(storageHost, "repeat/" + (sequence.incrementAndGet() % distinctBatches));
    }

    private String batch(String storageHost, String prefix) {
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (int i = 0; i < filesPerRequest; i++) {
            // Names are [a-z0-9/-] only, so they need no JSON escaping.
            json.add("{\"FileURL\":\"https://" + storageHost + "/loadtest/" + prefix + "-" + i + ".mp4\","
                    + "\"Title\":\"load test " + i + "\"}");
        }
        return json.toString();
    }
}
