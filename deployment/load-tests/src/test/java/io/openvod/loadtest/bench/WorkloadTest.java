package io.openvod.loadtest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.bench.Workload.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private static final List<AccessKey> KEYS = List.of(new AccessKey("id", "secret", "bucket.example.com"));
    private static final String THROTTLED = "{\"RequestId\":\"R\",\"Code\":\"Throttling.User\",\"Message\":\"denied\"}";

    @Test
    void newRegistrationsAreOkOnlyWhenEveryFileIsNew() {
        Workload workload = Workload.named("register-new", KEYS, KEYS, 3);

        assertEquals(Outcome.OK, workload.classify(200, registered(true, true, true)));
        assertEquals(Outcome.UNEXPECTED, workload.classify(200, registered(true, false, true)));
        assertEquals(Outcome.UNEXPECTED, workload.classify(200, registered(true, true, true, true)));
        assertEquals(Outcome.THROTTLED, workload.classify(400, THROTTLED));
        assertEquals(Outcome.UNEXPECTED, workload.classify(500, THROTTLED));
    }

    @Test
    void hotAccountAnswersAreThrottledOrRegistered() {
        Workload workload = Workload.named("register-hot", KEYS, KEYS, 3);

        assertEquals(Outcome.THROTTLED, workload.classify(400, THROTTLED));
        assertEquals(Outcome.OK, workload.classify(200, registered(false, false, false)));
        assertEquals(Outcome.UNEXPECTED, workload.classify(400, "{\"Code\":\"Throttling\"}"));
        assertEquals(Outcome.UNEXPECTED, workload.classify(200, "{}"));
    }

    @Test
    void trivialAnswersAreMissingAction() {
        Workload workload = Workload.named("trivial", KEYS, KEYS, 3);

        assertEquals(Outcome.OK, workload.classify(400, "<Error><Code>MissingAction</Code></Error>"));
        assertEquals(Outcome.UNEXPECTED, workload.classify(400, "<Error><Code>MissingActio"));
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
