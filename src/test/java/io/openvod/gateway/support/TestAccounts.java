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
