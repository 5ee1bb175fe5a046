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
import io.openvod.gateway.support.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
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

    /** Methods HTTP knows, WebDAV's, and one nobody does. */
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "TRACE", "CONNECT", "PROPFIND", "MKCOL", "FOO");
    /** Control characters and invalid UTF-8, percent-encoded as a caller would put them on the wire. */
    private static final List<String> HOSTILE_ENCODED = List.of("%00", "%01", "a%00b", "%0D%0A", "%1F", "%7F",
            "%C3%28", "%FF", "%FE%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%80", "LTAI%00", "%09",
            "x%0Ay", "%C2%85", "%E2%80%A8", "%EF%BF%BF", "");
    /** Malformed percent-encoding. */
    private static final List<String> MALFORMED = List.of("%", "%-1", "%zz", "%G0", "%4", "x%", "%%", "%%41", "%u0041");
    private static final List<String> SIGNED_NAMES = List.of("AccessKeyId", "Signature", "SignatureNonce", "Timestamp",
            "SignatureMethod", "SignatureVersion", "Format", "Action", "Version", "RegisterMetadatas", "Title", "X");
    /** Above what REST Assured's lingering connections of the other properties hold, far below the default. */
    private static final int MAX_CONNECTIONS = 400;

    private static GatewayProcess gateway;
    private static TestAccount account;
    /** Every Signature and SignatureNonce sent, as sent and decoded: none may appear in the gateway's log. */
    private static final Set<String> sentSecrets = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger framingAnswers = new AtomicInteger();

    @BeforeContainer
    static void startGateway() throws Exception {
        gateway = GatewayProcess.start(Map.of("QUARKUS_HTTP_LIMITS_MAX_CONNECTIONS", String.valueOf(MAX_CONNECTIONS),
                "VOD_HTTP_REQUEST_HEAD_TIMEOUT", "2s"));
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = gateway.port();
        account = gateway.provisionAccount(1_000_000);
    }

    @AfterContainer
    static void stopGateway() throws Exception {
        RestAssured.reset();
        try {
            assertLogHoldsNoSecretAndNoErrorForClientMistakes(gateway.log());
        } finally {
            gateway.close();
        }
    }

    /** Checked once at the end, over everything every property sent. */
    private static void assertLogHoldsNoSecretAndNoErrorForClientMistakes(String log) {
        assertThat(log).doesNotContain("ERROR [").doesNotContain("\tat ").doesNotContain("Exception:")
                .doesNotContain(account.accessKeySecret());
        List<String> leaked = new ArrayList<>();
        for (String secret : sentSecrets) {
            if (secret.length() >= 8 && log.contains(secret)) {
                leaked.add(secret);
            }
        }
        assertThat(leaked).as("signatures or nonces in the log").isEmpty();
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

    @Property(tries = 9_000)
    void anyHostileRpcRequestGetsAnEnvelopeOrAFramingAnswer(@ForAll("rpcRequests") String head) throws IOException {
        RawHttp.Answer answer = RawHttp.send(gateway.port(), head);
        assertThat(answer.status()).as(head).isBetween(200, 499);
        if (answer.header("x-acs-request-id") == null) {
            assertIsFramingAnswer(answer, head);
            return;
        }
        if (answer.status() != 200 && !head.startsWith("HEAD ")) { // an answer to HEAD has no body
            assertThat(answer.body()).as(head).containsAnyOf("<Code>", "\"Code\"");
        }
    }

    @Property(tries = 2_000)
    void anyHostileAdminRequestGetsJsonAndNothingWithoutTheToken(@ForAll("adminRequests") AdminRequest request)
            throws IOException {
        RawHttp.Answer answer = RawHttp.send(gateway.managementPort(), request.head(), request.body());
        assertThat(answer.status()).as(request.head()).isBetween(200, 499);
        if (!request.withToken()) {
            assertThat(answer.status()).as(request.head()).isGreaterThanOrEqualTo(400);
        }
        boolean bodiless = request.head().startsWith("HEAD ") || (answer.body().isEmpty() && isFramingStatus(answer.status()));
        if (answer.status() >= 400 && !bodiless) {
            assertThat(answer.header("content-type")).as(request.head() + " -> " + answer.status()).startsWith("application/json");
            assertThat(new io.vertx.core.json.JsonObject(answer.body()).getString("Code")).as(request.head()).isNotBlank();
        }
    }

    @Example
    void trickledRequestHeadIsClosedAtTheDeadline() throws IOException {
        RawHttp.send(gateway.port(), "GET / HTTP/1.1\r\nHost: a");
        long elapsed = RawHttp.trickleUntilClosed(gateway.port(), "GET /?Action=RegisterMedia HTTP/1.1\r\n",
                "X-Trickle: 1\r\n", 300, 10_000);
        assertThat(elapsed).isBetween(1_500L, 4_000L);
    }

    @Example
    void connectionsBeyondTheCapAreRefusedAndServiceResumes() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS + 16; i++) {
                Socket socket = new Socket("127.0.0.1", gateway.port());
                socket.setSoTimeout(500);
                sockets.add(socket);
            }
            int refused = 0;
            for (Socket socket : sockets) {
                try {
                    if (socket.getInputStream().read() < 0) {
                        refused++;
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // held: within the cap
                } catch (IOException reset) {
                    refused++;
                }
            }
            assertThat(refused).isGreaterThanOrEqualTo(16);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        Thread.sleep(200);
        assertThat(RawHttp.send(gateway.port(), "GET / HTTP/1.1\r\nHost: a").header("x-acs-request-id")).isNotBlank();
    }

    private static boolean isFramingStatus(int status) {
        return status == 400 || status == 414 || status == 431;
    }

    /** The HTTP layer's own answers, before any application code (README, "Framing errors"): empty, no request id. */
    private static void assertIsFramingAnswer(RawHttp.Answer answer, String head) {
        assertThat(isFramingStatus(answer.status())).as(head).isTrue();
        assertThat(answer.body()).as(head).isEmpty();
        framingAnswers.incrementAndGet();
    }

    @Provide
    Arbitrary<String> rpcRequests() {
        Arbitrary<String> method = Arbitraries.oneOf(Arbitraries.of("GET", "POST").map(m -> m),
                Arbitraries.of(METHODS));
        Arbitrary<String> path = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("/")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("/%", "/%zz", "/;x", "/%00", "/a/../", "//", "/%2F", "/%C3%28",
                        "/x", "*", "/%2e%2e/")));
        Arbitrary<String> query = Arbitraries.oneOf(signedWithHostileValue(), signedWithRawMutation());
        Arbitrary<String> host = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just("Host: 127.0.0.1")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "Host: a\r\nHost: b", "Host: ", "Host: a b", "Host: [::1",
                        "Host: :80", "Host: x:99999", "Host: h\u00e9", "Host: " + "h".repeat(300), "Host: a\u0001")));
        Arbitrary<String> extra = Arbitraries.of("", "Authorization: ACS3-HMAC-SHA256 Credential=x,SignedHeaders=x-acs-date,Signature=1",
                "Accept: application/json", "Content-Type: application/x-www-form-urlencoded");
        return Combinators.combine(method, path, query, host, extra).as((m, p, q, h, e) -> {
            StringBuilder head = new StringBuilder(m).append(' ').append(p);
            if (!q.isEmpty() && !p.equals("*")) {
                head.append('?').append(q);
            }
            head.append(" HTTP/1.1");
            if (!h.isEmpty()) {
                head.append("\r\n").append(h);
            }
            if (!e.isEmpty()) {
                head.append("\r\n").append(e);
            }
            return head.toString();
        });
    }

    /** Signed correctly, with one parameter (the key id included) holding control characters or odd Unicode. */
    private Arbitrary<String> signedWithHostileValue() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMaxLength(4),
                Arbitraries.of(METACHARACTERS), Arbitraries.strings().all().ofMaxLength(8));
        return Combinators.combine(Arbitraries.of(SIGNED_NAMES), value).as((name, v) -> {
            Rpc rpc = Rpc.registerMedia(account, Metadatas.of(account.fileUrl("h.mp4"))).param(name, v);
            return remember(rpc.signedQueryString("GET"));
        });
    }

    /**
     * Signed, then one parameter's encoded value replaced by invalid UTF-8 or a control character, or a name or
     * value broken by malformed percent-encoding.
     */
    private Arbitrary<String> signedWithRawMutation() {
        Arbitrary<String> replacement = Arbitraries.oneOf(Arbitraries.of(HOSTILE_ENCODED), Arbitraries.of(MALFORMED));
        return Combinators.combine(Arbitraries.of(SIGNED_NAMES), replacement, Arbitraries.of(0, 1, 2)).as((name, r, where) -> {
            String signed = remember(Rpc.registerMedia(account, Metadatas.of(account.fileUrl("m.mp4")))
                    .param("X", "x").signedQueryString("GET"));
            List<String> pairs = new ArrayList<>(List.of(signed.split("&")));
            for (int i = 0; i < pairs.size(); i++) {
                if (pairs.get(i).startsWith(name + "=")) {
                    pairs.set(i, switch (where) {
                        case 0 -> name + "=" + r;                       // the value replaced
                        case 1 -> name + r + "=" + pairs.get(i).substring(name.length() + 1); // the name broken
                        default -> pairs.get(i) + r;                    // appended to the value
                    });
                }
            }
            return String.join("&", pairs);
        });
    }

    private static String remember(String signedQuery) {
        for (String pair : signedQuery.split("&")) {
            if (pair.startsWith("Signature=") || pair.startsWith("SignatureNonce=")) {
                String encoded = pair.substring(pair.indexOf('=') + 1);
                sentSecrets.add(encoded);
                sentSecrets.add(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
            }
        }
        return signedQuery;
    }

    record AdminRequest(String head, String body, boolean withToken) {
    }

    @Provide
    Arbitrary<AdminRequest> adminRequests() {
        Arbitrary<String> id = Arbitraries.of("%zz", "%00", "%C3%28", "%2F", "..", "%2e%2e", "1", "99999999999999999999",
                "-1", "%FF", "a%20b", "LTAI%0A", "%", "%-1", "x%00y", "%E2%80%A8", "abcd");
        Arbitrary<String> template = Arbitraries.of("/admin/accounts/{}", "/admin/accounts/{}/access-keys",
                "/admin/access-keys/{}", "/admin/accounts/1/workflows/{}", "/admin/accounts/1/template-groups/{}",
                "/admin/accounts/1/storage-locations/{}", "/admin/accounts/{}/categories/{}", "/admin{}accounts",
                "/admin/{}", "/admin/accounts/../{}");
        Arbitrary<String> body = Arbitraries.of("", "{}", "{\"name\":\"a\u0000b\"}", "{\"status\":\"Inactive\"}",
                "{\"rateLimitPerSecond\":\"x\"}", "[", "{\"host\":\"%00\"}", "{\"accessKeyId\":\"a b\"}");
        return Combinators.combine(Arbitraries.of(METHODS), template, id, body, Arbitraries.of(true, false))
                .as((method, t, i, b, token) -> {
                    String head = method + " " + t.replace("{}", i) + " HTTP/1.1\r\nHost: 127.0.0.1"
                            + (token ? "\r\nAuthorization: Bearer " + GatewayProcess.ADMIN_TOKEN : "")
                            + "\r\nContent-Type: application/json\r\nContent-Length: "
                            + b.getBytes(StandardCharsets.UTF_8).length;
                    return new AdminRequest(head, b, token);
                });
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
