package io.openvod.loadtest.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.RegisterBatches;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark request is, and which answers count as the expected one. The kinds ({@link #named}):
 * <ul>
 * <li>{@code register-new}: RegisterMedia of new files, accounts round-robin;</li>
 * <li>{@code register-template}: the same, each request with a TemplateGroupId;</li>
 * <li>{@code register-hot}: RegisterMedia of a few fixed files by one account, far above its rate limit;</li>
 * <li>{@code get-video-info}: GetVideoInfo of given videos, round-robin;</li>
 * <li>{@code trivial}: a bodiless {@code GET /}.</li>
 * </ul>
 * Signed requests are built by {@link RegisterMediaSigner} and {@link GetVideoInfoSigner}: each one individually
 * signed, with a fresh nonce and the current second. Not thread-safe: the load generator calls it from its one
 * event loop.
 */
sealed interface Workload {

    /** What {@link #named} accepts. */
    List<String> KINDS = List.of("register-new", "register-template", "register-hot", "get-video-info", "trivial");

    /** The form body of the next request; {@code null} means a bodiless GET. */
    ByteBuf nextBody(ByteBufAllocator alloc);

    /**
     * Which request the last {@link #nextBody} made, for {@link #classify(int, String, int)}: a connection has one
     * request in flight, so it keeps this number until the answer comes. 0 for workloads whose answers all look
     * alike.
     */
    default int lastRequest() {
        return 0;
    }

    /**
     * How an answer is counted. The body comes as a String: decoding it and searching with String.indexOf (both
     * vectorised by the JIT) costs less than searching the ByteBuf byte by byte.
     */
    Outcome classify(int status, String body);

    /**
     * How the answer to request {@code request} (what {@link #lastRequest} said when it was made) is counted:
     * the same as {@link #classify(int, String)} unless the workload's requests expect different answers.
     */
    default Outcome classify(int status, String body, int request) {
        return classify(status, body);
    }

    enum Outcome { OK, THROTTLED, UNEXPECTED }

    /**
     * What a workload is built from; each kind takes the part it needs.
     *
     * @param keys            the accounts of register-new and register-template, taken round-robin (KEYS), and
     *                        the ones get-video-info's videos name
     * @param hotKeys         register-hot's account: the first (HOT_KEYS)
     * @param batches         the RegisterMetadatas of the register kinds (FILES, RUN_TAG)
     * @param templateGroupId register-template's TemplateGroupId (TEMPLATE_GROUP)
     * @param videos          get-video-info's videos (VIDEO_IDS)
     */
    record Inputs(List<AccessKey> keys, List<AccessKey> hotKeys, RegisterBatches batches, String templateGroupId,
            List<Video> videos) {

        static final String DEFAULT_TEMPLATE_GROUP = "bench-tg";

        /** For the register kinds: a random run tag, the default template group, no videos. */
        static Inputs of(List<AccessKey> keys, List<AccessKey> hotKeys, int files) {
            return new Inputs(keys, hotKeys, new RegisterBatches(files), DEFAULT_TEMPLATE_GROUP, List.of());
        }
    }

    static Workload named(String kind, Inputs inputs) {
        return switch (kind) {
            case "register-new" -> new NewRegistrations(inputs.keys(), inputs.batches(), null);
            case "register-template" -> new NewRegistrations(inputs.keys(), inputs.batches(), inputs.templateGroupId());
            case "register-hot" -> new HotAccount(inputs.hotKeys().get(0), inputs.batches());
            case "get-video-info" -> new VideoInfos(inputs.videos());
            case "trivial" -> new Trivial();
            default -> throw new IllegalArgumentException("kind must be one of " + String.join(", ", KINDS) + ": " + kind);
        };
    }

    /**
     * Signed RegisterMedia with new files (all of them must be registered as new), accounts taken round-robin,
     * with a TemplateGroupId or without.
     */
    final class NewRegistrations implements Workload {
        private static final String EXPECTED = "\"NewRegister\":true";

        private final List<AccessKey> keys;
        private final RegisterMediaSigner[] signers;
        private final RegisterBatches batches;
        private final int files;
        private final SignatureNonces nonces = new SignatureNonces();
        private final SignatureTimestamp.Clock clock = new SignatureTimestamp.Clock();
        private long next;

        /** @param templateGroupId the TemplateGroupId of every request, or {@code null} for none */
        NewRegistrations(List<AccessKey> keys, RegisterBatches batches, String templateGroupId) {
            this.keys = keys;
            this.signers = keys.stream().map(key -> new RegisterMediaSigner(key, templateGroupId))
                    .toArray(RegisterMediaSigner[]::new);
            this.batches = batches;
            this.files = batches.filesPerRequest();
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
            if (status == 200 && occurrences(body, EXPECTED) == files) {
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

    /**
     * Signed GetVideoInfo of each video in turn: a read through the front door, signature check, rate limit and one
     * lookup by id. Each answer is checked against the id its request asked for.
     */
    final class VideoInfos implements Workload {
        private static final String ANY_VIDEO_ID = "\"VideoId\":\"";

        private final Request[] requests;
        private final SignatureNonces nonces = new SignatureNonces();
        private final SignatureTimestamp.Clock clock = new SignatureTimestamp.Clock();
        private int next;
        private int last;

        VideoInfos(List<Video> videos) {
            if (videos.isEmpty()) {
                throw new IllegalArgumentException(
                        "get-video-info needs videos: video.ids (VIDEO_IDS) names a CSV of accessKeyId,videoId lines");
            }
            // One signer per key: it holds the key's prepared HMAC state, whichever of its videos is asked for.
            Map<AccessKey, GetVideoInfoSigner> signers = new HashMap<>();
            requests = videos.stream()
                    .map(video -> new Request(signers.computeIfAbsent(video.key(), GetVideoInfoSigner::new),
                            GetVideoInfoSigner.prepare(video.id()), ANY_VIDEO_ID + jsonText(video.id()) + "\""))
                    .toArray(Request[]::new);
        }

        @Override
        public ByteBuf nextBody(ByteBufAllocator alloc) {
            last = next;
            next = (next + 1) % requests.length;
            Request request = requests[last];
            return request.signer.sign(alloc, request.videoId, nonces.next(), clock.now());
        }

        @Override
        public int lastRequest() {
            return last;
        }

        /** Without knowing the request, OK is any video's info: the first check of the one below. */
        @Override
        public Outcome classify(int status, String body) {
            if (status == 200 && body.contains(ANY_VIDEO_ID)) {
                return Outcome.OK;
            }
            return status == 400 && body.contains("Throttling") ? Outcome.THROTTLED : Outcome.UNEXPECTED;
        }

        /** OK only for the info of the video asked for: another one's would be a gateway answering the wrong call. */
        @Override
        public Outcome classify(int status, String body, int request) {
            Outcome outcome = classify(status, body);
            return outcome == Outcome.OK && !body.contains(requests[request].expected) ? Outcome.UNEXPECTED : outcome;
        }

        /**
         * An id as the gateway's JSON (Jackson's defaults) writes it: quote and backslash escaped, anything else as it
         * is, non-ASCII too. Control characters have several JSON forms and are refused. The gateway's own ids are 32
         * hex digits, the same in every JSON writer.
         */
        private static String jsonText(String id) {
            if (id.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("a video id with a control character: " + id);
            }
            return id.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        /**
         * One line of the videos file, ready to send.
         *
         * @param expected what the answer's body must contain
         */
        private record Request(GetVideoInfoSigner signer, GetVideoInfoSigner.VideoId videoId, String expected) {
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
