package io.openvod.gateway.it;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and malformed input thrown at the real HTTP endpoint of the packaged gateway. Whatever comes in, the
 * answer is a well-formed envelope: 200 or a 4xx with Code and RequestId, never a 5xx, never a stack trace,
 * never the caller's secret; and what is stored reads back byte for byte.
 */
class HostileInputPropertyIT {

    private static final List<String> METACHARACTERS = List.of("'; DROP TABLE media; --", "' OR '1'='1", "\\",
            "\"", "</Title><x>", "]]>", "<![CDATA[", "&amp;", "&#0;", "${jndi:ldap://x}", "%00", "%s%n", "\u0000",
            "\uD800", "\uDFFF", "\uFFFE", "\u202E", "\uD83C\uDF89", "视频", "\r\n", "\t", "null", "[]", "{}");

    private static final ObjectMapper ASCII_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static GatewayProcess gateway;
    private static TestAccount account;

    @BeforeContainer
    static void startGateway() throws Exception {
        gateway = GatewayProcess.start(Map.of());
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = gateway.port();
        account = gateway.provisionAccount(1_000_000);
    }

    @AfterContainer
    static void stopGateway() throws Exception {
        RestAssured.reset();
        gateway.close();
    }

    @Property(tries = 150)
    void anyRegisterMetadatasTextGetsAnEnvelope(@ForAll("hostileText") String registerMetadatas) {
        assertWellFormed(Rpc.registerMedia(account, registerMetadatas).post());
    }

    @Property(tries = 150)
    void hostileFieldValuesAreRejectedCleanlyOrStoredExactly(@ForAll("hostileText") String title,
            @ForAll("hostileText") String description, @ForAll("hostileText") String tags,
            @ForAll("hostileText") String objectKey) throws Exception {
        String url = account.fileUrl("p/" + objectKey + ".mp4");
        Response response = Rpc.registerMedia(account, asciiJson(List.of(Metadatas.item(url, "Title", title,
                "Description", description, "Tags", tags)))).postForm();
        assertWellFormed(response);
        if (response.statusCode() == 200 && !response.jsonPath().getList("RegisteredMediaList").isEmpty()
                && response.jsonPath().getBoolean("RegisteredMediaList[0].NewRegister")) {
            String key = response.jsonPath().getString("RegisteredMediaList[0].FileURL");
            assertThat(key).isEqualTo(url);
            if (!title.isEmpty()) {
                assertThat(ItDatabase.column("title", account.id(), url)).isEqualTo(title);
            }
            assertThat(ItDatabase.column("description", account.id(), url)).isEqualTo(description);
        }
    }

    @Property(tries = 200)
    void anyParameterOfTheMediaActionsGetsAnEnvelope(@ForAll("mediaActions") String action,
            @ForAll("mediaParameters") String parameter, @ForAll("hostileText") String value, @ForAll boolean xml)
            throws Exception {
        Rpc rpc = Rpc.action(action, account).param("VideoId", "v").param("VideoIds", "v").param(parameter, value);
        Response response = xml ? rpc.param("Format", "XML").postForm() : rpc.postForm();
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 400, 404);
        if (xml) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
        } else {
            assertWellFormed(response);
        }
    }

    @Provide
    Arbitrary<String> mediaActions() {
        return Arbitraries.of("GetMezzanineInfo", "GetVideoInfo", "GetVideoInfos", "GetVideoList", "UpdateVideoInfo",
                "DeleteVideo");
    }

    @Provide
    Arbitrary<String> mediaParameters() {
        return Arbitraries.of("VideoId", "VideoIds", "Title", "Description", "Tags", "CoverURL", "CateId", "Status",
                "StartTime", "EndTime", "StorageLocation", "PageNo", "PageSize", "SortBy", "AuthTimeout", "OutputType",
                "AdditionType");
    }

    @Property(tries = 60)
    void deeplyNestedJsonIsRejectedNotCrashedOn(@ForAll("depths") int depth, @ForAll boolean inUserData) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        Rpc rpc = inUserData
                ? Rpc.registerMedia(account, Metadatas.of(account.fileUrl("n.mp4"))).param("UserData", "{\"Extend\":" + nested + "}")
                : Rpc.registerMedia(account, nested);
        assertWellFormed(rpc.postForm());
    }

    @Property(tries = 150)
    void malformedBytesInAFormBodyAreRejectedWithAnEnvelope(@ForAll("malformedForm") String body) {
        // ISO-8859-1 puts the raw high bytes (U+0080, U+00FF) on the wire as single bytes: invalid UTF-8.
        Response response = given().accept("application/json")
                .contentType("application/x-www-form-urlencoded; charset=ISO-8859-1").body(body).post("/");
        assertWellFormed(response);
        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Property(tries = 100)
    void xmlAnswersStayWellFormedWhateverTheInput(@ForAll("hostileText") String objectKey) throws Exception {
        Response response = Rpc.registerMedia(account, Metadatas.of(account.fileUrl("x/" + objectKey + ".mp4")))
                .param("Format", "XML").post();
        assertThat(response.statusCode()).isLessThan(500);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
    }

    /**
     * JSON with every non-ASCII character escaped, so that lone surrogates and the like reach the gateway as
     * written; raw, the client's UTF-8 encoder would already have replaced them with '?'.
     */
    private static String asciiJson(Object value) throws Exception {
        return ASCII_JSON.writeValueAsString(value);
    }

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> pieces = Arbitraries.of(METACHARACTERS).list().ofMaxSize(4).map(p -> String.join("", p));
        Arbitrary<String> mixed = Combinators.combine(anyChars, pieces).as((a, b) -> a + b);
        return Arbitraries.oneOf(anyChars, pieces, mixed);
    }

    @Provide
    Arbitrary<Integer> depths() {
        // Deeper than Jackson's nesting limit (1000), yet inside the 128 KiB body once percent-encoded.
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 50), Arbitraries.integers().between(900, 5_000));
    }

    /** Form bodies with broken escapes, overlong UTF-8, encoded surrogates, NULs and raw high bytes. */
    @Provide
    Arbitrary<String> malformedForm() {
        Arbitrary<String> badEscape = Arbitraries.of("%", "%4", "%G1", "%ZZ", "%C0%AF", "%ED%A0%80", "%F8%88%80%80%80",
                "%FF", "%C3", "%E2%82", "%00", "\u00FF", "\u0080");
        Arbitrary<String> value = badEscape.list().ofMinSize(1).ofMaxSize(4).map(v -> String.join("x", v));
        return Combinators.combine(Arbitraries.of("RegisterMetadatas", "Title", "Action", "Signature", "%ZZ"), value)
                .as((name, v) -> "Action=RegisterMedia&Version=2017-03-21&Format=JSON&" + name + "=" + v);
    }

    private static void assertWellFormed(Response response) {
        int status = response.statusCode();
        String body = response.asString();
        assertThat(status).as(body).isIn(200, 400, 403, 404, 413);
        assertThat(response.header("x-acs-request-id")).isNotBlank();
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(account.accessKeySecret());
        if (response.contentType().startsWith("application/json")) {
            var json = response.jsonPath();
            assertThat(json.getString("RequestId")).isEqualTo(response.header("x-acs-request-id"));
            if (status != 200) {
                assertThat(json.getString("Code")).isNotBlank();
                assertThat(json.getString("Message")).isNotBlank();
                assertThat(json.getString("HostId")).isNotBlank();
            } else {
                assertThat(json.getMap("$")).doesNotContainKey("Code");
            }
        }
    }
}
