package io.openvod.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.auth.credentials.Credential;
import com.aliyun.auth.credentials.provider.StaticCredentialProvider;
import com.aliyun.sdk.gateway.pop.Configuration;
import com.aliyun.sdk.gateway.pop.auth.SignatureVersion;
import com.aliyun.sdk.gateway.pop.exception.PopClientException;
import com.aliyun.sdk.service.vod20170321.AsyncClient;
import com.aliyun.sdk.service.vod20170321.models.DeleteVideoRequest;
import com.aliyun.sdk.service.vod20170321.models.DeleteVideoResponseBody;
import com.aliyun.sdk.service.vod20170321.models.GetMezzanineInfoRequest;
import com.aliyun.sdk.service.vod20170321.models.GetMezzanineInfoResponseBody;
import com.aliyun.sdk.service.vod20170321.models.GetVideoInfoRequest;
import com.aliyun.sdk.service.vod20170321.models.GetVideoInfoResponseBody;
import com.aliyun.sdk.service.vod20170321.models.GetVideoInfosRequest;
import com.aliyun.sdk.service.vod20170321.models.GetVideoInfosResponseBody;
import com.aliyun.sdk.service.vod20170321.models.GetVideoListRequest;
import com.aliyun.sdk.service.vod20170321.models.GetVideoListResponseBody;
import com.aliyun.sdk.service.vod20170321.models.UpdateVideoInfoRequest;
import darabonba.core.client.ClientOverrideConfiguration;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Registrations;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The media actions through the typed async client {@code com.aliyun:alibabacloud-vod20170321} 1.0.4 (its Tea
 * models), v1 and V3, every parsed value checked.
 */
@QuarkusTest
class AsyncClientMediaTest {

    enum Variant {
        V1, V3
    }

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;
    String first;
    String second;
    AsyncClient client;

    @BeforeEach
    void twoMedia() {
        account = accounts.create();
        first = Registrations.register(account, Metadatas.item(account.fileUrl("sdk/async/first.mp4"), "Title", "First",
                "Tags", "a,b", "CateId", account.cateId()));
        second = Registrations.register(account, Metadatas.item(account.fileUrl("sdk/async/second.mp4"), "Title", "Second"));
        db.rows("UPDATE media SET size = 10897890123 WHERE media_id = $1", first);
        db.rows("UPDATE media SET created_at = created_at - interval '1 minute' WHERE media_id = $1", first);
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private AsyncClient client(Variant variant) {
        client = AsyncClient.builder().region("cn-shanghai")
                .credentialsProvider(StaticCredentialProvider.create(Credential.builder()
                        .accessKeyId(account.accessKeyId()).accessKeySecret(account.accessKeySecret()).build()))
                .serviceConfiguration(Configuration.create().setSignatureVersion(
                        variant == Variant.V3 ? SignatureVersion.V3 : SignatureVersion.V1))
                .overrideConfiguration(ClientOverrideConfiguration.create()
                        .setEndpointOverride(SdkEndpoint.hostAndPort()).setProtocol("HTTP"))
                .build();
        return client;
    }

    private static <T> T await(CompletableFuture<T> call) throws Exception {
        return call.get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getVideoInfoFillsTheTypedVideo(Variant variant) throws Exception {
        GetVideoInfoResponseBody.Video video = await(client(variant).getVideoInfo(
                GetVideoInfoRequest.builder().videoId(first).build())).getBody().getVideo();

        assertThat(video.getVideoId()).isEqualTo(first);
        assertThat(video.getTitle()).isEqualTo("First");
        assertThat(video.getTags()).isEqualTo("a,b");
        assertThat(video.getCateId()).isEqualTo(account.cateId());
        assertThat(video.getCateName()).isEqualTo("cat");
        assertThat(video.getSize()).isEqualTo(10897890123L);
        assertThat(video.getStatus()).isEqualTo("Normal");
        assertThat(video.getRegionId()).isEqualTo("cn-shanghai");
        assertThat(video.getStorageLocation()).isEqualTo(account.bucketHost());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getVideoInfosFillsTheBareLists(Variant variant) throws Exception {
        GetVideoInfosResponseBody body = await(client(variant).getVideoInfos(
                GetVideoInfosRequest.builder().videoIds(second + ",missing," + first).build())).getBody();

        assertThat(body.getVideoList()).extracting(GetVideoInfosResponseBody.VideoList::getVideoId)
                .containsExactly(second, first);
        assertThat(body.getVideoList().get(1).getSize()).isEqualTo(10897890123L);
        assertThat(body.getNonExistVideoIds()).containsExactly("missing");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getVideoListFillsTheWrappedListAndTotal(Variant variant) throws Exception {
        GetVideoListResponseBody body = await(client(variant).getVideoList(GetVideoListRequest.builder()
                .sortBy("CreationTime:Asc").pageNo(1).pageSize(10).build())).getBody();

        assertThat(body.getTotal()).isEqualTo(2);
        assertThat(body.getVideoList().getVideo()).extracting(GetVideoListResponseBody.Video::getVideoId)
                .containsExactly(first, second);
        assertThat(body.getVideoList().getVideo().get(0).getCateId()).isEqualTo(account.cateId());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getMezzanineInfoFillsTheMezzanine(Variant variant) throws Exception {
        GetMezzanineInfoResponseBody.Mezzanine mezzanine = await(client(variant).getMezzanineInfo(
                GetMezzanineInfoRequest.builder().videoId(first).authTimeout(3600L).build())).getBody().getMezzanine();

        assertThat(mezzanine.getVideoId()).isEqualTo(first);
        assertThat(mezzanine.getFileName()).isEqualTo("first.mp4");
        assertThat(mezzanine.getFileURL()).isEqualTo(account.fileUrl("sdk/async/first.mp4"));
        assertThat(mezzanine.getSize()).isEqualTo(10897890123L);
        assertThat(mezzanine.getStatus()).isEqualTo("Normal");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void updateVideoInfoChangesWhatTheNextReadSees(Variant variant) throws Exception {
        AsyncClient client = client(variant);
        String requestId = await(client.updateVideoInfo(UpdateVideoInfoRequest.builder().videoId(second)
                .title("Renamed").description("new words").build())).getBody().getRequestId();

        assertThat(requestId).matches("[0-9A-F-]{36}");
        GetVideoInfoResponseBody.Video video = await(client.getVideoInfo(
                GetVideoInfoRequest.builder().videoId(second).build())).getBody().getVideo();
        assertThat(video.getTitle()).isEqualTo("Renamed");
        assertThat(video.getDescription()).isEqualTo("new words");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void deleteVideoFillsTheBareLists(Variant variant) throws Exception {
        DeleteVideoResponseBody body = await(client(variant).deleteVideo(
                DeleteVideoRequest.builder().videoIds(first + ",missing").build())).getBody();

        assertThat(body.getNonExistVideoIds()).containsExactly("missing");
        assertThat(body.getForbiddenVideoIds()).isEmpty();
        assertThat(db.count("SELECT count(*) FROM media WHERE media_id = $1", first)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void unknownVideoSurfacesInvalidVideoNotFound(Variant variant) {
        ExecutionException error = catchThrowableOfType(ExecutionException.class, () -> await(client(variant)
                .getVideoInfo(GetVideoInfoRequest.builder().videoId("missing").build())));

        assertThat(error.getCause()).isInstanceOf(PopClientException.class);
        PopClientException failure = (PopClientException) error.getCause();
        assertThat(failure.getErrCode()).isEqualTo("InvalidVideo.NotFound");
        assertThat(failure.getRequestId()).matches("[0-9A-F-]{36}");
    }
}
