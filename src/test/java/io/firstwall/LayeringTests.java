package io.firstwall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * Three rings, checked on the compiled classes: the core (plans, facts, rules, analysis) knows no
 * Spring and no feature; the runtime (system) knows no feature; no two packages depend on each
 * other in a circle.
 */
@AnalyzeClasses(packages = "io.firstwall", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTests {

    static final String[] CORE = {"io.firstwall.plan..", "io.firstwall.facts..", "io.firstwall.rules..",
            "io.firstwall.analysis..", "io.firstwall.ruletests..", "io.firstwall.uncertainty..", "io.firstwall.backtest..",
            "io.firstwall.seek.."};
    static final String[] FEATURES = {"io.firstwall.plans..", "io.firstwall.whatif..", "io.firstwall.editing..",
            "io.firstwall.report..", "io.firstwall.security..", "io.firstwall.api..", "io.firstwall.cli.."};

    @ArchTest
    static final ArchRule theCoreHasNoSpring = noClasses().that().resideInAnyPackage(CORE).should()
            .dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .because("the analyzer core runs from a plain main, a test, the web layer and the batch alike");

    @ArchTest
    static final ArchRule theCoreKnowsNoFeatureAndNoRuntime = noClasses().that().resideInAnyPackage(CORE).should()
            .dependOnClassesThat().resideInAnyPackage(concat(FEATURES, "io.firstwall.system.."))
            .because("rule files and stored rule revisions import the core; it must not move with the app");

    @ArchTest
    static final ArchRule theRuntimeKnowsNoFeature = noClasses().that().resideInAPackage("io.firstwall.system..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.firstwall.(*)..").should().beFreeOfCycles();

    static String[] concat(String[] a, String b) {
        String[] all = Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }
}
