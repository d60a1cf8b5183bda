package org.vitalis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of DESIGN.md, "Rules (ArchitectureTest enforces them)", checked on the production classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vitalis");
    }

    @Test
    void domainImportsNoOtherVitalisPackageAndNothingHibernateSpecific() {
        noClasses().that().resideInAPackage("org.vitalis.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.vitalis.app..", "org.vitalis.store..", "org.vitalis.security..", "org.vitalis.registry..",
                        "org.vitalis.device..", "org.vitalis.ecg..", "org.vitalis.vision..", "org.vitalis.care..",
                        "org.vitalis.report..", "org.vitalis.sync..", "org.vitalis.ui..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void pureCoresDoNoIoStartNoThreadsAndTouchNoFramework() {
        noClasses().that().resideInAnyPackage("org.vitalis.ecg.signal..", "org.vitalis.device.codec..",
                        "org.vitalis.care.alert..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..",
                        "javafx..", "org.hibernate..", "jakarta.persistence..", "org.eclipse.jetty..",
                        "com.fazecast..", "ai.djl..", "org.apache.pdfbox..", "org.vitalis.store..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void hibernateAndJdbcLiveInStore() {
        noClasses().that().resideOutsideOfPackage("org.vitalis.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "java.sql..", "javax.sql..",
                        "org.flywaydb..", "org.h2..", "org.postgresql..", "com.zaxxer..")
                .check(classes);
    }

    @Test
    void eachFrameworkLivesInItsRoom() {
        noClasses().that().resideOutsideOfPackage("org.vitalis.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "ca.uhn.fhir.rest.server..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.vitalis.vision.inference..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..").check(classes);
        noClasses().that().resideOutsideOfPackage("org.vitalis.report..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..").check(classes);
        noClasses().that().resideOutsideOfPackage("org.vitalis.device.transport..")
                .should().dependOnClassesThat().resideInAPackage("com.fazecast..").check(classes);
        noClasses().that().resideOutsideOfPackage("org.vitalis.vision.camera..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.sarxos..", "org.openpnp..", "com.sun.jna..",
                        "org.jcodec..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.vitalis.ui..", "org.vitalis.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void uiCallsServicesNeverStoreOrTransports() {
        noClasses().that().resideInAPackage("org.vitalis.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vitalis.store..", "org.vitalis.device.transport..",
                        "org.vitalis.app..")
                .check(classes);
    }

    @Test
    void onlyAppImportsUi() {
        noClasses().that().resideOutsideOfPackages("org.vitalis.ui..", "org.vitalis.app..")
                .should().dependOnClassesThat().resideInAPackage("org.vitalis.ui..").check(classes);
    }

    @Test
    void viewModelsUsePropertiesNotScenes() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("javafx.scene..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.vitalis.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noSystemOutOutsideTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("org.vitalis.app..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }
}
