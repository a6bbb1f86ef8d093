package dev.leeway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The code is packaged by feature; a newcomer finds a feature in one folder only while features
 * do not reach into each other in circles, and while the HTTP plumbing in {@code web} serves them
 * without any of them depending on it.
 */
class PackageBoundariesTest {

    private static final JavaClasses LEEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.leeway");

    @Test
    void noFeatureDependsOnAnotherThatDependsBackOnIt() {
        slices().matching("dev.leeway.(*)..").should().beFreeOfCycles().check(LEEWAY);
    }

    @Test
    void webIsALeafThatNoFeatureDependsOn() {
        noClasses().that().resideOutsideOfPackage("dev.leeway.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.leeway.web..")
                .check(LEEWAY);
    }
}
