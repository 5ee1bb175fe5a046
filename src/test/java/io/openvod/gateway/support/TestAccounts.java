package io.openvod.gateway.support;

import io.openvod.gateway.account.AccountProvisioning;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import java.util.function.Supplier;

/** Provisions accounts through the real provisioning service. */
@ApplicationScoped
public class TestAccounts {

    private final AccountProvisioning provisioning;

    public TestAccounts(AccountProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    /** Lets {@code account} register files of {@code host} too. */
    public void addStorageLocation(TestAccount account, String host) {
        await(() -> provisioning.addStorageLocation(account.id(), host));
    }

    public TestAccount create() {
        return create(null);
    }

    /**
     * An account whose files live in a bucket of the tests' S3 server, through a path-style storage location with a
     * connection: its {@link TestAccount#bucketHost()} is {@code <host>/<bucket>}, so {@link TestAccount#fileUrl} names
     * objects of that bucket, and files are registered only once {@link #putObject} has stored them.
     */
    public TestAccount createVerified() {
        TestAccount account = create();
        S3Server s3 = S3Server.shared();
        String host = "store-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        addStorageLocation(account, host);
        String bucket = s3.newBucket();
        VerifiedLocation.connect(account, host, java.util.Map.of("endpoint", S3Server.endpoint(s3.port()),
                "region", S3Server.REGION, "bucket", bucket, "addressingStyle", "path",
                "accessKeyId", s3.accessKeyId(), "accessKeySecret", s3.secret()));
        return new TestAccount(account.id(), account.accessKeyId(), account.accessKeySecret(), host + "/" + bucket,
                account.templateGroupId(), account.workflowId(), account.cateId());
    }

    /**
     * Stores an object for {@code objectKey} in a {@link #createVerified()} account's bucket (nothing for another
     * account, whose files are not checked); its FileURL.
     */
    public static String putObject(TestAccount account, String objectKey) {
        if (account.bucketHost().indexOf('/') < 0) {
            return account.fileUrl(objectKey);
        }
        String bucket = account.bucketHost().substring(account.bucketHost().indexOf('/') + 1);
        S3Server.shared().put(bucket, objectKey, objectKey.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "video/mp4");
        return account.fileUrl(objectKey);
    }

    public TestAccount create(Integer rateLimitPerSecond) {
        String unique = UUID.randomUUID().toString().replace("-", "");
        String bucket = "bucket-" + unique.substring(0, 12) + ".oss-cn-shanghai.aliyuncs.com";
        return await(() -> provisioning
                    .createAccount("test-" + unique, rateLimitPerSecond)
                    .chain(account -> provisioning.issueAccessKey(account.id(), null, null)
                            .chain(key -> provisioning.addStorageLocation(account.id(), bucket)
                                    .chain(() -> provisioning.addTemplateGroup(account.id(), null, "tg"))
                                    .chain(templateGroup -> provisioning.addWorkflow(account.id(), null, "wf")
                                            .chain(workflow -> provisioning.addCategory(account.id(), "cat")
                                                    .map(cateId -> new TestAccount(account.id(), key.accessKeyId(),
                                                            key.accessKeySecret(), bucket, templateGroup, workflow,
                                                            cateId)))))));
    }

    private static <T> T await(Supplier<Uni<T>> action) {
        try {
            return VertxContextSupport.subscribeAndAwait(action);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot provision a test account", e);
        }
    }
}
