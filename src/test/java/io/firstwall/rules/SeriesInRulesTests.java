package io.firstwall.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.Note;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.plan.Plan;
import io.firstwall.plan.Power;

/** A rule reads a series at the plan's decision date through {@code facts.at}: the allowlist and the bytecode check accept it. */
class SeriesInRulesTests {

    @Test
    void aRuleReadsThePointThatHoldsOnTheDecisionDate() {
        Map<String, String> files = new LinkedHashMap<>(AnalysisFixtures.RULES.files());
        files.put("test/series.drl", """
                package rules.test;
                import io.firstwall.plan.Plan;
                import io.firstwall.facts.Fact;
                import io.firstwall.analysis.Note;
                global io.firstwall.facts.FactBase facts;
                rule "T-001 A rule reads a series at the decision date"
                when
                    $p : Plan()
                    $f : Fact() from facts.at("test.cowos", $p.decisionDate())
                then
                    insert(new Note("CHIP_SUPPLY", "T-001", "CoWoS at decision: " + $f.value(), List.of($f.id())));
                end
                """.replace("import io.firstwall.analysis.Note;", "import io.firstwall.analysis.Note;\nimport java.util.List;"));
        RuleBase rules = RuleCompiler.compile(files);
        List<io.firstwall.facts.Fact> points = FactCsvReader.readFacts("facts/test.csv",
                "id,value,low,high,unit,as_of,source,status,note\n"
                        + "test.cowos@2025-12-31,75000,,,wafers/month,2025,src,secondary,\n"
                        + "test.cowos@2026-12-31,110000,,,wafers/month,2025,src,secondary,\n");
        List<io.firstwall.facts.Fact> all = new java.util.ArrayList<>(AnalysisFixtures.FACTS.facts());
        all.addAll(points);
        FactBase facts = new FactBase(all, AnalysisFixtures.FACTS.regions().values(), AnalysisFixtures.FACTS.accelerators().values());
        Plan in2026 = AnalysisFixtures.plan("US-TX", Power.GRID).phase("2028-06-30", 10_000).build();
        Analysis a = new Analyzer(rules).analyze(in2026, facts);
        assertThat(a.notes()).filteredOn(n -> n.ruleId().equals("T-001")).extracting(Note::text)
                .containsExactly("CoWoS at decision: 75000.0");
        Plan in2027 = new Plan(in2026.name(), in2026.location(), in2026.power(), in2026.accelerator(),
                LocalDate.of(2027, 2, 1), in2026.phases(), in2026.attributes());
        assertThat(new Analyzer(rules).analyze(in2027, facts).notes()).filteredOn(n -> n.ruleId().equals("T-001"))
                .extracting(Note::text).containsExactly("CoWoS at decision: 110000.0");
    }
}
