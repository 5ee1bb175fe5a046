package io.openvod.gateway.auth;
import static org.hamcrest.Matchers.equalTo;

import io.openvod.gateway.core.signature.SignatureV1;
import io.openvod.gateway.core.signature.SignatureV3;
import io.openvod.gateway.support.Admin;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signature verification over real HTTP: docs/vod-api.md §2.3, §2.4 and the errors of §3.2. */
@QuarkusTest
class AuthenticationTest {

    @Inject
    TestAccounts accounts;

    TestAccount account;

    @BeforeEach
    void newAccount() {
        account = accounts.create();
    }

    private Rpc register() {
        return Rpc.registerMedia(account, Metadatas.of(account.fileUrl("auth/" + UUID.randomUUID() + ".mp4")));
    }

    private static String minutesFromNow(long minutes) {
        return Instant.now().plus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void v1SignedQueryIsAccepted() {
        register().get().then().statusCode(200).body("RegisteredMediaList[0].NewRegister", equalTo(true));
    }

    @Test
    void v1SignedFormBodyIsAccepted() {
        register().postForm().then().statusCode(200).body("RegisteredMediaList[0].NewRegister", equalTo(true));
    }

    @Test
    void v1ParametersSplitBetweenQueryAndBodyAreSignedTogether() {
        // As the legacy Tea client does: common parameters in the query, API parameters in the form body.
        String url = account.fileUrl("auth/split.mp4");
        String timestamp = minutesFromNow(0);
        TreeMap<String, String> all = new TreeMap<>();
        all.put("Action", "RegisterMedia");
        all.put("Version", "2017-03-21");
        all.put("Format", "json");
        all.put("AccessKeyId", account.accessKeyId());
        all.put("SignatureMethod", "HMAC-SHA1");
        all.put("SignatureVersion", "1.0");
        all.put("SignatureNonce", UUID.randomUUID().toString());
        all.put("Timestamp", timestamp);
        String metadatas = Metadatas.of(url);
        all.put("RegisterMetadatas", metadatas);
        String signature = SignatureV1.sign(account.accessKeySecret(), SignatureV1.stringToSign("POST", all));
        all.remove("RegisterMetadatas");
        io.restassured.RestAssured.given().queryParams(all).queryParam("Signature", signature)
                .contentType("application/x-www-form-urlencoded").formParam("RegisterMetadatas", metadatas)
                .post("/").then().statusCode(200).body("RegisteredMediaList[0].FileURL", equalTo(url));
    }

    @Test
    void v3SignedRequestIsAccepted() {
        register().v3().post().then().statusCode(200).body("RegisteredMediaList[0].NewRegister", equalTo(true));
    }

    @Test
    void unsignedRequestIsRejectedWithMissingSignature() {
        register().unsigned().get().then().statusCode(400).body("Code", equalTo("MissingSignature"))
                .body("Message", equalTo("Signature is mandatory for this action."));
    }

    @Test
    void requestWithoutAccessKeyIdIsRejected() {
        register().without("AccessKeyId").get().then().statusCode(400).body("Code", equalTo("MissingAccessKeyId"));
    }

    @Test
    void missingSignatureNonceIsRejected() {
        register().without("SignatureNonce").get().then().statusCode(400).body("Code", equalTo("MissingSignatureNonce"));
    }

    @Test
    void wrongSecretGivesSignatureDoesNotMatchEndingWithTheServerStringToSign() {
        String nonce = UUID.randomUUID().toString();
        String timestamp = minutesFromNow(0);
        String metadatas = Metadatas.of(account.fileUrl("auth/wrong.mp4"));
        TreeMap<String, String> signed = new TreeMap<>();
        signed.put("Action", "RegisterMedia");
        signed.put("Version", "2017-03-21");
        signed.put("Format", "JSON");
        signed.put("AccessKeyId", account.accessKeyId());
        signed.put("RegisterMetadatas", metadatas);
        signed.put("SignatureMethod", "HMAC-SHA1");
        signed.put("SignatureVersion", "1.0");
        signed.put("SignatureNonce", nonce);
        signed.put("Timestamp", timestamp);

        Rpc.registerMedia(account, metadatas).signedWith("not-the-secret").nonce(nonce).timestamp(timestamp).get()
                .then().statusCode(400)
                .body("Code", equalTo("SignatureDoesNotMatch"))
                .body("Message", equalTo("Specified signature is not matched with our calculation. "
                        + "server string to sign is:" + SignatureV1.stringToSign("GET", signed)));
    }

    @Test
    void parameterChangedAfterSigningGivesSignatureDoesNotMatch() {
        register().param("Signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=").get().then().statusCode(400)
                .body("Code", equalTo("SignatureDoesNotMatch"));
    }

    @Test
    void unknownAccessKeyIsNotFound404() {
        register().param("AccessKeyId", "LTAInobodyhasthiskey0000").get().then().statusCode(404)
                .body("Code", equalTo("InvalidAccessKeyId.NotFound"));
    }

    @Test
    void disabledAccessKeyIsInactive() {
        Admin.call().body("{\"status\":\"Inactive\"}").patch("/admin/access-keys/" + account.accessKeyId())
                .then().statusCode(204);

        register().get().then().statusCode(400).body("Code", equalTo("InvalidAccessKeyId.Inactive"));
    }

    @Test
    void reEnabledAccessKeyWorksAgain() {
        Admin.call().body("{\"status\":\"Inactive\"}").patch("/admin/access-keys/" + account.accessKeyId());
        Admin.call().body("{\"status\":\"Active\"}").patch("/admin/access-keys/" + account.accessKeyId())
                .then().statusCode(204);

        register().get().then().statusCode(200);
    }

    @Test
    void timestampSixteenMinutesOldIsExpired() {
        register().timestamp(minutesFromNow(-16)).get().then().statusCode(400)
                .body("Code", equalTo("InvalidTimeStamp.Expired"));
    }

    @Test
    void timestampSixteenMinutesAheadIsExpired() {
        register().timestamp(minutesFromNow(16)).get().then().statusCode(400)
                .body("Code", equalTo("InvalidTimeStamp.Expired"));
    }

    @Test
    void timestampFourteenMinutesOldIsAccepted() {
        register().timestamp(minutesFromNow(-14)).get().then().statusCode(200);
    }

    @Test
    void malformedTimestampIsFormatError() {
        register().timestamp("2024/01/01 00:00:00").get().then().statusCode(400)
                .body("Code", equalTo("InvalidTimeStamp.Format"));
    }

    @Test
    void timestampWithoutZoneIsFormatError() {
        register().timestamp("2024-01-01T00:00:00").get().then().statusCode(400)
                .body("Code", equalTo("InvalidTimeStamp.Format"));
    }

    @Test
    void reusedNonceIsRejected() {
        String nonce = UUID.randomUUID().toString();
        register().nonce(nonce).get().then().statusCode(200);

        register().nonce(nonce).get().then().statusCode(400).body("Code", equalTo("SignatureNonceUsed"))
                .body("Message", equalTo("Specified signature nonce was used already."));
    }

    @Test
    void sameNonceUnderAnotherAccessKeyIsIndependent() {
        String nonce = UUID.randomUUID().toString();
        TestAccount other = accounts.create();
        register().nonce(nonce).get().then().statusCode(200);

        Rpc.registerMedia(other, Metadatas.of(other.fileUrl("n.mp4"))).nonce(nonce).get().then().statusCode(200);
    }

    @Test
    void nonceOfARejectedSignatureIsNotBurnt() {
        String nonce = UUID.randomUUID().toString();
        register().nonce(nonce).signedWith("wrong-secret").get().then().body("Code", equalTo("SignatureDoesNotMatch"));

        register().nonce(nonce).get().then().statusCode(200);
    }

    @Test
    void nonceOfOneHundredTwentyEightPrintableCharactersIsAccepted() {
        register().nonce("~!" + "a".repeat(125) + "z").get().then().statusCode(200);
    }

    @Test
    void nonceLongerThanOneHundredTwentyEightCharactersIsInvalid() {
        register().nonce("a".repeat(129)).get().then().statusCode(400)
                .body("Code", equalTo("InvalidParameter"))
                .body("Message", org.hamcrest.Matchers.containsString("SignatureNonce"));
    }

    @Test
    void nonceWithASpaceOrANonAsciiCharacterIsInvalid() {
        register().nonce("a b").get().then().statusCode(400).body("Code", equalTo("InvalidParameter"));
        register().nonce("caf\u00e9").get().then().statusCode(400).body("Code", equalTo("InvalidParameter"));
    }

    @Test
    void unsupportedSignatureMethodIsInvalid() {
        register().param("SignatureMethod", "HMAC-SHA256").get().then().statusCode(400)
                .body("Code", equalTo("InvalidParameter"));
    }

    @Test
    void v3WrongSecretGivesSignatureDoesNotMatchEndingWithTheServerCanonicalRequest() {
        register().v3().signedWith("wrong-secret").post().then().statusCode(400)
                .body("Code", equalTo("SignatureDoesNotMatch"))
                .body("Message", org.hamcrest.Matchers.matchesPattern("(?s).*server string to sign is:POST\\n/\\nFormat=JSON&"
                        + "RegisterMetadatas=.*\\nx-acs-version:2017-03-21\\n\\nx-acs-action;x-acs-content-sha256;"
                        + "x-acs-date;x-acs-signature-nonce;x-acs-version\\n" + SignatureV3.EMPTY_PAYLOAD_HASH));
    }

    @Test
    void v3ExpiredDateIsRejected() {
        register().v3().timestamp(minutesFromNow(-20)).post().then().statusCode(400)
                .body("Code", equalTo("InvalidTimeStamp.Expired"));
    }

    @Test
    void v3ReusedNonceIsRejected() {
        String nonce = UUID.randomUUID().toString();
        register().v3().nonce(nonce).post().then().statusCode(200);

        register().v3().nonce(nonce).post().then().statusCode(400).body("Code", equalTo("SignatureNonceUsed"));
    }

    @Test
    void v3AuthorizationWithoutSignatureIsIncomplete() {
        register().v3().header("Authorization", "ACS3-HMAC-SHA256 Credential=" + account.accessKeyId()
                + ",SignedHeaders=x-acs-date;x-acs-signature-nonce").unsigned()
                .header("x-acs-action", "RegisterMedia").header("x-acs-version", "2017-03-21")
                .header("x-acs-date", minutesFromNow(0)).header("x-acs-signature-nonce", "n1")
                .post().then().statusCode(400).body("Code", equalTo("IncompleteSignature"));
    }

    @Test
    void v3SignatureThatDoesNotCoverTheNonceIsIncomplete() {
        register().unsigned().header("Authorization", "ACS3-HMAC-SHA256 Credential=" + account.accessKeyId()
                + ",SignedHeaders=x-acs-date,Signature=00")
                .header("x-acs-date", minutesFromNow(0)).header("x-acs-signature-nonce", "n2")
                .post().then().statusCode(400).body("Code", equalTo("IncompleteSignature"));
    }

    @Test
    void v3ContentHashThatIsNotTheBodyHashIsRejected() {
        register().v3().header("x-acs-content-sha256", "00".repeat(32)).post().then().statusCode(400)
                .body("Code", equalTo("InvalidParameter"));
    }
}
