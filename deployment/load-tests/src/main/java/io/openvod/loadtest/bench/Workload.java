package io.openvod.loadtest.bench;

import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.RegisterBatches;
import io.openvod.loadtest.SignedRpc;
import java.util.List;

/** What one benchmark request is, and which answers count as the expected one. */
sealed interface Workload {

    /** The body of the next request; {@code null} means a bodiless GET. */
    String nextBody();

    /** How an answer is counted. */
    Outcome classify(int status, String body);

    enum Outcome { OK, THROTTLED, UNEXPECTED }

    static Workload named(String kind, List<AccessKey> keys, List<AccessKey> hotKeys, int files) {
        return switch (kind) {
            case "register-new" -> new NewRegistrations(keys, new RegisterBatches(files), files);
            case "register-hot" -> new HotAccount(hotKeys.get(0), new RegisterBatches(files));
            case "trivial" -> new Trivial();
            default -> throw new IllegalArgumentException("kind must be register-new, register-hot or trivial: " + kind);
        };
    }

    /** Signed RegisterMedia with {@code files} new files, accounts taken round-robin. */
    final class NewRegistrations implements Workload {
        private final List<AccessKey> keys;
        private final RegisterBatches batches;
        private final String expected;
        private final int files;
        private long next;

        NewRegistrations(List<AccessKey> keys, RegisterBatches batches, int files) {
            this.keys = keys;
            this.batches = batches;
            this.files = files;
            this.expected = "\"NewRegister\":true";
        }

        @Override
        public String nextBody() {
            AccessKey key = keys.get((int) (next++ % keys.size()));
            return SignedRpc.registerMedia(key, batches.newBatch(key.storageHost()));
        }

        @Override
        public Outcome classify(int status, String body) {
            if (status == 200 && occurrences(body, expected) == files) {
                return Outcome.OK;
            }
            return status == 400 && body.contains("Throttling") ? Outcome.THROTTLED : Outcome.UNEXPECTED;
        }
    }

    /** Signed RegisterMedia of a few fixed files by one account, far above its rate limit. */
    final class HotAccount implements Workload {
        private final AccessKey key;
        private final RegisterBatches batches;

        HotAccount(AccessKey key, RegisterBatches batches) {
            this.key = key;
            this.batches = batches;
        }

        @Override
        public String nextBody() {
            return SignedRpc.registerMedia(key, batches.repeatedBatch(key.storageHost(), 5));
        }

        @Override
        public Outcome classify(int status, String body) {
            if (status == 400 && body.contains("Throttling.User")) {
                return Outcome.THROTTLED;
            }
            return status == 200 && body.contains("\"RegisteredMediaList\"") ? Outcome.OK : Outcome.UNEXPECTED;
        }
    }

    /** {@code GET /} without parameters: the front door's fastest answer (MissingAction), no auth, no DB. */
    final class Trivial implements Workload {
        @Override
        public String nextBody() {
            return null;
        }

        @Override
        public Outcome classify(int status, String body) {
            return status == 400 && body.contains("MissingAction") ? Outcome.OK : Outcome.UNEXPECTED;
        }
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
