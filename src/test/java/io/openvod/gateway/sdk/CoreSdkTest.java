package io.openvod.gateway.sdk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.SignatureVersion;
import com.aliyuncs.auth.signers.SignatureAlgorithm;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.vod.model.v20170321.RegisterMediaRequest;
import com.aliyuncs.vod.model.v20170321.RegisterMediaResponse;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code aliyun-java-sdk-core} 4.7.10 with {@code aliyun-java-sdk-vod} 2.16.22, unmodified, told only our
 * endpoint: v1 HMAC-SHA1 (its default), ACS3-HMAC-SHA256, and v1 with XML answers. Accounts register from a storage
 * location with a connection (files checked in the tests' S3 server), as a self-hosted deployment would.
 */
@QuarkusTest
class CoreSdkTest {

    enum Variant {
        V1, V3, XML
    }

    /*
     * Success answers in XML are left out: the core SDK's XmlReader only sees a list in an element whose
     * children share one name (<RegisteredMediaList><RegisteredMedia>..), while our XML follows the VOD
     * documentation (repeated <RegisteredMediaList> siblings), which that reader turns into an empty list.
     */

    @Inject
    TestAccounts accounts;

    private static DefaultAcsClient client(TestAccount account, String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai", account.accessKeyId(), secret));
    }

    private static RegisterMediaRequest request(Variant variant, String metadatas) {
        RegisterMediaRequest request = new RegisterMediaRequest();
        request.setRegisterMetadatas(metadatas);
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

    private static String url(TestAccount account, String extension) {
        return TestAccounts.putObject(account, "sdk/core/" + UUID.randomUUID() + "." + extension);
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"V1", "V3"})
    void newFileIsRegisteredIntoTheSdkResponse(Variant variant) throws ClientException {
        TestAccount account = accounts.createVerified();
        String url = url(account, "mp4");

        RegisterMediaResponse response = client(account, account.accessKeySecret())
                .getAcsResponse(request(variant, Metadatas.of(url)));

        assertThat(response.getRequestId()).matches("[0-9A-F-]{36}");
        assertThat(response.getRegisteredMediaList()).hasSize(1);
        assertThat(response.getRegisteredMediaList().get(0).getMediaId()).matches("[0-9a-f]{32}");
        assertThat(response.getRegisteredMediaList().get(0).getFileURL()).isEqualTo(url);
        assertThat(response.getRegisteredMediaList().get(0).getNewRegister()).isTrue();
        assertThat(response.getFailedFileURLs()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"V1", "V3"})
    void repeatedFileGivesTheSameMediaIdAndNewRegisterFalse(Variant variant) throws ClientException {
        TestAccount account = accounts.createVerified();
        String metadatas = Metadatas.of(url(account, "mp4"));
        DefaultAcsClient client = client(account, account.accessKeySecret());

        RegisterMediaResponse first = client.getAcsResponse(request(variant, metadatas));
        RegisterMediaResponse second = client.getAcsResponse(request(variant, metadatas));

        assertThat(second.getRegisteredMediaList().get(0).getMediaId())
                .isEqualTo(first.getRegisteredMediaList().get(0).getMediaId());
        assertThat(second.getRegisteredMediaList().get(0).getNewRegister()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"V1", "V3"})
    void batchWithAnUnregistrableFileListsItInFailedFileUrls(Variant variant) throws ClientException {
        TestAccount account = accounts.createVerified();
        String good = url(account, "mp4");
        String bad = url(account, "pdf");

        RegisterMediaResponse response = client(account, account.accessKeySecret())
                .getAcsResponse(request(variant, Metadatas.of(good, bad)));

        assertThat(response.getRegisteredMediaList()).extracting(RegisterMediaResponse.RegisteredMedia::getFileURL)
                .containsExactly(good);
        assertThat(response.getFailedFileURLs()).containsExactly(bad);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void wrongSecretIsReportedAsInvalidSecretBecauseOurStringToSignEqualsTheSdks(Variant variant) {
        TestAccount account = accounts.createVerified();

        ClientException error = catchThrowableOfType(ClientException.class, () -> client(account, "wrong-secret")
                .getAcsResponse(request(variant, Metadatas.of(url(account, "mp4")))));

        // The SDK turns SignatureDoesNotMatch into this code only when the text after "server string to sign is:"
        // is exactly its own string to sign.
        assertThat(error.getErrCode()).isEqualTo("SDK.InvalidAccessKeySecret");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void invalidRequestSurfacesOurCodeAndRequestId(Variant variant) {
        TestAccount account = accounts.createVerified();

        ClientException error = catchThrowableOfType(ClientException.class, () -> client(account,
                account.accessKeySecret()).getAcsResponse(request(variant, "not json")));

        assertThat(error.getErrCode()).isEqualTo("InvalidParameter");
        assertThat(error.getErrMsg()).contains("RegisterMetadatas");
        assertThat(error.getRequestId()).matches("[0-9A-F-]{36}");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void unknownAccessKeySurfacesNotFound(Variant variant) {
        TestAccount account = accounts.createVerified();
        DefaultAcsClient stranger = new DefaultAcsClient(
                DefaultProfile.getProfile("cn-shanghai", "LTAIunknown" + UUID.randomUUID().toString().substring(0, 8),
                        "whatever"));

        ClientException error = catchThrowableOfType(ClientException.class, () -> stranger
                .getAcsResponse(request(variant, Metadatas.of(url(account, "mp4")))));

        assertThat(error.getErrCode()).isEqualTo("InvalidAccessKeyId.NotFound");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"V1", "V3"})
    void throttledCallSurfacesThrottlingUser(Variant variant) throws ClientException {
        TestAccount account = accounts.create(1);
        DefaultAcsClient client = client(account, account.accessKeySecret());
        client.getAcsResponse(request(variant, Metadatas.of(url(account, "mp4"))));

        ClientException error = catchThrowableOfType(ClientException.class,
                () -> client.getAcsResponse(request(variant, Metadatas.of(url(account, "mp4")))));

        assertThat(error.getErrCode()).isEqualTo("Throttling.User");
        assertThat(error.getErrMsg()).isEqualTo("Request was denied due to user flow control.");
        assertThat(error.getRequestId()).matches("[0-9A-F-]{36}");
    }
}
