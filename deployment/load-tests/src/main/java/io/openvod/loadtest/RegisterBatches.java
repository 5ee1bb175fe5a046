package io.openvod.loadtest;

import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * RegisterMetadatas arrays for load runs. New batches get file names no earlier run can have used (a run tag plus a
 * counter); repeated batches cycle through a small fixed set, so after the first round every file is already
 * registered.
 * <p>
 * <b>Naming contract</b> (the benchmark pre-creates exactly these objects in its S3 server, so a change here must
 * change it too): the {@code seq}-th new batch of this instance holds the files
 * <pre>
 *   https://&lt;storageHost&gt;/loadtest/new/&lt;tag&gt;/&lt;seq&gt;-&lt;i&gt;.mp4     i = 0 … filesPerRequest-1
 * </pre>
 * that is the objects {@code loadtest/new/<tag>/<seq>-<i>.mp4} of the account's bucket, with {@code seq} = 1, 2, 3, …
 * in the order {@link #newBatch} is called: one counter for all accounts, which repeated batches do not advance.
 * The load generator builds one batch per request as it sends them, so {@code seq} is the request's number. The tag
 * is {@code run.tag} (RUN_TAG, {@code [a-z0-9-]{1,32}}) or else 8 random hex digits; a tag names one process's files,
 * so runs against the same accounts need a tag each (their files would not be new otherwise).
 */
public final class RegisterBatches {

    public static final int FILES_PER_REQUEST = 10;

    // Tags go into URLs and JSON unescaped, so only characters that need escaping in neither.
    private static final Pattern TAG = Pattern.compile("[a-z0-9-]{1,32}");

    private final String tag;
    private final AtomicLong newSequence = new AtomicLong();
    private final AtomicLong repeatSequence = new AtomicLong();
    private final int filesPerRequest;

    /**
     * @param tag the run tag that makes new file names unique, see the naming contract
     * @throws IllegalArgumentException if the tag is not {@code [a-z0-9-]{1,32}} or the file count not 1 to 10
     */
    public RegisterBatches(int filesPerRequest, String tag) {
        if (filesPerRequest < 1 || filesPerRequest > 10) {
            throw new IllegalArgumentException("RegisterMedia takes 1 to 10 files, not " + filesPerRequest);
        }
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("a run tag is 1 to 32 of [a-z0-9-], not " + tag);
        }
        this.filesPerRequest = filesPerRequest;
        this.tag = tag;
    }

    /** With a random tag. */
    public RegisterBatches(int filesPerRequest) {
        this(filesPerRequest, UUID.randomUUID().toString().substring(0, 8));
    }

    public RegisterBatches() {
        this(FILES_PER_REQUEST);
    }

    /** With the tag from {@code run.tag} / RUN_TAG, a random one if unset. */
    public static RegisterBatches fromSettings(int filesPerRequest) {
        String tag = Settings.string("run.tag", "");
        return tag.isEmpty() ? new RegisterBatches(filesPerRequest) : new RegisterBatches(filesPerRequest, tag);
    }

    public int filesPerRequest() {
        return filesPerRequest;
    }

    /** Files never registered before, named as the naming contract says. */
    public String newBatch(String storageHost) {
        return batch(storageHost, "new/" + tag + "/" + newSequence.incrementAndGet());
    }

    /** One of {@code distinctBatches} fixed batches, the same files each time its turn comes. */
    public String repeatedBatch(String storageHost, int distinctBatches) {
        return batch(storageHost, "repeat/" + (repeatSequence.incrementAndGet() % distinctBatches));
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
