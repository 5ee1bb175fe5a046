package io.openvod.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.SignatureVersion;
import com.aliyuncs.auth.signers.SignatureAlgorithm;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.vod.model.v20170321.DeleteVideoRequest;
import com.aliyuncs.vod.model.v20170321.DeleteVideoResponse;
import com.aliyuncs.vod.model.v20170321.GetMezzanineInfoRequest;
import com.aliyuncs.vod.model.v20170321.GetMezzanineInfoResponse;
import com.aliyuncs.vod.model.v20170321.GetVideoInfoRequest;
import com.aliyuncs.vod.model.v20170321.GetVideoInfoResponse;
import com.aliyuncs.vod.model.v20170321.GetVideoInfosRequest;
import com.aliyuncs.vod.model.v20170321.GetVideoInfosResponse;
import com.aliyuncs.vod.model.v20170321.GetVideoListRequest;
import com.aliyuncs.vod.model.v20170321.GetVideoListResponse;
import com.aliyuncs.vod.model.v20170321.UpdateVideoInfoRequest;
import com.aliyuncs.vod.model.v20170321.UpdateVideoInfoResponse;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Registrations;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The media actions through {@code aliyun-java-sdk-core} 4.7.10 and the typed requests of
 * {@code aliyun-java-sdk-vod} 2.16.22: every parsed value is checked, so a list the SDK silently reads as empty
 * (the wrong wrapper) fails. XML is covered where the answer has no bare list: this SDK's XmlReader sees a list only
 * in an element whose children share one name, and bare lists (GetVideoInfos, DeleteVideo) are repeated siblings
 * in our XML, as in the VOD documentation (README, "XML shape").
 */
@QuarkusTest
class CoreSdkMediaTest {

    enum Variant {
        V1, V3, XML
    }

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;
    DefaultAcsClient client;
    String first;
    String second;

    @BeforeEach
    void twoMedia() {
        account = accounts.create();
        client = new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai", account.accessKeyId(),
                account.accessKeySecret()));
        first = Registrations.register(account, Metadatas.item(account.fileUrl("sdk/core/first.mp4"), "Title", "First",
                "Description", "the first", "Tags", "a,b", "CateId", account.cateId()));
        second = Registrations.register(account, Metadatas.item(account.fileUrl("sdk/core/second.mp4"), "Title", "Second"));
        db.rows("UPDATE media SET size = 10897890123 WHERE media_id = $1", first);
        db.rows("UPDATE media SET created_at = created_at - interval '1 minute' WHERE media_id = $1", first);
    }

    private static <T extends AcsRequest<?>> T prepared(T request, Variant variant) {
        request.setSysEndpoint(SdkEndpoint.hostAndPort());
        request.setSysProtocol(ProtocolType.HTTP);
        if (variant == Variant.V3) {
            request.setSysSignatureVersion(SignatureVersion.V3);
            request.setSysSignatureAlgorithm(SignatureAlgorithm.ACS3_HMAC_SHA256);
        }
        if (variant == Variant.XML) {
            request.setSysAcceptFormat(FormatType.XML);
        }
        return request;
    }

    private <R extends AcsResponse> R call(AcsRequest<R> request, Variant variant) throws ClientException {
        return client.getAcsResponse(prepared(request, variant));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getVideoInfoFillsTheTypedVideo(Variant variant) throws ClientException {
        GetVideoInfoRequest request = new GetVideoInfoRequest();
        request.setVideoId(first);

        GetVideoInfoResponse.Video video = call(request, variant).getVideo();

        assertThat(video.getVideoId()).isEqualTo(first);
        assertThat(video.getTitle()).isEqualTo("First");
        assertThat(video.getDescription()).isEqualTo("the first");
        assertThat(video.getTags()).isEqualTo("a,b");
        assertThat(video.getCateId()).isEqualTo(account.cateId());
        assertThat(video.getCateName()).isEqualTo("cat");
        assertThat(video.getSize()).isEqualTo(10897890123L);
        assertThat(video.getStatus()).isEqualTo("Normal");
        assertThat(video.getStorageLocation()).isEqualTo(account.bucketHost());
        assertThat(video.getRegionId()).isEqualTo("cn-shanghai");
        assertThat(video.getAppId()).isEqualTo("app-1000000");
        assertThat(video.getCreationTime()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(video.getModificationTime()).isEqualTo(video.getCreationTime());
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"V1", "V3"})
    void getVideoInfosFillsTheBareLists(Variant variant) throws ClientException {
        GetVideoInfosRequest request = new GetVideoInfosRequest();
        request.setVideoIds(second + ",missing," + first);

        GetVideoInfosResponse response = call(request, variant);

        assertThat(response.getVideoList()).extracting(GetVideoInfosResponse.Video::getVideoId).containsExactly(second, first);
        assertThat(response.getVideoList().get(1).getCateId()).isEqualTo(account.cateId());
        assertThat(response.getVideoList().get(1).getSize()).isEqualTo(10897890123L);
        assertThat(response.getNonExistVideoIds()).containsExactly("missing");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getVideoListFillsTheWrappedListAndTotal(Variant variant) throws ClientException {
        GetVideoListRequest request = new GetVideoListRequest();
        request.setPageSize(10);
        request.setPageNo(1);
        request.setSortBy("CreationTime:Asc");

        GetVideoListResponse response = call(request, variant);

        assertThat(response.getTotal()).isEqualTo(2);
        assertThat(response.getVideoList()).extracting(GetVideoListResponse.Video::getVideoId).containsExactly(first, second);
        assertThat(response.getVideoList().get(0).getTitle()).isEqualTo("First");
        assertThat(response.getVideoList().get(0).getCateId()).isEqualTo(account.cateId());
        assertThat(response.getVideoList().get(0).getSize()).isEqualTo(10897890123L);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getVideoListFiltersByCategory(Variant variant) throws ClientException {
        GetVideoListRequest request = new GetVideoListRequest();
        request.setCateId(account.cateId());
        request.setStatus("Normal,UploadSucc");

        GetVideoListResponse response = call(request, variant);

        assertThat(response.getTotal()).isEqualTo(1);
        assertThat(response.getVideoList()).extracting(GetVideoListResponse.Video::getVideoId).containsExactly(first);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void getMezzanineInfoFillsTheMezzanine(Variant variant) throws ClientException {
        GetMezzanineInfoRequest request = new GetMezzanineInfoRequest();
        request.setVideoId(first);
        request.setAuthTimeout(3600L);
        request.setOutputType("oss");

        GetMezzanineInfoResponse.Mezzanine mezzanine = call(request, variant).getMezzanine();

        assertThat(mezzanine.getVideoId()).isEqualTo(first);
        assertThat(mezzanine.getFileName()).isEqualTo("first.mp4");
        assertThat(mezzanine.getFileURL()).isEqualTo(account.fileUrl("sdk/core/first.mp4"));
        assertThat(mezzanine.getSize()).isEqualTo(10897890123L);
        assertThat(mezzanine.getStatus()).isEqualTo("Normal");
        assertThat(mezzanine.getOutputType()).isEqualTo("oss");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void updateVideoInfoChangesWhatTheNextReadSees(Variant variant) throws ClientException {
        UpdateVideoInfoRequest update = new UpdateVideoInfoRequest();
        update.setVideoId(second);
        update.setTitle("Renamed " + variant);
        update.setCateId(account.cateId());

        UpdateVideoInfoResponse response = call(update, variant);

        assertThat(response.getRequestId()).matches("[0-9A-F-]{36}");
        GetVideoInfoRequest read = new GetVideoInfoRequest();
        read.setVideoId(second);
        GetVideoInfoResponse.Video video = call(read, variant).getVideo();
        assertThat(video.getTitle()).isEqualTo("Renamed " + variant);
        assertThat(video.getCateId()).isEqualTo(account.cateId());
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"V1", "V3"})
    void deleteVideoFillsTheBareLists(Variant variant) throws ClientException {
        DeleteVideoRequest request = new DeleteVideoRequest();
        request.setVideoIds(first + ",missing");

        DeleteVideoResponse response = call(request, variant);

        assertThat(response.getNonExistVideoIds()).containsExactly("missing");
        assertThat(response.getForbiddenVideoIds()).isEmpty();
        assertThat(db.count("SELECT count(*) FROM media WHERE media_id = $1", first)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void unknownVideoSurfacesInvalidVideoNotFound(Variant variant) {
        GetVideoInfoRequest request = new GetVideoInfoRequest();
        request.setVideoId("missing");

        ClientException error = catchThrowableOfType(ClientException.class, () -> call(request, variant));

        assertThat(error.getErrCode()).isEqualTo("InvalidVideo.NotFound");
        assertThat(error.getErrMsg()).isEqualTo("The video does not exist.");
        assertThat(error.getRequestId()).matches("[0-9A-F-]{36}");
    }
}
