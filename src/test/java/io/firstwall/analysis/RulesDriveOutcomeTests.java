package io.firstwall.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.rules.RuleCompiler;

/** The same plan against an edited copy of a rule file, or of a fact, gets a different first wall. */
class RulesDriveOutcomeTests {

    static Plan memphis() throws IOException {
        return new PlanReader(AnalysisFixtures.FACTS).read(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json")));
    }

    static void copy(Path from, Path to) {
        AnalysisFixtures.copyOf(from, to);
    }

    @Test
    void anEditedRuleFileChangesTheFirstWall(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        copy(Path.of("rules"), rules);
        Path table = rules.resolve("permits/permits_by_region.drl.csv");
        // An expert decides Memphis air permits for turbines now also need a new transmission corridor.
        Files.writeString(table, Files.readString(table).replace(
                "US-TN,ONSITE_GAS,,FUEL_CELL,100,permits.air_permit_months.contested",
                "US-TN,ONSITE_GAS,,FUEL_CELL,100,permits.transmission_line_months"));
        Plan plan = memphis();
        assertThat(AnalysisFixtures.analyze(plan).firstWall().factor()).isEqualTo("TURBINE_SUPPLY");
        Analysis edited = new Analyzer(RuleCompiler.compile(rules)).analyze(plan, AnalysisFixtures.FACTS);
        assertThat(edited.firstWall().factor()).isEqualTo("PERMITS");
    }

    @Test
    void anEditedFactChangesTheFirstWall(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        copy(Path.of("data"), data);
        Path permits = data.resolve("facts/permits.csv");
        Files.writeString(permits, Files.readString(permits).replace("permits.air_permit_months.contested,17,12,30",
                "permits.air_permit_months.contested,80,24,90"));
        FactBase edited = FactCsvReader.read(data);
        Analysis a = AnalysisFixtures.ANALYZER.analyze(memphis(), edited);
        assertThat(a.firstWall().factor()).isEqualTo("PERMITS");
        assertThat(a.cascade()).startsWith("PERMITS", "TURBINE_SUPPLY");
    }
}
