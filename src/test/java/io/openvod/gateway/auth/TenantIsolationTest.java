package io.openvod.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.openvod.gateway.support.Admin;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An account can never learn or touch another account's media or resources. */
@QuarkusTest
class TenantIsolationTest {

    @Inject
    TestAccounts accounts;

    TestAccount a;
    TestAccount b;

    @BeforeEach
    void twoAccounts() {
        a = accounts.create();
        b = accounts.create();
    }

    @Test
    void sameFileUrlRegisteredByTwoAccountsGivesTwoMediaIds() {
        Admin.call().body("{\"host\":\"" + a.bucketHost() + "\"}").post("/admin/accounts/" + b.id() + "/storage-locations")
                .then().statusCode(201);
        String url = a.fileUrl("shared/movie.mp4");

        String mediaOfA = Rpc.registerMedia(a, Metadatas.of(url)).get().then().statusCode(200)
                .body("RegisteredMediaList[0].NewRegister", equalTo(true))
                .extract().path("RegisteredMediaList[0].MediaId");
        String mediaOfB = Rpc.registerMedia(b, Metadatas.of(url)).get().then().statusCode(200)
                .body("RegisteredMediaList[0].NewRegister", equalTo(true))
                .extract().path("RegisteredMediaList[0].MediaId");

        assertThat(mediaOfB).isNotEqualTo(mediaOfA);
    }

    @Test
    void fileInABucketTheAccountDoesNotHaveFailsWithoutRevealingAnything() {
        String url = a.fileUrl("private/movie.mp4");
        Rpc.registerMedia(a, Metadatas.of(url)).get().then().statusCode(200);

        Rpc.registerMedia(b, Metadatas.of(url)).get().then().statusCode(200)
                .body("RegisteredMediaList", hasSize(0)).body("FailedFileURLs[0]", equalTo(url));
    }

    @Test
    void keyOfBCannotUseTheTemplateGroupOfA() {
        Rpc.registerMedia(b, Metadatas.of(b.fileUrl("t.mp4"))).param("TemplateGroupId", a.templateGroupId()).get()
                .then().statusCode(404).body("Code", equalTo("InvalidTemplateGroupId.NotFound"));
    }

    @Test
    void keyOfBCannotUseTheWorkflowOfA() {
        Rpc.registerMedia(b, Metadatas.of(b.fileUrl("w.mp4"))).param("WorkflowId", a.workflowId()).get()
                .then().statusCode(404).body("Code", equalTo("InvalidWorkflowId.NotFound"));
    }

    @Test
    void keyOfBCannotUseTheCategoryOfA() {
        String item = Metadatas.items(List.of(Metadatas.item(b.fileUrl("c.mp4"), "Title", "c",
                "CateId", a.cateId())));
        Rpc.registerMedia(b, item).get().then().statusCode(404).body("Code", equalTo("InvalidCateId.NotFound"));
    }
}
