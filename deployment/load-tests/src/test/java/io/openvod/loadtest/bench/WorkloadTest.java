package io.openvod.loadtest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.AcsSigner;
import io.openvod.loadtest.RegisterBatches;
import io.openvod.loadtest.SignedRpc;
import io.openvod.loadtest.bench.Workload.Inputs;
import io.openvod.loadtest.bench.Workload.Outcome;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private static final List<AccessKey> KEYS = List.of(new AccessKey("id", "secret", "bucket.example.com"));
    private static final AccessKey A = new AccessKey("idA", "secret/A+", "a.example.com");
    private static final AccessKey B = new AccessKey("idB", "secret&B=", "b.example.com");
    private static final String THROTTLED = "{\"RequestId\":\"R\",\"Code\":\"Throttling.User\",\"Message\":\"denied\"}";
    private static final String NOT_FOUND = "{\"RequestId\":\"R\",\"Code\":\"InvalidVideo.NotFound\",\"Message\":\"x\"}";

    @Test
    void newRegistrationsAreOkOnlyWhenEveryFileIsNew() {
        Workload workload = Workload.named("register-new", Inputs.of(KEYS, KEYS, 3));

        assertEquals(Outcome.OK, workload.classify(200, registered(true, true, true)));
        assertEquals(Outcome.UNEXPECTED, workload.classify(200, registered(true, false, true)));
        assertEquals(Outcome.UNEXPECTED, workload.classify(200, registered(true, true, true, true)));
        assertEquals(Outcome.THROTTLED, workload.classify(400, THROTTLED));
        assertEquals(Outcome.UNEXPECTED, workload.classify(500, THROTTLED));
    }

    @Test
    void newRegistrationsNameTheirFilesByTagAndRequestNumberAcrossAccounts() {
        Workload workload = Workload.named("register-new", inputs(new RegisterBatches(2, "run-7"), List.of()));

        for (int request = 1; request <= 3; request++) {
            AccessKey key = request % 2 == 1 ? A : B;
            Map<String, String> params = signedParams(workload.nextBody(UnpooledByteBufAllocator.DEFAULT), key);
            assertEquals("RegisterMedia", params.get("Action"));
            assertEquals(key.id(), params.get("AccessKeyId"));
            String files = "https://" + key.storageHost() + "/loadtest/new/run-7/" + request;
            assertEquals("[{\"FileURL\":\"" + files + "-0.mp4\",\"Title\":\"load test 0\"},"
                    + "{\"FileURL\":\"" + files + "-1.mp4\",\"Title\":\"load test 1\"}]", params.get("RegisterMetadatas"));
            assertFalse(params.containsKey("TemplateGroupId"));
        }
    }

    @Test
    void templateRegistrationsAreOkOnlyWhenEveryFileIsNew() {
        Workload workload = Workload.named("register-template", Inputs.of(KEYS, KEYS, 3));

        assertEquals(Outcome.OK, workload.classify(200, registered(true, true, true)));
        assertEquals(Outcome.UNEXPECTED, workload.classify(200, registered(true, false, true)));
        assertEquals(Outcome.UNEXPECTED, workload.classify(200, registered(true, true)));
        assertEquals(Outcome.THROTTLED, workload.classify(400, THROTTLED));
        assertEquals(Outcome.UNEXPECTED, workload.classify(400, "{\"Code\":\"InvalidTemplateGroupId.NotFound\"}"));
        assertEquals(Outcome.UNEXPECTED, workload.classify(500, THROTTLED));
    }

    @Test
    void templateRegistrationsCarryTheTemplateGroupAndNewFilesRoundRobin() {
        Inputs inputs = new Inputs(List.of(A, B), List.of(A), new RegisterBatches(3, "tpl"), "bench tg/é+", List.of());
        Workload workload = Workload.named("register-template", inputs);

        for (int request = 1; request <= 3; request++) {
            AccessKey key = request % 2 == 1 ? A : B;
            Map<String, String> params = signedParams(workload.nextBody(UnpooledByteBufAllocator.DEFAULT), key);
            assertEquals("RegisterMedia", params.get("Action"));
            assertEquals("bench tg/é+", params.get("TemplateGroupId"));
            assertTrue(params.get("RegisterMetadatas").contains(
                    "\"FileURL\":\"https://" + key.storageHost() + "/loadtest/new/tpl/" + request + "-2.mp4\""));
        }
    }

    @Test
    void videoInfoRequestsGoRoundRobinOverTheLinesEachWithItsKey() {
        List<Video> videos = List.of(new Video(A, "v1"), new Video(B, "v/2 é+"), new Video(A, "v3"));
        Workload workload = Workload.named("get-video-info", inputs(new RegisterBatches(), videos));

        for (int request = 0; request < 4; request++) {
            Video video = videos.get(request % 3);
            Map<String, String> params = signedParams(workload.nextBody(UnpooledByteBufAllocator.DEFAULT), video.key());
            assertEquals(request % 3, workload.lastRequest());
            assertEquals(List.of("Action", "Version", "Format", "AccessKeyId", "SignatureMethod", "SignatureVersion",
                    "SignatureNonce", "Timestamp", "VideoId", "Signature"), List.copyOf(params.keySet()));
            assertEquals("GetVideoInfo", params.get("Action"));
            assertEquals(SignedRpc.VERSION, params.get("Version"));
            assertEquals("JSON", params.get("Format"));
            assertEquals(video.key().id(), params.get("AccessKeyId"));
            assertEquals(video.id(), params.get("VideoId"));
        }
    }

    @Test
    void videoInfoAnswersAreOkOnlyForTheVideoAskedFor() {
        List<Video> videos = List.of(new Video(A, "v1"), new Video(B, "a\"b\\c"));
        Workload workload = Workload.named("get-video-info", inputs(new RegisterBatches(), videos));

        assertEquals(Outcome.OK, workload.classify(200, videoInfo("v1"), 0));
        assertEquals(Outcome.OK, workload.classify(200, videoInfo("a\\\"b\\\\c"), 1));
        assertEquals(Outcome.UNEXPECTED, workload.classify(200, videoInfo("v1"), 1));
        assertEquals(Outcome.UNEXPECTED, workload.classify(200, videoInfo("v10"), 0));
        assertEquals(Outcome.UNEXPECTED, workload.classify(200, "{\"RequestId\":\"R\"}", 0));
        assertEquals(Outcome.UNEXPECTED, workload.classify(404, NOT_FOUND, 0));
        assertEquals(Outcome.THROTTLED, workload.classify(400, THROTTLED, 0));
        assertEquals(Outcome.UNEXPECTED, workload.classify(503, THROTTLED, 0));
        // Without the request, any video's info is OK.
        assertEquals(Outcome.OK, workload.classify(200, videoInfo("v10")));
        assertEquals(Outcome.UNEXPECTED, workload.classify(404, NOT_FOUND));
    }

    @Test
    void videoInfoNeedsVideosWithoutControlCharacters() {
        RegisterBatches batches = new RegisterBatches();

        assertThrows(IllegalArgumentException.class, () -> Workload.named("get-video-info", inputs(batches, List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> Workload.named("get-video-info", inputs(batches, List.of(new Video(A, "v\t1")))));
    }

    @Test
    void hotAccountAnswersAreThrottledOrRegistered() {
        Workload workload = Workload.named("register-hot", Inputs.of(KEYS, KEYS, 3));

        assertEquals(Outcome.THROTTLED, workload.classify(400, THROTTLED));
        assertEquals(Outcome.OK, workload.classify(200, registered(false, false, false)));
        assertEquals(Outcome.UNEXPECTED, workload.classify(400, "{\"Code\":\"Throttling\"}"));
        assertEquals(Outcome.UNEXPECTED, workload.classify(200, "{}"));
    }

    @Test
    void trivialAnswersAreMissingAction() {
        Workload workload = Workload.named("trivial", Inputs.of(KEYS, KEYS, 3));

        assertEquals(Outcome.OK, workload.classify(400, "<Error><Code>MissingAction</Code></Error>"));
        assertEquals(Outcome.UNEXPECTED, workload.classify(400, "<Error><Code>MissingActio"));
    }

    @Test
    void unknownKindsAreRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workload.named("register", Inputs.of(KEYS, KEYS, 3)));

        assertEquals("kind must be one of register-new, register-template, register-hot, get-video-info, trivial: "
                + "register", e.getMessage());
    }

    private static Inputs inputs(RegisterBatches batches, List<Video> videos) {
        return new Inputs(List.of(A, B), List.of(A), batches, Inputs.DEFAULT_TEMPLATE_GROUP, videos);
    }

    /** A form body's parameters, decoded, in their order; fails unless its Signature is right for {@code key}. */
    private static Map<String, String> signedParams(ByteBuf body, AccessKey key) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            for (String pair : body.toString(StandardCharsets.US_ASCII).split("&")) {
                int equals = pair.indexOf('=');
                params.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        } finally {
            body.release();
        }
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.remove("Signature");
        assertEquals(AcsSigner.sign("POST", signed, key.secret()), params.get("Signature"));
        return params;
    }

    private static String decode(String formText) {
        // AcsSigner writes '+' as %2B, so a literal '+' (which URLDecoder reads as a space) never occurs.
        assertFalse(formText.contains("+"), formText);
        return URLDecoder.decode(formText, StandardCharsets.UTF_8);
    }

    /** A GetVideoInfo answer whose VideoId is {@code jsonText} as it stands in the JSON. */
    private static String videoInfo(String jsonText) {
        return "{\"RequestId\":\"R\",\"Video\":{\"VideoId\":\"" + jsonText + "\",\"Title\":\"t\",\"Status\":\"Normal\"}}";
    }

    private static String registered(boolean... isNew) {
        StringBuilder json = new StringBuilder("{\"RequestId\":\"R\",\"RegisteredMediaList\":[");
        for (int i = 0; i < isNew.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"MediaId\":\"m").append(i).append("\",\"NewRegister\":")
                    .append(isNew[i]).append('}');
        }
        return json.append("],\"FailedFileURLs\":[]}").toString();
    }
}
