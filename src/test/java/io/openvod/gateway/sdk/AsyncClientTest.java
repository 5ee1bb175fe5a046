package io.openvod.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.auth.credentials.Credential;
import com.aliyun.auth.credentials.provider.StaticCredentialProvider;
import com.aliyun.sdk.gateway.pop.Configuration;
import com.aliyun.sdk.gateway.pop.auth.SignatureVersion;
import com.aliyun.sdk.gateway.pop.exception.PopClientException;
import com.aliyun.sdk.service.vod20170321.AsyncClient;
import com.aliyun.sdk.service.vod20170321.models.RegisterMediaRequest;
import com.aliyun.sdk.service.vod20170321.models.RegisterMediaResponseBody;
import darabonba.core.client.ClientOverrideConfiguration;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code com.aliyun:alibabacloud-vod20170321} 1.0.4, the typed async client, with v1 (its default) and V3. */
@QuarkusTest
class AsyncClientTest {

    enum Variant {
        V1, V3
    }

    @Inject
    TestAccounts accounts;

    private static AsyncClient client(TestAccount account, String secret, Variant variant) {
        return AsyncClient.builder().region("cn-shanghai")
                .credentialsProvider(StaticCredentialProvider.create(Credential.builder()
                        .accessKeyId(account.accessKeyId()).accessKeySecret(secret).build()))
                .serviceConfiguration(Configuration.create().setSignatureVersion(
                        variant == Variant.V3 ? SignatureVersion.V3 : SignatureVersion.V1))
                .overrideConfiguration(ClientOverrideConfiguration.create()
                        .setEndpointOverride(SdkEndpoint.hostAndPort()).setProtocol("HTTP"))
                .build();
    }

    private static RegisterMediaResponseBody register(AsyncClient client, String metadatas) throws Exception {
        return client.registerMedia(RegisterMediaRequest.builder().registerMetadatas(metadatas).build())
                .get(30, TimeUnit.SECONDS).getBody();
    }

    private static PopClientException failure(AsyncClient client, String metadatas) {
        ExecutionException error = catchThrowableOfType(ExecutionException.class, () -> client
                .registerMedia(RegisterMediaRequest.builder().registerMetadatas(metadatas).build())
                .get(30, TimeUnit.SECONDS));
        assertThat(error.getCause()).isInstanceOf(PopClientException.class);
        return (PopClientException) error.getCause();
    }

    private static String url(TestAccount account, String extension) {
        return TestAccounts.putObject(account, "sdk/async/" + UUID.randomUUID() + "." + extension);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void newFileIsRegisteredIntoTheTypedBody(Variant variant) throws Exception {
        TestAccount account = accounts.createVerified();
        String url = url(account, "mp4");
        try (AsyncClient client = client(account, account.accessKeySecret(), variant)) {
            RegisterMediaResponseBody body = register(client, Metadatas.of(url));

            assertThat(body.getRequestId()).matches("[0-9A-F-]{36}");
            assertThat(body.getRegisteredMediaList()).hasSize(1);
            assertThat(body.getRegisteredMediaList().get(0).getMediaId()).matches("[0-9a-f]{32}");
            assertThat(body.getRegisteredMediaList().get(0).getFileURL()).isEqualTo(url);
            assertThat(body.getRegisteredMediaList().get(0).getNewRegister()).isTrue();
            assertThat(body.getFailedFileURLs()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void repeatedFileGivesTheSameMediaIdAndNewRegisterFalse(Variant variant) throws Exception {
        TestAccount account = accounts.createVerified();
        String metadatas = Metadatas.of(url(account, "mp4"));
        try (AsyncClient client = client(account, account.accessKeySecret(), variant)) {
            RegisterMediaResponseBody first = register(client, metadatas);
            RegisterMediaResponseBody second = register(client, metadatas);

            assertThat(second.getRegisteredMediaList().get(0).getMediaId())
                    .isEqualTo(first.getRegisteredMediaList().get(0).getMediaId());
            assertThat(second.getRegisteredMediaList().get(0).getNewRegister()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void batchWithAnUnregistrableFileListsItInFailedFileUrls(Variant variant) throws Exception {
        TestAccount account = accounts.createVerified();
        String good = url(account, "mp4");
        String bad = url(account, "pdf");
        try (AsyncClient client = client(account, account.accessKeySecret(), variant)) {
            RegisterMediaResponseBody body = register(client, Metadatas.of(good, bad));

            assertThat(body.getRegisteredMediaList()).extracting(RegisterMediaResponseBody.RegisteredMediaList::getFileURL)
                    .containsExactly(good);
            assertThat(body.getFailedFileURLs()).containsExactly(bad);
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void wrongSecretSurfacesSignatureDoesNotMatch(Variant variant) {
        TestAccount account = accounts.createVerified();
        try (AsyncClient client = client(account, "wrong-secret", variant)) {
            PopClientException error = failure(client, Metadatas.of(url(account, "mp4")));

            assertThat(error.getErrCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(error.getRequestId()).matches("[0-9A-F-]{36}");
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void invalidRequestSurfacesOurCode(Variant variant) {
        TestAccount account = accounts.createVerified();
        try (AsyncClient client = client(account, account.accessKeySecret(), variant)) {
            PopClientException error = failure(client, "not json");

            assertThat(error.getErrCode()).isEqualTo("InvalidParameter");
            assertThat(error.getErrMessage()).contains("RegisterMetadatas");
        }
    }
}
