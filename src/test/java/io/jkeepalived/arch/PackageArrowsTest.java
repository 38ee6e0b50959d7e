package io.jkeepalived.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package arrows of shared/STYLE.md true: daemon → {vrrp, check, ipvs, notify, metrics}
 * → {config, script, time, net}. Rules allow empty packages so that rooms without classes yet pass.
 */
class PackageArrowsTest {
    private static final String ROOT = "io.jkeepalived";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static String pkg(String room) {
        return ROOT + "." + room + "..";
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void nothingDependsOnTheDaemon() {
        check(noClasses().that().resideOutsideOfPackage(pkg("daemon"))
                .should().dependOnClassesThat().resideInAPackage(pkg("daemon")));
    }

    @Test
    void configKnowsNothingOfTheRuntime() {
        check(noClasses().that().resideInAPackage(pkg("config"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        pkg("vrrp"), pkg("check"), pkg("ipvs"), pkg("notify"), pkg("metrics"),
                        pkg("script"), pkg("net")));
    }

    @Test
    void netKnowsNothingOfVrrpOrIpvs() {
        check(noClasses().that().resideInAPackage(pkg("net"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        pkg("vrrp"), pkg("check"), pkg("ipvs"), pkg("notify"), pkg("metrics"),
                        pkg("config"), pkg("script")));
    }

    @Test
    void timeAndScriptAreLeaves() {
        check(noClasses().that().resideInAnyPackage(pkg("time"), pkg("script"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        pkg("vrrp"), pkg("check"), pkg("ipvs"), pkg("notify"), pkg("metrics")));
    }

    @Test
    void vrrpAndCheckRunScriptsThroughScriptNotNotify() {
        check(noClasses().that().resideInAnyPackage(pkg("vrrp"), pkg("check"))
                .should().dependOnClassesThat().resideInAPackage(pkg("notify")));
    }

    @Test
    void runtimeRoomsDoNotDependOnEachOther() {
        check(noClasses().that().resideInAPackage(pkg("vrrp"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("check"), pkg("ipvs"), pkg("metrics")));
        check(noClasses().that().resideInAnyPackage(pkg("check"), pkg("ipvs"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("vrrp"), pkg("metrics")));
    }
}
