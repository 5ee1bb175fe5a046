package io.openvod.gateway.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the manifests point at answers on the running application's management interface. */
@QuarkusTest
class ManagementEndpointsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void everyProbeOfTheDeploymentAnswersUp() {
        Container gateway = Variant.of("base").gateway();
        for (Probe probe : List.of(gateway.getStartupProbe(), gateway.getLivenessProbe(), gateway.getReadinessProbe())) {
            given().get(managementUrl(probe.getHttpGet().getPath())).then()
                    .statusCode(200)
                    .body("status", equalTo("UP"));
        }
    }

    @Test
    void openApiDescribesTheRpcEndpointAndTheAdminApi() {
        JsonPath openapi = given().accept("application/json").get(managementUrl("/q/openapi")).then()
                .statusCode(200).extract().jsonPath();

        assertThat(openapi.getMap("paths").keySet()).contains("/", "/admin/accounts", "/admin/accounts/{id}",
                "/admin/accounts/{id}/access-keys", "/admin/access-keys/{keyId}",
                "/admin/accounts/{id}/storage-locations", "/admin/accounts/{id}/storage-locations/{host}");
        assertThat(openapi.getMap("paths.'/'").keySet()).contains("get", "post");
        assertThat(openapi.getString("components.securitySchemes.adminToken.scheme")).isEqualTo("bearer");
        assertThat(openapi.getList("components.schemas.ErrorEnvelope.required"))
                .containsExactly("RequestId", "HostId", "Code", "Message");
    }

    @Test
    void openApiDescribesTheAnswerOfEveryAction() {
        JsonPath openapi = given().accept("application/json").get(managementUrl("/q/openapi")).then()
                .statusCode(200).extract().jsonPath();

        assertThat(openapi.getList("components.responses.ActionSuccess.content.'application/json'.schema.oneOf.'$ref'"))
                .hasSize(7);
        assertThat(openapi.getString("components.schemas.GetVideoListResponse.properties.VideoList.properties.Video.type"))
                .isEqualTo("array");
        assertThat(openapi.getString("components.schemas.GetVideoInfosResponse.properties.VideoList.type"))
                .isEqualTo("array");
    }

    @Test
    void openApiSendsEachApiToItsOwnPort() {
        JsonPath openapi = given().accept("application/json").get(managementUrl("/q/openapi")).then()
                .statusCode(200).extract().jsonPath();

        assertThat(openapi.getList("servers")).hasSize(1);
        assertThat(openapi.getString("servers[0].variables.port.default")).isEqualTo("8080");
        for (String path : List.of("/admin/accounts", "/admin/accounts/{id}", "/admin/access-keys/{keyId}",
                "/admin/accounts/{id}/{resource}/{resourceId}")) {
            // relative: the origin of /q/openapi, which is the management port
            assertThat(openapi.getString("paths.'" + path + "'.servers[0].url")).as(path).isEqualTo("/");
        }
    }

    @Test
    void openApiDescribesThePagedListings() {
        JsonPath openapi = given().accept("application/json").get(managementUrl("/q/openapi")).then()
                .statusCode(200).extract().jsonPath();

        assertThat(openapi.getString("paths.'/admin/accounts'.get.operationId")).isEqualTo("listAccounts");
        assertThat(openapi.getString("paths.'/admin/accounts/{id}/storage-locations'.get.operationId"))
                .isEqualTo("listStorageLocations");
        assertThat(openapi.getString("paths.'/admin/accounts/{id}/{resource}'.get.operationId")).isEqualTo("listResources");
        assertThat(openapi.getInt("components.parameters.PageSize.schema.maximum")).isEqualTo(100);
    }

    @Test
    void openApiListsEveryRpcActionWithItsSummaryAndRateLimit() {
        JsonPath openapi = given().accept("application/json").get(managementUrl("/q/openapi")).then()
                .statusCode(200).extract().jsonPath();

        assertThat(openapi.getList("components.parameters.Action.schema.enum")).containsExactly("DeleteVideo",
                "GetMezzanineInfo", "GetVideoInfo", "GetVideoInfos", "GetVideoList", "RegisterMedia", "UpdateVideoInfo");
        assertThat(openapi.getString("components.parameters.Action.description"))
                .contains("| `RegisterMedia` | Registers up to 10 media files").contains("| 50 |")
                .contains("| `DeleteVideo` | Deletes up to 20 registrations").contains("| 30 |")
                .contains("| `GetVideoInfo` | Returns one registered medium").contains("| 100 |");
    }

    @Test
    void metricsAreNotServedOnTheRpcPort() {
        given().get("/q/metrics").then().statusCode(404);
    }

    private String managementUrl(String path) {
        return management.toString().replaceAll("/+$", "").replaceAll("/q$", "") + path;
    }
}
