package io.openvod.gateway.account;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Makes the run command usable at once: a demo account with a known key, a storage location, a template
 * group, a workflow and a category. Created once; later starts find it and leave it alone.
 */
@ApplicationScoped
public class DemoAccount {

    public static final String NAME = "demo";
    public static final String TEMPLATE_GROUP_ID = "demo0templategroup00000000000000";
    public static final String WORKFLOW_ID = "demo0workflow0000000000000000000";

    private static final Logger LOG = Logger.getLogger(DemoAccount.class);

    private final AccountConfig config;
    private final AccountProvisioning provisioning;

    public DemoAccount(AccountConfig config, AccountProvisioning provisioning) {
        this.config = config;
        this.provisioning = provisioning;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        // Startup runs on the main thread; Hibernate Reactive needs a Vert.x context.
        VertxContextSupport.subscribeAndAwait(() -> provisioning.findAccountByName(NAME)
                .chain(existing -> existing != null ? Uni.createFrom().voidItem() : create()));
    }

    private Uni<Void> create() {
        AccountConfig.Demo demo = config.demo();
        return provisioning.createAccount(NAME, null).chain(account -> provisioning
                .issueAccessKey(account.id(), demo.accessKeyId(), demo.accessKeySecret())
                .chain(() -> provisioning.addStorageLocation(account.id(), demo.storageLocation()))
                .chain(() -> provisioning.addTemplateGroup(account.id(), TEMPLATE_GROUP_ID, "demo template group"))
                .chain(() -> provisioning.addWorkflow(account.id(), WORKFLOW_ID, "demo workflow"))
                .chain(() -> provisioning.addCategory(account.id(), "demo category"))
                .invoke(cateId -> LOG.infof("Created demo account: AccessKeyId %s, storage location %s, "
                        + "TemplateGroupId %s, WorkflowId %s, CateId %d", demo.accessKeyId(), demo.storageLocation(),
                        TEMPLATE_GROUP_ID, WORKFLOW_ID, cateId))
                .replaceWithVoid());
    }
}
