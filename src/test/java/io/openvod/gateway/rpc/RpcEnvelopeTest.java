package io.openvod.gateway.rpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import jakarta.inject.Inject;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RPC front door and the Alibaba envelope, independent of what an action does. */
@QuarkusTest
class RpcEnvelopeTest {

    @Inject
    TestAccounts accounts;

    TestAccount account;

    @BeforeEach
    void newAccount() {
        account = accounts.create();
    }

    @Test
    void unknownActionIs404InvalidActionNotFound() {
        Rpc.action("DeleteEverything", account).get().then()
                .statusCode(404)
                .body("Code", equalTo("InvalidAction.NotFound"))
                .body("Message", equalTo("Specified api is not found, please check your url and method."));
    }

    @Test
    void otherVersionIs400InvalidVersion() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).param("Version", "2014-01-01").get().then()
                .statusCode(400)
                .body("Code", equalTo("InvalidVersion"));
    }

    @Test
    void actionAndVersionMayComeAsAcsHeaders() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("h.mp4"))).without("Action").without("Version")
                .header("x-acs-action", "RegisterMedia").header("x-acs-version", "2017-03-21")
                .get().then()
                .statusCode(200)
                .body("RegisteredMediaList", hasSize(1));
    }

    @Test
    void formatIsCaseInsensitive() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("j.mp4"))).param("Format", "json").get().then()
                .statusCode(200).contentType("application/json");
    }

    @Test
    void unknownFormatIsInvalidParameter() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("y.mp4"))).param("Format", "YAML").get().then()
                .statusCode(400)
                .contentType("text/xml")
                .body("Error.Code", equalTo("InvalidParameter"));
    }

    @Test
    void withoutFormatTheAnswerIsXmlAsInTheRealService() {
        String body = Rpc.registerMedia(account, Metadatas.of(account.fileUrl("x.mp4"))).without("Format").get().then()
                .statusCode(200)
                .contentType("text/xml")
                .extract().asString();
        Assertions.assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><RegisterMediaResponse>");
    }

    @Test
    void xmlRendersListsAsRepeatedElementsWithoutItemWrapper() {
        String a = account.fileUrl("xml/a.mp4");
        String b = account.fileUrl("xml/b.mp4");
        String failed = account.fileUrl("xml/readme.txt");
        Rpc.registerMedia(account, Metadatas.of(a)).get().then().statusCode(200);

        String body = Rpc.registerMedia(account, Metadatas.of(a, b, failed)).param("Format", "XML").get().then()
                .statusCode(200).contentType("text/xml").extract().asString();

        XmlPath xml = new XmlPath(body);
        Assertions.assertThat(xml.getList("RegisterMediaResponse.RegisteredMediaList.FileURL")).containsExactly(a, b);
        Assertions.assertThat(xml.getList("RegisterMediaResponse.RegisteredMediaList.NewRegister")).containsExactly("false", "true");
        Assertions.assertThat(xml.getList("RegisterMediaResponse.FailedFileURLs")).containsExactly(failed);
        Assertions.assertThat(xml.getString("RegisterMediaResponse.RequestId")).matches("[0-9A-F-]{36}");
        Assertions.assertThat(body).doesNotContain("<RegisteredMedia>").doesNotContain("<Code>");
    }

    @Test
    void xmlEscapesMarkupInEveryValue() {
        String tricky = account.fileUrl("x/</FileURL><x>&amp;.mp4");
        String body = Rpc.registerMedia(account, Metadatas.of(tricky)).param("Format", "XML").get().then()
                .statusCode(200).extract().asString();
        Assertions.assertThat(new XmlPath(body).getString("RegisterMediaResponse.RegisteredMediaList.FileURL")).isEqualTo(tricky);
    }

    @Test
    void xmlErrorHasErrorRootAndAllFields() {
        Rpc.registerMedia(account, "not json").param("Format", "XML").get().then()
                .statusCode(400)
                .contentType("text/xml")
                .body("Error.Code", equalTo("InvalidParameter"))
                .body("Error.RequestId", matchesPattern("[0-9A-F-]{36}"))
                .body("Error.HostId", startsWith("localhost"))
                .body("Error.Recommend", startsWith("http://localhost"));
    }

    @Test
    void recommendLinksToTheGatewaysOwnErrorTable() {
        String recommend = Rpc.registerMedia(account, "not json").get().then().statusCode(400)
                .extract().path("Recommend");

        Assertions.assertThat(recommend).matches("http://localhost:[0-9]+/errors.md");
        given().get("/errors.md").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "| `InvalidParameter` | 400 |"));
    }

    @Test
    void acceptJsonWithoutFormatAnswersJsonAsV3SdksExpect() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("accept.mp4"))).without("Format")
                .header("Accept", "application/json").get().then()
                .statusCode(200).contentType("application/json");
    }

    @Test
    void errorEnvelopeCarriesRequestIdInBodyAndHeader() {
        var response = Rpc.action("Nope", account).get();
        Assertions.assertThat(response.jsonPath().getString("RequestId")).isEqualTo(response.header("x-acs-request-id"));
    }

    @Test
    void missingActionIsAnEnvelopeToo() {
        given().get("/").then().statusCode(400).contentType("text/xml").body("Error.Code", equalTo("MissingAction"));
    }

    @Test
    void missingActionIsExplainedInPlainWords() {
        given().get("/").then().body("Error.Message", equalTo(
                "The parameter Action is mandatory: it names the API to call, for example Action=RegisterMedia."));
    }

    @Test
    void otherPathsAnswerWithTheEnvelopeNotAnHtmlPage() {
        given().accept("application/json").get("/no/such/path").then()
                .statusCode(404).contentType("application/json").body("Code", equalTo("InvalidAction.NotFound"));
    }

    @Test
    void parameterGivenTwiceIsRejected() {
        given().accept("application/json").queryParam("Action", "RegisterMedia")
                .queryParam("Version", "2017-03-21").queryParam("Version", "2017-03-21").get("/").then()
                .statusCode(400).body("Code", equalTo("InvalidParameter")).body("Message", containsString("\"Version\""));
    }

    @Test
    void malformedPercentEncodingIsInvalidParameter() {
        // No HTTP client sends a malformed query, so the malformed text goes in a form body.
        Rpc.action("RegisterMedia", account).postRawForm("RegisterMetadatas=%E0%A4%ZZ").then()
                .statusCode(400).body("Code", equalTo("InvalidParameter")).body("Message", containsString("RegisterMetadatas"));
    }

    @Test
    void successBodyHasNoCodeField() {
        var body = Rpc.registerMedia(account, Metadatas.of(account.fileUrl("nocode.mp4"))).get().then().statusCode(200)
                .extract().jsonPath().getMap("$");
        Assertions.assertThat(body.keySet()).containsExactly("RequestId", "RegisteredMediaList", "FailedFileURLs");
    }

    @Test
    void emptyListsAreEmptyJsonArrays() {
        Rpc.registerMedia(account, Metadatas.of("https://elsewhere.oss-cn-shanghai.aliyuncs.com/a.mp4")).get().then()
                .statusCode(200)
                .body("RegisteredMediaList", equalTo(List.of()));
    }
}
