package io.openvod.loadtest.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.RegisterBatches;
import java.util.List;

/**
 * What one benchmark request is, and which answers count as the expected one. Signed requests are built by
 * {@link RegisterMediaSigner}: each one individually signed, with a fresh nonce and the current second.
 * Not thread-safe: the load generator calls it from its one event loop.
 */
sealed interface Workload {

    /** The form body of the next request; {@code null} means a bodiless GET. */
    ByteBuf nextBody(ByteBufAllocator alloc);

    /**
     * How an answer is counted. The body comes as a String: decoding it and searching with String.indexOf (both
     * vectorised by the JIT) costs less than searching the ByteBuf byte by byte.
     */
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
        private final RegisterMediaSigner[] signers;
        private final RegisterBatches batches;
        private final String expected;
        private final int files;
        private final SignatureNonces nonces = new SignatureNonces();
        private final SignatureTimestamp.Clock clock = new SignatureTimestamp.Clock();
        private long next;

        NewRegistrations(List<AccessKey> keys, RegisterBatches batches, int files) {
            this.keys = keys;
            this.signers = keys.stream().map(RegisterMediaSigner::new).toArray(RegisterMediaSigner[]::new);
            this.batches = batches;
            this.files = files;
            this.expected = "\"NewRegister\":true";
        }

        @Override
        public ByteBuf nextBody(ByteBufAllocator alloc) {
            int account = (int) (next++ % keys.size());
            RegisterMediaSigner signer = signers[account];
            RegisterMediaSigner.Batch batch = signer.prepare(batches.newBatch(keys.get(account).storageHost()));
            return signer.sign(alloc, batch, nonces.next(), clock.now());
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
        private static final int DISTINCT_BATCHES = 5;

        private final RegisterMediaSigner signer;
        // The same batches, in the same order, as RegisterBatches.repeatedBatch hands out: prepared once.
        private final RegisterMediaSigner.Batch[] prepared = new RegisterMediaSigner.Batch[DISTINCT_BATCHES];
        private final SignatureNonces nonces = new SignatureNonces();
        private final SignatureTimestamp.Clock clock = new SignatureTimestamp.Clock();
        private int next;

        HotAccount(AccessKey key, RegisterBatches batches) {
            signer = new RegisterMediaSigner(key);
            for (int i = 0; i < DISTINCT_BATCHES; i++) {
                prepared[i] = signer.prepare(batches.repeatedBatch(key.storageHost(), DISTINCT_BATCHES));
            }
        }

        @Override
        public ByteBuf nextBody(ByteBufAllocator alloc) {
            RegisterMediaSigner.Batch batch = prepared[next];
            next = (next + 1) % DISTINCT_BATCHES;
            return signer.sign(alloc, batch, nonces.next(), clock.now());
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
        public ByteBuf nextBody(ByteBufAllocator alloc) {
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
