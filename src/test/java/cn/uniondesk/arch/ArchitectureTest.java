package cn.uniondesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DEVELOPERS.md / docs/architecture.md, as tests. */
@AnalyzeClasses(packages = "cn.uniondesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = noClasses().that().resideInAPackage("cn.uniondesk.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "org.apache.poi..",
                    "cn.uniondesk.db..", "cn.uniondesk.service..", "cn.uniondesk.ui..", "java.sql..", "org.h2..")
            .because("the domain holds the union's rules, testable without a UI, a database or a file format");

    @ArchTest
    static final ArchRule uiDoesNotTouchTheDatabase = noClasses().that().resideInAPackage("cn.uniondesk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.uniondesk.db..", "org.jooq..", "java.sql..",
                    "org.h2..")
            .because("screens go through services, so permissions, audit and transactions cannot be bypassed");

    @ArchTest
    static final ArchRule serviceHasNoJavaFx = noClasses().that().resideInAPackage("cn.uniondesk.service..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the same use cases serve the window, the command line and the intake server");

    @ArchTest
    static final ArchRule generatedJooqStaysInDb = noClasses().that().resideOutsideOfPackage("cn.uniondesk.db..")
            .should().dependOnClassesThat().resideInAPackage("cn.uniondesk.db.generated..")
            .because("generated table classes are an implementation detail of the repositories");

    @ArchTest
    static final ArchRule cliDoesNotTouchTheDatabase = noClasses().that().resideInAPackage("cn.uniondesk.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.uniondesk.db.generated..", "org.jooq..",
                    "java.sql..")
            .because("commands are thin shells over the same services as the window");

    @ArchTest
    static final ArchRule lowerLayersDoNotDependOnUiOrCli = noClasses().that()
            .resideInAnyPackage("cn.uniondesk.domain..", "cn.uniondesk.db..", "cn.uniondesk.service..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.uniondesk.ui..", "cn.uniondesk.cli..",
                    "cn.uniondesk.app..")
            .because("dependencies point inwards: app → ui/cli → service → db → domain");

    @ArchTest
    static final ArchRule noThreadsOutsideTheExecutor = noClasses().that().resideInAPackage("cn.uniondesk.ui..")
            .and().doNotHaveSimpleName("FxBackgroundExecutor")
            .should().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .because("background work goes through the one injected BackgroundExecutor");

    @ArchTest
    static final ArchRule syncIsFormatAndTransportOnly = noClasses().that().resideInAPackage("cn.uniondesk.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.uniondesk.service..", "cn.uniondesk.db..",
                    "cn.uniondesk.ui..", "cn.uniondesk.cli..", "cn.uniondesk.app..", "javafx..", "org.jooq..")
            .because("the batch format, signing and HTTPS transport are shared by the office and the intake "
                    + "and know nothing of either side's storage");

    @ArchTest
    static final ArchRule intakeGeneratedJooqStaysInDb = noClasses().that().resideOutsideOfPackage("cn.uniondesk.db..")
            .should().dependOnClassesThat().resideInAPackage("cn.uniondesk.db.intake.generated..")
            .because("the intake's generated tables are an implementation detail of its repository");
}
