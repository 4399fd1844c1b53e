package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    static List<RuleProblem> cells(String text) {
        return DecisionTableChecks.cellErrors(PATH, text, AnalysisFixtures.FACTS.regions().values(),
                AnalysisFixtures.FACTS.facts().stream().map(f -> f.id()).collect(java.util.stream.Collectors.toSet()));
    }

    static String replaceInRow(String table, String id, String from, String to) {
        String row = table.lines().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow();
        return table.replace(row, row.replace(from, to));
    }

    static int lineOf(String table, String id) {
        List<String> lines = table.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(id + " ")) {
                return i + 1;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void theBusinessColumnsAreTypedFromWhatEachColumnStandsFor() throws Exception {
        assertThat(DecisionTableChecks.columns(table())).extracting(DecisionTableChecks.Column::label,
                DecisionTableChecks.Column::type).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Rule", DecisionTableChecks.CellType.NAME),
                        org.assertj.core.groups.Tuple.tuple("Region", DecisionTableChecks.CellType.REGION),
                        org.assertj.core.groups.Tuple.tuple("Power", DecisionTableChecks.CellType.POWER),
                        org.assertj.core.groups.Tuple.tuple("Existing building", DecisionTableChecks.CellType.YES_NO),
                        org.assertj.core.groups.Tuple.tuple("Except generator type", DecisionTableChecks.CellType.TEXT),
                        org.assertj.core.groups.Tuple.tuple("Generation above (MW)", DecisionTableChecks.CellType.NUMBER),
                        org.assertj.core.groups.Tuple.tuple("Lead time (fact id)", DecisionTableChecks.CellType.FACT),
                        org.assertj.core.groups.Tuple.tuple("Lane, what the permit is", DecisionTableChecks.CellType.TEXT));
    }

    @Test
    void theLiveTableHasNoBadCell() throws Exception {
        assertThat(cells(table())).isEmpty();
    }

    @Test
    void aNumberWithALetterInItIsNamedInPlainWordsAtItsRowAndColumn() throws Exception {
        String text = replaceInRow(table(), "PERM-011", ",FUEL_CELL,100,", ",FUEL_CELL,10x0,");
        assertThat(cells(text)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf(text, "PERM-011"));
            assertThat(p.message()).isEqualTo("row " + p.line() + ", Generation above (MW): '10x0' is not a number;"
                    + " write it with digits and a decimal point, like 100 or 0.5");
        });
    }

    @Test
    void anUnknownPowerRegionFactOrYesNoIsNamed() throws Exception {
        String text = replaceInRow(replaceInRow(replaceInRow(replaceInRow(table(), "PERM-011", ",ONSITE_GAS,", ",GAS,"),
                "PERM-012", "US-TX,", "US-XX,"), "PERM-013", "permits.air_permit_months.nonattainment",
                "permits.air_permit_months.nonattainmnet"), "PERM-020", ",false,", ",no,");
        assertThat(cells(text)).extracting(RuleProblem::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).contains("Power: 'GAS' is not a power type; use one of GRID, ONSITE_GAS"),
                m -> assertThat(m).contains("Region: 'US-XX' is not a region of the fact base"),
                m -> assertThat(m).contains("Lead time (fact id): there is no fact 'permits.air_permit_months.nonattainmnet'"),
                m -> assertThat(m).contains("Existing building: 'no' is neither true nor false"));
    }

    @Test
    void aLineBreakInACellIsNamedBecauseDroolsReadsATableLineByLine() throws Exception {
        String text = replaceInRow(table(), "PERM-011", "\"air,a major-source air permit (PSD/Title V) for on-site gas turbines\"",
                "\"air,a major-source air permit\n(PSD/Title V) for on-site gas turbines\"");
        assertThat(cells(text)).singleElement().satisfies(p -> assertThat(p.message())
                .contains("Lane, what the permit is: the cell has a line break"));
    }

    /** The probe's 6,000-row table gave 18 million overlap warnings and a 4.9 GB answer; now a count. */
    @ParameterizedTest(name = "{0} copies of a row")
    @ValueSource(ints = {300, 3_000})
    void manyOverlappingRowsGiveAFewWarningsAndACount(int copies) throws Exception {
        String table = table();
        String tennessee = table.lines().filter(l -> l.startsWith("PERM-010 ")).findFirst().orElseThrow();
        StringBuilder rows = new StringBuilder(tennessee).append("\n");
        for (int i = 0; i < copies; i++) {
            rows.append(tennessee.replaceFirst("^PERM-010 ", "PERM-9" + i + " ")).append("\n");
        }
        List<RuleProblem> warnings = check(table.replace(tennessee + "\n", rows.toString()));
        assertThat(warnings).hasSizeLessThanOrEqualTo(DecisionTableChecks.MAX_PER_KIND + 2);
        if (copies < DecisionTableChecks.MAX_ROWS_COMPARED) {
            long pairs = (long) (copies + 1) * copies / 2;
            assertThat(warnings).last().satisfies(w -> assertThat(w.message())
                    .contains((pairs - DecisionTableChecks.MAX_PER_KIND) + " more pairs of rows overlap", pairs + " in all"));
        } else {
            assertThat(warnings).anySatisfy(w -> assertThat(w.message()).contains("was not checked for them"));
        }
    }
}
