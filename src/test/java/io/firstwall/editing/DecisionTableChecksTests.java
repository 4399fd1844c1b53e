package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.rules.RuleProblem;

/** Overlaps and gaps of the real permits table against the real region catalogue. */
class DecisionTableChecksTests {

    static final String PATH = "rules/permits/permits_by_region.drl.csv";

    static String table() throws Exception {
        return Files.readString(Path.of("rules/permits/permits_by_region.drl.csv"));
    }

    static List<RuleProblem> check(String text) {
        return DecisionTableChecks.check(PATH, text, AnalysisFixtures.FACTS.regions().values());
    }

    @Test
    void theLiveTableHasNoOverlapAndNoGap() throws Exception {
        assertThat(check(table())).isEmpty();
    }

    @Test
    void twoRowsThatAddTheSameLaneToTheSamePlanOverlap() throws Exception {
        String table = table();
        String tennessee = table.lines().filter(l -> l.startsWith("PERM-010 ")).findFirst().orElseThrow();
        String copy = tennessee.replaceFirst("^PERM-010 ", "PERM-019 ");
        String text = table.replace(tennessee + "\n", tennessee + "\n" + copy + "\n");
        List<RuleProblem> warnings = check(text);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).message()).startsWith("overlap: PERM-010 and PERM-019")
                .contains("the 'air' lane");
        int line = text.lines().toList().indexOf(copy) + 1;
        assertThat(warnings.get(0).line()).as("the later row's line").isEqualTo(line);

        // Rows for different regions, or one for fuel cells only, do not overlap.
        assertThat(check(text.replace(copy, copy.replace(",US-TN,", ",US-XX,")))).noneMatch(w -> w.message()
                .startsWith("overlap"));
    }

    @Test
    void aRegionThatNoRowOfALaneCoversIsAGap() throws Exception {
        String table = table();
        String ohio = table.lines().filter(l -> l.startsWith("PERM-015 ")).findFirst().orElseThrow();
        List<RuleProblem> warnings = check(table.replace(ohio + "\n", ""));
        assertThat(warnings).extracting(RuleProblem::message)
                .containsExactly("gap: no row gives ONSITE_GAS plans in US-OH the 'air' lane; a plan there gets none");
    }

    @Test
    void aTableThatDoesNotReadGivesNoWarningsTheCompilerSaysWhy() {
        assertThat(check("not,a,table\n")).isEmpty();
    }
}
