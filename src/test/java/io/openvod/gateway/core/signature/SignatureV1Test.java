package io.openvod.gateway.core.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published v1 vectors of docs/vod-api.md §2.3. */
class SignatureV1Test {

    private static final String REGISTER_METADATAS =
            "[{\"FileURL\":\"https://bucket.oss-cn-shanghai.aliyuncs.com/video/a.mp4\",\"Title\":\"t\"}]";

    @Test
    void officialVodDocumentVectorGivesItsStringToSignAndSignature() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("VideoId", "5aed81b74ba84920be578cdfe004af4b");
        params.put("Version", "2017-03-21");
        params.put("Timestamp", "2017-10-10T12:02:54Z");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", "8f8a035d-6496-4268-afd4-67c22837e38d");
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("Format", "JSON");
        params.put("Action", "GetVideoPlayAuth");
        params.put("AccessKeyId", "testAccessKeyId");

        String stringToSign = SignatureV1.stringToSign("GET", params);

        assertThat(stringToSign).isEqualTo("GET&%2F&AccessKeyId%3DtestAccessKeyId%26Action%3DGetVideoPlayAuth"
                + "%26Format%3DJSON%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D8f8a035d-6496-4268-afd4-67c22837e38d"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2017-10-10T12%253A02%253A54Z%26Version%3D2017-03-21"
                + "%26VideoId%3D5aed81b74ba84920be578cdfe004af4b");
        assertThat(SignatureV1.sign("testAccessKeySecret", stringToSign)).isEqualTo("Ibgh7y8Vp47LBuAsf5Xhi1SvDss=");
    }

    @Test
    void sdkUtilityVectorGivesItsSignature() {
        String stringToSign = SignatureV1.stringToSign("GET", Map.of("query", "test", "body", "test"));

        assertThat(SignatureV1.sign("secret", stringToSign)).isEqualTo("XlUyV4sXjOuX5FnjUz9IF9tm5rU=");
    }

    @Test
    void registerMediaVectorGivesItsSignature() {
        String stringToSign = SignatureV1.stringToSign("GET", registerMediaParams());

        assertThat(SignatureV1.sign("testsecret", stringToSign)).isEqualTo("aL1P6mHgR1z/9nZ0CsVdE7kWo6Q=");
    }

    @Test
    void signatureParameterItselfIsNotSigned() {
        Map<String, String> params = registerMediaParams();
        params.put("Signature", "anything");

        assertThat(SignatureV1.sign("testsecret", SignatureV1.stringToSign("GET", params)))
                .isEqualTo("aL1P6mHgR1z/9nZ0CsVdE7kWo6Q=");
    }

    @Test
    void matchesAcceptsTheRightSignatureOnly() {
        String stringToSign = SignatureV1.stringToSign("GET", registerMediaParams());

        assertThat(SignatureV1.matches("testsecret", stringToSign, "aL1P6mHgR1z/9nZ0CsVdE7kWo6Q=")).isTrue();
        assertThat(SignatureV1.matches("othersecret", stringToSign, "aL1P6mHgR1z/9nZ0CsVdE7kWo6Q=")).isFalse();
        assertThat(SignatureV1.matches("testsecret", stringToSign, "aL1P6mHgR1z/9nZ0CsVdE7kWo6Q")).isFalse();
    }

    @Test
    void methodIsPartOfTheStringToSign() {
        assertThat(SignatureV1.stringToSign("POST", Map.of("A", "b"))).isEqualTo("POST&%2F&A%3Db");
    }

    static Map<String, String> registerMediaParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccessKeyId", "testid");
        params.put("Action", "RegisterMedia");
        params.put("Format", "JSON");
        params.put("RegisterMetadatas", REGISTER_METADATAS);
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", "abc");
        params.put("SignatureVersion", "1.0");
        params.put("Timestamp", "2024-01-01T00:00:00Z");
        params.put("Version", "2017-03-21");
        return params;
    }
}
