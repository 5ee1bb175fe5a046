package io.openvod.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcsSignerTest {

    @Test
    void signsTheOfficialVodDocumentVector() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "GetVideoPlayAuth");
        params.put("VideoId", "5aed81b74ba84920be578cdfe004af4b");
        params.put("Version", "2017-03-21");
        params.put("Timestamp", "2017-10-10T12:02:54Z");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", "8f8a035d-6496-4268-afd4-67c22837e38d");
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("Format", "JSON");
        params.put("AccessKeyId", "testAccessKeyId");

        assertEquals("GET&%2F&AccessKeyId%3DtestAccessKeyId%26Action%3DGetVideoPlayAuth%26Format%3DJSON"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D8f8a035d-6496-4268-afd4-67c22837e38d"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2017-10-10T12%253A02%253A54Z%26Version%3D2017-03-21"
                + "%26VideoId%3D5aed81b74ba84920be578cdfe004af4b", AcsSigner.stringToSign("GET", params));
        assertEquals("Ibgh7y8Vp47LBuAsf5Xhi1SvDss=", AcsSigner.sign("GET", params, "testAccessKeySecret"));
    }

    @Test
    void signsTheRegisterMediaVector() {
        Map<String, String> params = Map.of(
                "AccessKeyId", "testid",
                "Action", "RegisterMedia",
                "Version", "2017-03-21",
                "Format", "JSON",
                "SignatureMethod", "HMAC-SHA1",
                "SignatureVersion", "1.0",
                "SignatureNonce", "abc",
                "Timestamp", "2024-01-01T00:00:00Z",
                "RegisterMetadatas",
                "[{\"FileURL\":\"https://bucket.oss-cn-shanghai.aliyuncs.com/video/a.mp4\",\"Title\":\"t\"}]");

        assertEquals("aL1P6mHgR1z/9nZ0CsVdE7kWo6Q=", AcsSigner.sign("GET", params, "testsecret"));
    }

    @Test
    void leavesTheSignatureParameterOutOfWhatItSigns() {
        Map<String, String> params = new LinkedHashMap<>(Map.of("Action", "RegisterMedia"));
        String unsigned = AcsSigner.sign("POST", params, "s");
        params.put("Signature", "anything");

        assertEquals(unsigned, AcsSigner.sign("POST", params, "s"));
    }

    @Test
    void percentEncodesTheRfc3986Way() {
        assertEquals("a%20b%2Ac~d-e_f.g", AcsSigner.percentEncode("a b*c~d-e_f.g"));
        assertEquals("%2F%3A%3D%26%2B%E4%B8%AD", AcsSigner.percentEncode("/:=&+中"));
    }

    @Test
    void signedCallsCarryAVerifiableSignatureAndAFreshNonce() {
        AccessKey key = new AccessKey("id", "secret", "bucket.example.com");
        String body = "[{\"FileURL\":\"https://bucket.example.com/a b.mp4\",\"Title\":\"t\"}]";

        Map<String, String> first = decode(SignedRpc.registerMedia(key, body));
        Map<String, String> second = decode(SignedRpc.registerMedia(key, body));

        assertEquals(body, first.get("RegisterMetadatas"));
        assertEquals(AcsSigner.sign("POST", first, "secret"), first.get("Signature"));
        assertNotEquals(first.get("SignatureNonce"), second.get("SignatureNonce"));
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }
}
