package io.openvod.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Registrations;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The media actions through {@code com.aliyun:tea-openapi} 0.3.15, driven as the generated
 * {@code com.aliyun:vod20170321} client drives it ({@code getVideoInfoWithOptions}, ...: RPC, POST, form data,
 * JSON body), then read as the generated models read the body map; V2 = v1 HMAC-SHA1, V3 = ACS3-HMAC-SHA256.
 */
@QuarkusTest
class TeaOpenApiMediaTest {

    enum Variant {
        V2, V3
    }

    /** The generated client: a subclass of the generic one that only sets its fields, one method per action. */
    static final class GeneratedStyleVodClient extends com.aliyun.teaopenapi.Client {

        GeneratedStyleVodClient(Config config, Variant variant) throws Exception {
            super(config);
            this._endpointRule = "regional";
            if (variant == Variant.V2) {
                this._signatureAlgorithm = "v2";
            }
        }

        /** What every generated {@code <action>WithOptions} does, with the request's fields as the query. */
        @SuppressWarnings("unchecked")
        Map<String, Object> call(String action, Map<String, Object> query) throws Exception {
            Params params = new Params().setAction(action).setVersion("2017-03-21").setProtocol("HTTPS")
                    .setPathname("/").setMethod("POST").setAuthType("AK").setStyle("RPC").setReqBodyType("formData")
                    .setBodyType("json");
            OpenApiRequest request = new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(query));
            Map<String, Object> result = (Map<String, Object>) callApi(params, request, new RuntimeOptions());
            assertThat(result.get("statusCode")).isEqualTo(200);
            return (Map<String, Object>) result.get("body");
        }
    }

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;
    String first;
    String second;

    @BeforeEach
    void twoMedia() {
        account = accounts.create();
        first = Registrations.register(account, Metadatas.item(account.fileUrl("sdk/tea/first.mp4"), "Title", "First",
                "CateId", account.cateId()));
        second = Registrations.register(account, Metadatas.item(account.fileUrl("sdk/tea/second.mp4"), "Title", "Second"));
        db.rows("UPDATE media SET size = 10897890123 WHERE media_id = $1", first);
        db.rows("UPDATE media SET created_at = created_at - interval '1 minute' WHERE media_id = $1", first);
    }

    private GeneratedStyleVodClient client(Variant variant) throws Exception {
        return new GeneratedStyleVodClient(new Config().setAccessKeyId(account.accessKeyId())
                .setAccessKeySecret(account.accessKeySecret()).setRegionId("cn-shanghai")
                .setEndpoint(SdkEndpoint.hostAndPort()).setProtocol("HTTP"), variant);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    /** The generated models' Long fields take any JSON integer; the body map holds what JSON parsing made of it. */
    private static long asLong(Object value) {
        return ((Number) value).longValue();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getVideoInfoAnswersTheVideoObject(Variant variant) throws Exception {
        Map<String, Object> video = map(client(variant).call("GetVideoInfo", Map.of("VideoId", first)).get("Video"));

        assertThat(video).containsEntry("VideoId", first).containsEntry("Title", "First")
                .containsEntry("Status", "Normal").containsEntry("CateName", "cat");
        assertThat(asLong(video.get("CateId"))).isEqualTo(account.cateId());
        assertThat(asLong(video.get("Size"))).isEqualTo(10897890123L);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getVideoInfosAnswersBareLists(Variant variant) throws Exception {
        Map<String, Object> body = client(variant).call("GetVideoInfos", Map.of("VideoIds", second + ",missing," + first));

        assertThat(list(body.get("VideoList"))).extracting(video -> video.get("VideoId")).containsExactly(second, first);
        assertThat((List<Object>) body.get("NonExistVideoIds")).containsExactly("missing");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getVideoListAnswersTheWrappedListAndTotal(Variant variant) throws Exception {
        Map<String, Object> body = client(variant).call("GetVideoList",
                Map.of("SortBy", "CreationTime:Asc", "PageNo", 1, "PageSize", 10));

        assertThat(asLong(body.get("Total"))).isEqualTo(2);
        assertThat(list(map(body.get("VideoList")).get("Video"))).extracting(video -> video.get("VideoId"))
                .containsExactly(first, second);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getMezzanineInfoAnswersTheMezzanine(Variant variant) throws Exception {
        Map<String, Object> mezzanine = map(client(variant).call("GetMezzanineInfo",
                Map.of("VideoId", first, "AuthTimeout", 3600L)).get("Mezzanine"));

        assertThat(mezzanine).containsEntry("VideoId", first).containsEntry("FileName", "first.mp4")
                .containsEntry("FileURL", account.fileUrl("sdk/tea/first.mp4")).containsEntry("Status", "Normal");
        assertThat(asLong(mezzanine.get("Size"))).isEqualTo(10897890123L);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void updateVideoInfoChangesWhatTheNextReadSees(Variant variant) throws Exception {
        GeneratedStyleVodClient client = client(variant);

        Map<String, Object> body = client.call("UpdateVideoInfo", Map.of("VideoId", second, "Title", "Renamed",
                "CateId", account.cateId()));

        assertThat(body).containsOnlyKeys("RequestId");
        Map<String, Object> video = map(client.call("GetVideoInfo", Map.of("VideoId", second)).get("Video"));
        assertThat(video).containsEntry("Title", "Renamed");
        assertThat(asLong(video.get("CateId"))).isEqualTo(account.cateId());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void deleteVideoAnswersBareLists(Variant variant) throws Exception {
        Map<String, Object> body = client(variant).call("DeleteVideo", Map.of("VideoIds", first + ",missing"));

        assertThat((List<Object>) body.get("NonExistVideoIds")).containsExactly("missing");
        assertThat((List<Object>) body.get("ForbiddenVideoIds")).isEmpty();
        assertThat(db.count("SELECT count(*) FROM media WHERE media_id = $1", first)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void unknownVideoSurfacesInvalidVideoNotFoundWith404(Variant variant) throws Exception {
        GeneratedStyleVodClient client = client(variant);

        TeaException error = catchThrowableOfType(TeaException.class,
                () -> client.call("GetVideoInfo", Map.of("VideoId", "missing")));

        assertThat(error.getCode()).isEqualTo("InvalidVideo.NotFound");
        assertThat(error.getStatusCode()).isEqualTo(404);
    }
}
