package io.openvod.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code com.aliyun:tea-openapi} 0.3.15, the generic client that the generated {@code com.aliyun:vod20170321}
 * 3.x client wraps (that artifact does not resolve here), driven exactly as the generated
 * {@code registerMediaWithOptions} drives it. V2 = the generated Java client's {@code _signatureAlgorithm="v2"}
 * (ACS v1 HMAC-SHA1); V3 = the algorithm left unset (ACS3-HMAC-SHA256).
 */
@QuarkusTest
class TeaOpenApiTest {

    enum Variant {
        V2, V3
    }

    /** What the generated client is: a subclass of the generic one that only sets its fields. */
    static final class GeneratedStyleVodClient extends com.aliyun.teaopenapi.Client {

        GeneratedStyleVodClient(Config config, Variant variant) throws Exception {
            super(config);
            this._endpointRule = "regional";
            if (variant == Variant.V2) {
                this._signatureAlgorithm = "v2";
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> registerMedia(Map<String, String> query) throws Exception {
            Params params = new Params().setAction("RegisterMedia").setVersion("2017-03-21").setProtocol("HTTPS")
                    .setPathname("/").setMethod("POST").setAuthType("AK").setStyle("RPC").setReqBodyType("formData")
                    .setBodyType("json");
            OpenApiRequest request = new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(query));
            return (Map<String, Object>) callApi(params, request, new RuntimeOptions());
        }
    }

    @Inject
    TestAccounts accounts;

    private static GeneratedStyleVodClient client(TestAccount account, String secret, Variant variant) throws Exception {
        return new GeneratedStyleVodClient(new Config().setAccessKeyId(account.accessKeyId()).setAccessKeySecret(secret)
                .setRegionId("cn-shanghai").setEndpoint(SdkEndpoint.hostAndPort()).setProtocol("HTTP"), variant);
    }

    private static String url(TestAccount account, String extension) {
        return TestAccounts.putObject(account, "sdk/tea/" + UUID.randomUUID() + "." + extension);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> result) {
        assertThat(result.get("statusCode")).isEqualTo(200);
        return (Map<String, Object>) result.get("body");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstMedia(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("RegisteredMediaList")).get(0);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void newFileIsRegistered(Variant variant) throws Exception {
        TestAccount account = accounts.createVerified();
        String url = url(account, "mp4");

        Map<String, Object> body = body(client(account, account.accessKeySecret(), variant)
                .registerMedia(Map.of("RegisterMetadatas", Metadatas.of(url))));

        assertThat(body.get("RequestId").toString()).matches("[0-9A-F-]{36}");
        assertThat(firstMedia(body)).containsEntry("FileURL", url).containsEntry("NewRegister", true);
        assertThat(firstMedia(body).get("MediaId").toString()).matches("[0-9a-f]{32}");
        assertThat((List<?>) body.get("FailedFileURLs")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void repeatedFileGivesTheSameMediaIdAndNewRegisterFalse(Variant variant) throws Exception {
        TestAccount account = accounts.createVerified();
        Map<String, String> query = Map.of("RegisterMetadatas", Metadatas.of(url(account, "mp4")));
        GeneratedStyleVodClient client = client(account, account.accessKeySecret(), variant);

        Map<String, Object> first = body(client.registerMedia(query));
        Map<String, Object> second = body(client.registerMedia(query));

        assertThat(firstMedia(second).get("MediaId")).isEqualTo(firstMedia(first).get("MediaId"));
        assertThat(firstMedia(second).get("NewRegister")).isEqualTo(false);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @EnumSource(Variant.class)
    void batchWithAnUnregistrableFileListsItInFailedFileUrls(Variant variant) throws Exception {
        TestAccount account = accounts.createVerified();
        String good = url(account, "mp4");
        String bad = url(account, "pdf");

        Map<String, Object> body = body(client(account, account.accessKeySecret(), variant)
                .registerMedia(Map.of("RegisterMetadatas", Metadatas.of(good, bad))));

        assertThat(firstMedia(body)).containsEntry("FileURL", good);
        assertThat((List<Object>) body.get("FailedFileURLs")).containsExactly(bad);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void wrongSecretSurfacesSignatureDoesNotMatch(Variant variant) throws Exception {
        TestAccount account = accounts.createVerified();
        GeneratedStyleVodClient client = client(account, "wrong-secret", variant);

        TeaException error = catchThrowableOfType(TeaException.class,
                () -> client.registerMedia(Map.of("RegisterMetadatas", Metadatas.of(url(account, "mp4")))));

        assertThat(error.getCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.getStatusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void invalidRequestSurfacesOurCodeAndStatus(Variant variant) throws Exception {
        TestAccount account = accounts.createVerified();
        GeneratedStyleVodClient client = client(account, account.accessKeySecret(), variant);

        TeaException error = catchThrowableOfType(TeaException.class,
                () -> client.registerMedia(Map.of("RegisterMetadatas", "not json")));

        assertThat(error.getCode()).isEqualTo("InvalidParameter");
        assertThat(error.getStatusCode()).isEqualTo(400);
        assertThat(error.getData()).containsKey("RequestId");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void throttledCallSurfacesThrottlingUser(Variant variant) throws Exception {
        TestAccount account = accounts.create(1);
        GeneratedStyleVodClient client = client(account, account.accessKeySecret(), variant);
        client.registerMedia(Map.of("RegisterMetadatas", Metadatas.of(url(account, "mp4"))));

        TeaException error = catchThrowableOfType(TeaException.class,
                () -> client.registerMedia(Map.of("RegisterMetadatas", Metadatas.of(url(account, "mp4")))));

        assertThat(error.getCode()).isEqualTo("Throttling.User");
        assertThat(error.getStatusCode()).isEqualTo(400);
    }
}
