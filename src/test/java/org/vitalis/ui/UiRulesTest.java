package org.vitalis.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ui package's share of the architecture rules, checked where the ui code lives. */
class UiRulesTest {
    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vitalis.ui");

    @Test
    void viewModelsStayFreeOfTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").should().dependOnClassesThat()
                .resideInAPackage("javafx.scene..").check(UI);
    }

    @Test
    void uiReachesDataOnlyThroughServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.vitalis.store..", "org.vitalis.app..")
                .check(UI);
    }

    @Test
    void noConsoleOutput() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(UI);
    }
}
