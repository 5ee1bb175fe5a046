package io.openvod.gateway.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.VerifiedLocation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-call access-log line, as an operator reads it. */
@QuarkusTest
class AccessLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    TestAccounts accounts;

    @BeforeEach
    void capture() {
        Logger.getLogger("io.openvod.gateway.access").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("io.openvod.gateway.access").removeHandler(capture);
    }

    @Test
    void verifiedCallNamesItsAccountAndKey() {
        TestAccount account = accounts.create();

        String line = lineOf(register(account, "a.mp4").get());

        assertThat(line).contains("account=" + account.id(), "accessKeyId=" + account.accessKeyId(), "code=OK");
    }

    @Test
    void callRefusedBeforeItsSignatureNamesTheKeyItClaimed() {
        TestAccount account = accounts.create(1);
        register(account, "a.mp4").get();
        register(account, "b.mp4").get();

        String line = lineOf(register(account, "c.mp4").signedWith("not-the-secret").get());

        assertThat(line).contains("account=" + account.id(), "accessKeyId=" + account.accessKeyId(),
                "code=Throttling.User");
    }

    @Test
    void callWithAnUnknownKeyNamesNone() {
        TestAccount account = accounts.create();

        String line = lineOf(register(account, "a.mp4").param("AccessKeyId", "LTAInobodyHasThisKey").get());

        assertThat(line).contains("account=- accessKeyId=-", "code=InvalidAccessKeyId.NotFound");
    }

    @Test
    void registrationAgainstAConnectedLocationSaysHowManyFilesItProbed() throws Exception {
        TestAccount account = accounts.create();
        try (VerifiedLocation store = VerifiedLocation.create(accounts, account)) {
            String present = store.put("a.mp4");

            String line = lineOf(Rpc.registerMedia(account, Metadatas.of(present, store.url("b.mp4"))).get());
            String repeat = lineOf(Rpc.registerMedia(account, Metadatas.of(present)).get());

            assertThat(line).endsWith(" probed=2");
            assertThat(repeat).endsWith(" probed=0");
        }
    }

    private static Rpc register(TestAccount account, String objectKey) {
        return Rpc.registerMedia(account, Metadatas.of(account.fileUrl(objectKey)));
    }

    private String lineOf(Response response) {
        String requestId = response.header("x-acs-request-id");
        return lines.stream().filter(line -> line.contains("requestId=" + requestId)).findFirst()
                .orElseThrow(() -> new AssertionError("no access-log line for " + requestId + " in " + lines));
    }
}
