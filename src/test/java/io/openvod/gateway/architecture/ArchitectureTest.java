package io.openvod.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The map in docs/architecture.md, checked: layers only look down, and no package depends on itself in a loop. */
class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.openvod.gateway");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.openvod.gateway.(**)").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void layersOnlyDependDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Front door").definedBy("io.openvod.gateway.rpc..")
                .layer("Actions").definedBy("io.openvod.gateway.register..", "io.openvod.gateway.media..")
                .layer("Transcoding").definedBy("io.openvod.gateway.transcode..")
                .layer("Callbacks").definedBy("io.openvod.gateway.callback..")
                .layer("Action seam").definedBy("io.openvod.gateway.action..")
                .layer("Storage").definedBy("io.openvod.gateway.storage..")
                .layer("Admission").definedBy("io.openvod.gateway.auth..", "io.openvod.gateway.ratelimit..")
                .layer("Accounts").definedBy("io.openvod.gateway.account..")
                .layer("Infrastructure").definedBy("io.openvod.gateway.database..", "io.openvod.gateway.plumbing..")
                .layer("Ground floor").definedBy("io.openvod.gateway.core..")
                .whereLayer("Front door").mayNotBeAccessedByAnyLayer()
                .whereLayer("Actions").mayOnlyBeAccessedByLayers("Front door")
                .whereLayer("Transcoding").mayNotBeAccessedByAnyLayer()
                .whereLayer("Callbacks").mayOnlyBeAccessedByLayers("Transcoding")
                .whereLayer("Action seam").mayOnlyBeAccessedByLayers("Front door", "Actions")
                .whereLayer("Storage").mayOnlyBeAccessedByLayers("Actions", "Transcoding")
                .whereLayer("Admission").mayOnlyBeAccessedByLayers("Front door", "Actions", "Action seam")
                .whereLayer("Accounts").mayOnlyBeAccessedByLayers("Front door", "Actions", "Action seam", "Admission",
                        "Storage", "Transcoding", "Callbacks")
                .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Front door", "Actions", "Storage", "Admission",
                        "Accounts", "Transcoding", "Callbacks")
                .check(GATEWAY);
    }

    @Test
    void groundFloorIsPureLogic() {
        noClasses().that().resideInAPackage("io.openvod.gateway.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.vertx..", "io.smallrye..", "org.hibernate..", "jakarta.enterprise..",
                        "jakarta.ws..", "jakarta.persistence..", "org.eclipse.microprofile..", "io.micrometer..",
                        "io.netty..", "java.sql..", "org.postgresql..")
                .because("the ground floor is pure logic, testable without a framework (docs/architecture.md)")
                .check(GATEWAY);
    }

    @Test
    void groundFloorUsesNothingAboveIt() {
        noClasses().that().resideInAPackage("io.openvod.gateway.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.openvod.gateway.core..", "java..",
                        "javax.crypto..", "com.fasterxml.jackson..")
                .check(GATEWAY);
    }
}
