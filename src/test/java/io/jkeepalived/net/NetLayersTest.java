package io.jkeepalived.net;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Inside the net room: codecs ({@code nl}, {@code frame}) are pure bytes and never reach the kernel layers
 * ({@code ffm}, {@code linux}), nor threads or the foreign linker (shared/reference/design-notes.md §4.1).
 */
class NetLayersTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jkeepalived.net");

    @Test
    void codecsDoNotTouchTheKernelLayers() {
        noClasses().that().resideInAnyPackage("io.jkeepalived.net.nl..", "io.jkeepalived.net.frame..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jkeepalived.net.ffm..",
                        "io.jkeepalived.net.linux..")
                .check(CLASSES);
    }

    @Test
    void codecsUseNoLinkerAndNoThreads() {
        noClasses().that().resideInAnyPackage("io.jkeepalived.net.nl..", "io.jkeepalived.net.frame..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.foreign.Linker")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .check(CLASSES);
    }

    @Test
    void portsDoNotDependOnTheirLinuxImplementations() {
        // UnixDatagramSocket (the syslog socket, written for the CLI) is an endpoint itself, not a port
        noClasses().that().resideInAPackage("io.jkeepalived.net").and().doNotHaveSimpleName("UnixDatagramSocket")
                .should().dependOnClassesThat().resideInAnyPackage("io.jkeepalived.net.linux..",
                        "io.jkeepalived.net.ffm..")
                .check(CLASSES);
    }
}
