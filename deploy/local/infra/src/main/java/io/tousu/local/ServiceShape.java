package io.tousu.local;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The skeleton every service shares, checked over its compiled classes: {@code api} and
 * {@code inbound} call the feature packages and nothing calls them, and no packages import
 * each other in a loop (so {@code events}, which the features publish, needs none of them). Each service's test calls {@link #assertFollowedBy} with its root package.
 */
public final class ServiceShape {
    private ServiceShape() {
    }

    /** Throws an {@link AssertionError} listing every violation. */
    public static void assertFollowedBy(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        String api = rootPackage + ".api..";
        String inbound = rootPackage + ".inbound..";

        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(classes);
        noClasses().that().resideOutsideOfPackages(api, inbound)
                .should().dependOnClassesThat().resideInAnyPackage(api, inbound)
                .because("features are called by the REST resources and consumers, never the reverse")
                .check(classes);
    }
}
