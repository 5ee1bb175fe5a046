package io.openvod.gateway.support;

import static io.restassured.RestAssured.given;

import io.openvod.gateway.core.signature.Rfc3986;
import io.openvod.gateway.core.signature.SignatureV1;
import io.openvod.gateway.core.signature.SignatureV3;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds an RPC call the way an SDK does and sends it over real HTTP. Parameters go in the query string
 * ({@link #get()}, {@link #post()}) or in a form body ({@link #postForm()}).
 * <p>
 * Every call is signed like the core SDK does, with v1 HMAC-SHA1 and the account's secret, a fresh nonce and
 * the current time, unless the test asks otherwise: {@link #v3()}, {@link #unsigned()},
 * {@link #signedWith(String)}, {@link #timestamp(String)}, {@link #nonce(String)}. A parameter set with
 * {@link #param} or removed with {@link #without} wins over what signing would add.
 */
public final class Rpc {

    private static final List<String> V3_SIGNED_HEADERS = List.of("x-acs-action", "x-acs-content-sha256",
            "x-acs-date", "x-acs-signature-nonce", "x-acs-version");

    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();
    private String secret;
    private boolean signed = true;
    private boolean v3;
    private String timestamp;
    private String nonce;

    private Rpc() {
    }

    public static Rpc action(String action, TestAccount account) {
        Rpc rpc = new Rpc();
        rpc.params.put("Action", action);
        rpc.params.put("Version", "2017-03-21");
        rpc.params.put("Format", "JSON");
        if (account != null) {
            rpc.params.put("AccessKeyId", account.accessKeyId());
            rpc.secret = account.accessKeySecret();
        } else {
            rpc.signed = false;
        }
        return rpc;
    }

    public static Rpc registerMedia(TestAccount account, String registerMetadatas) {
        return action("RegisterMedia", account).param("RegisterMetadatas", registerMetadatas);
    }

    public Rpc param(String name, String value) {
        params.put(name, value);
        removed.remove(name);
        return this;
    }

    public Rpc without(String name) {
        params.remove(name);
        removed.add(name);
        return this;
    }

    public Rpc header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Sends no signature parameters at all (AccessKeyId stays). */
    public Rpc unsigned() {
        signed = false;
        return this;
    }

    /** Signs with another secret than the account's, e.g. a wrong one. */
    public Rpc signedWith(String otherSecret) {
        secret = otherSecret;
        return this;
    }

    /** ACS3-HMAC-SHA256 as the Tea SDKs send it: Action and Version in headers, the rest in the query. */
    public Rpc v3() {
        v3 = true;
        return this;
    }

    /** {@code Timestamp} (v1) or {@code x-acs-date} (V3) instead of now. */
    public Rpc timestamp(String value) {
        timestamp = value;
        return this;
    }

    public Rpc nonce(String value) {
        nonce = value;
        return this;
    }

    public Response get() {
        return send("GET", false);
    }

    public Response post() {
        return send("POST", false);
    }

    public Response postForm() {
        return send("POST", true);
    }

    /**
     * Signs the parameters into the query string and sends {@code encodedBody} as the form body exactly as given,
     * e.g. with malformed percent-encoding, which no HTTP client would produce from parameters. The body is not
     * signed, so only what is checked before the signature can be observed.
     */
    public Response postRawForm(String encodedBody) {
        return given().urlEncodingEnabled(false).headers(headers).contentType("application/x-www-form-urlencoded")
                .body(encodedBody).post("/?" + signedQueryString("POST"));
    }

    /**
     * The signed parameters as a ready query string (fresh nonce and timestamp on each call), for load
     * generators that send with their own HTTP client.
     */
    public String signedQueryString(String method) {
        Map<String, String> sent = new LinkedHashMap<>(params);
        if (signed) {
            signV1(method, sent);
        }
        StringBuilder query = new StringBuilder();
        sent.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&")
                .append(Rfc3986.encode(name)).append('=').append(Rfc3986.encode(value)));
        return query.toString();
    }

    private Response send(String method, boolean form) {
        Map<String, String> sent = new LinkedHashMap<>(params);
        Map<String, String> sentHeaders = new LinkedHashMap<>(headers);
        if (signed && v3 && form) {
            throw new IllegalStateException("V3 calls carry their parameters in the query here");
        }
        if (signed && v3) {
            signV3(method, sent, sentHeaders);
        } else if (signed) {
            signV1(method, sent);
        }
        RequestSpecification spec = given().urlEncodingEnabled(true).headers(sentHeaders);
        if (form) {
            return spec.contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(sent).post("/");
        }
        spec = spec.queryParams(sent);
        return "GET".equals(method) ? spec.get("/") : spec.post("/");
    }

    private void signV1(String method, Map<String, String> sent) {
        putDefault(sent, "SignatureMethod", "HMAC-SHA1");
        putDefault(sent, "SignatureVersion", "1.0");
        putDefault(sent, "SignatureNonce", nonce != null ? nonce : UUID.randomUUID().toString());
        putDefault(sent, "Timestamp", timestamp != null ? timestamp : now());
        if (!sent.containsKey("Signature") && !removed.contains("Signature")) {
            sent.put("Signature", SignatureV1.sign(secret, SignatureV1.stringToSign(method, sent)));
        }
    }

    private void signV3(String method, Map<String, String> query, Map<String, String> sentHeaders) {
        String accessKeyId = query.remove("AccessKeyId");
        sentHeaders.put("x-acs-action", query.remove("Action"));
        sentHeaders.put("x-acs-version", query.remove("Version"));
        sentHeaders.put("x-acs-date", timestamp != null ? timestamp : now());
        sentHeaders.put("x-acs-signature-nonce", nonce != null ? nonce : UUID.randomUUID().toString());
        sentHeaders.putIfAbsent("x-acs-content-sha256", SignatureV3.EMPTY_PAYLOAD_HASH);
        Map<String, String> signedValues = new TreeMap<>();
        V3_SIGNED_HEADERS.forEach(name -> signedValues.put(name, sentHeaders.get(name)));
        String canonical = SignatureV3.canonicalRequest(method, query, signedValues, V3_SIGNED_HEADERS,
                sentHeaders.get("x-acs-content-sha256"));
        String signature = SignatureV3.sign(secret, SignatureV3.stringToSign(canonical));
        sentHeaders.put("Authorization", SignatureV3.ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders="
                + String.join(";", V3_SIGNED_HEADERS) + ",Signature=" + signature);
    }

    private void putDefault(Map<String, String> sent, String name, String value) {
        if (!removed.contains(name)) {
            sent.putIfAbsent(name, value);
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
