package io.firstwall.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;

import io.firstwall.analysis.AnalysisFixtures;

class RuleCompilerTests {

    static final String HEADER = """
            package rules.test;
            import io.firstwall.plan.Plan;
            """;

    @Test
    void everyFileUnderRulesCompilesAndEveryRuleHasAnIdAndASentence() {
        RuleBase base = AnalysisFixtures.RULES;
        assertThat(base.files()).containsKeys("demand/demand.drl", "grid/grid_interconnect.drl",
                "turbines/turbine_supply.drl", "permits/permits.drl", "permits/permits_by_region.drl.csv",
                "memory/memory_supply.drl", "chips/chip_supply.drl", "gallium/gallium_supply.drl",
                "launch/launch_capacity.drl");
        assertThat(base.rules()).hasSizeGreaterThan(30).allSatisfy(r -> {
            assertThat(r.id()).as(r.name()).matches("[A-Z]+-\\d{3}");
            assertThat(r.sentence()).as(r.name()).isNotBlank();
        });
        assertThat(base.rules()).extracting(RuleInfo::id).doesNotHaveDuplicates();
    }

    @Test
    void aBrokenLeverFileRefusesTheWholeRuleSetNamingTheFile() {
        Map<String, String> files = new TreeMap<>(AnalysisFixtures.RULES.files());
        files.put("levers.csv", files.get("levers.csv").replace("bridge.mobile_turbines,Bridge on rented trailer turbines,"
                + "bridgeGeneration,MOBILE_TURBINE", "bridge.mobile_turbines,Bridge on rented trailer turbines,bridgeGeneration,STEAM"));
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class, e ->
                assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("rules/levers.csv");
                    assertThat(p.message()).contains("'bridge.mobile_turbines'").contains("STEAM");
                }));
        assertThat(AnalysisFixtures.RULES.levers().levers()).isNotEmpty();
    }

    @Test
    void eachDrlPackageMatchesItsFolder() {
        AnalysisFixtures.RULES.files().forEach((path, text) -> {
            if (path.endsWith(".drl")) {
                String folder = path.substring(0, path.lastIndexOf('/')).replace('/', '.');
                assertThat(text).as(path).contains("package rules." + folder + ";");
            }
        });
    }

    @Test
    void aSyntaxErrorIsReportedAsFileLineColumn() {
        Map<String, String> files = new TreeMap<>(Map.of("test/bad.drl", HEADER + """
                rule "T-001 Broken"
                when
                    Plan(name == )
                then
                end
                """));
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class, e -> {
            RuleProblem p = e.problems().get(0);
            assertThat(p.file()).isEqualTo("rules/test/bad.drl");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isPositive();
            assertThat(p.toString()).startsWith("rules/test/bad.drl:5:");
        });
    }

    @Test
    void anUnknownTypeIsAnError() {
        Map<String, String> files = Map.of("test/types.drl", HEADER + """
                rule "T-002 Unknown type"
                when
                    Rocket()
                then
                end
                """);
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOf(RuleBuildException.class)
                .hasMessageContaining("rules/test/types.drl").hasMessageContaining("Rocket");
    }

    @Test
    void aBrokenDecisionTableIsNamed() {
        String original = AnalysisFixtures.RULES.files().get("permits/permits_by_region.drl.csv");
        String table = original.replace("generationMw > $param", "generationMw >> $param");
        int firstRuleRow = Arrays.asList(original.split("\n")).indexOf(original.lines()
                .filter(l -> l.startsWith("PERM-010")).findFirst().orElseThrow()) + 1;
        assertThatThrownBy(() -> RuleCompiler.compile(Map.of("permits/permits_by_region.drl.csv", table)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("rules/permits/permits_by_region.drl.csv");
                            assertThat(p.line()).isEqualTo(firstRuleRow);
                            assertThat(p.message()).startsWith("row " + firstRuleRow + " of the table");
                        }));
    }

    @Test
    void anEmptyRuleSetIsRefused(@TempDir Path empty) {
        assertThatThrownBy(() -> RuleCompiler.compile(empty)).isInstanceOf(RuleBuildException.class)
                .hasMessageContaining("no rule files");
    }

    @Test
    void aMissingRulesDirectoryIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleCompiler.compile(dir.resolve("nope"))).isInstanceOf(RuleBuildException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void eachBuildHasItsOwnReleaseAndLeavesNoModuleBehind() {
        Map<String, String> files = Map.of("test/ok.drl", HEADER + """
                rule "T-003 Fine"
                when
                    Plan()
                then
                end
                """);
        RuleBase first = RuleCompiler.compile(files);
        RuleBase second = RuleCompiler.compile(files);
        assertThat(first.kieBase()).isNotSameAs(second.kieBase());
        assertThat(first.version()).isEqualTo(second.version());
        var repository = KieServices.Factory.get().getRepository();
        assertThat(repository.getKieModule(KieServices.Factory.get().newReleaseId("io.firstwall.rules", "ruleset",
                "1.0.1"))).isNull();
    }
}
