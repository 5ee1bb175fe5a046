package io.openvod.gateway.core.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published V3 vectors of docs/vod-api.md §2.4. */
class SignatureV3Test {

    private static final String REGISTER_METADATAS =
            "[{\"FileURL\":\"https://bucket.oss-cn-shanghai.aliyuncs.com/video/a.mp4\",\"Title\":\"t\"}]";
    private static final List<String> REGISTER_SIGNED_HEADERS = List.of("host", "x-acs-action",
            "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version");

    @Test
    void sdkUtilityVectorGivesItsSignature() {
        String canonical = SignatureV3.canonicalRequest("GET", Map.of("test", "ok", "empty", ""),
                Map.of("x-acs-test", SignatureV3Test.combined("http", "https")), List.of("x-acs-test"),
                "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23");

        assertThat(SignatureV3.sign("secret", SignatureV3.stringToSign(canonical)))
                .isEqualTo("d16b30a7699ae9e43875b13195b2f81bcc3ed10c14a9b5eb780e51619aa50be1");
    }

    @Test
    void registerMediaVectorGivesItsCanonicalHashAndSignature() {
        String canonical = SignatureV3.canonicalRequest("POST", Map.of("RegisterMetadatas", REGISTER_METADATAS),
                Map.of("host", "vod.cn-shanghai.aliyuncs.com", "x-acs-action", "RegisterMedia",
                        "x-acs-version", "2017-03-21", "x-acs-date", "2024-01-01T00:00:00Z",
                        "x-acs-signature-nonce", "abc", "x-acs-content-sha256", SignatureV3.EMPTY_PAYLOAD_HASH),
                REGISTER_SIGNED_HEADERS, SignatureV3.EMPTY_PAYLOAD_HASH);
        String stringToSign = SignatureV3.stringToSign(canonical);

        assertThat(stringToSign)
                .isEqualTo("ACS3-HMAC-SHA256\nc109a61a4de0cebdfadd6dcbaf2073cef9f3975f597bc1141630ae7be9f4802b");
        assertThat(SignatureV3.sign("testsecret", stringToSign))
                .isEqualTo("1f469419875bea6fbcedcef75afbae3c066cdf86c45d2ef225e5364076ce4181");
        assertThat(SignatureV3.matches("testsecret", stringToSign,
                "1F469419875BEA6FBCEDCEF75AFBAE3C066CDF86C45D2EF225E5364076CE4181")).isTrue();
        assertThat(SignatureV3.matches("wrong", stringToSign,
                "1f469419875bea6fbcedcef75afbae3c066cdf86c45d2ef225e5364076ce4181")).isFalse();
    }

    @Test
    void emptyPayloadHashIsSha256OfNothing() {
        assertThat(SignatureV3.sha256Hex(new byte[0])).isEqualTo(SignatureV3.EMPTY_PAYLOAD_HASH);
    }

    @Test
    void authorizationIsParsedByKeyWhateverTheFieldOrder() {
        var coreSdkOrder = SignatureV3.parseAuthorization(
                "ACS3-HMAC-SHA256 Credential=AK,Signature=abc,SignedHeaders=x-acs-date;content-type");
        var teaOrder = SignatureV3.parseAuthorization(
                "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=content-type;x-acs-date,Signature=abc");

        assertThat(coreSdkOrder).isEqualTo(teaOrder);
        assertThat(teaOrder.accessKeyId()).isEqualTo("AK");
        assertThat(teaOrder.signedHeaders()).containsExactly("content-type", "x-acs-date");
        assertThat(teaOrder.signature()).isEqualTo("abc");
    }

    @Test
    void authorizationWithoutAllThreeFieldsIsIncomplete() {
        assertThat(SignatureV3.parseAuthorization("ACS3-HMAC-SHA256 Credential=AK,Signature=abc")).isNull();
        assertThat(SignatureV3.parseAuthorization("ACS3-HMAC-SHA256 ")).isNull();
        assertThat(SignatureV3.parseAuthorization("Bearer token")).isNull();
    }

    static String combined(String... values) {
        return String.join(",", values);
    }
}
