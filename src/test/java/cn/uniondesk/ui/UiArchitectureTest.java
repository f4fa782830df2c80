package cn.uniondesk.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The UI reaches data only through the services, and runs background work only through its executor. */
class UiArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.uniondesk");

    @Test
    void uiDoesNotDependOnTheDataLayer() {
        noClasses().that().resideInAPackage("cn.uniondesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.uniondesk.db..", "cn.uniondesk.app..")
                .check(MAIN);
    }

    @Test
    void onlyTheExecutorStartsThreadsOrHandsWorkToTheFxThread() {
        noClasses().that().resideInAPackage("cn.uniondesk.ui..")
                .and().doNotHaveSimpleName("FxBackgroundExecutor")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(MAIN);
    }
}
