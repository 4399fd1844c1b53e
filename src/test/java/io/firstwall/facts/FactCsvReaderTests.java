package io.firstwall.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.firstwall.analysis.AnalysisFixtures;

class FactCsvReaderTests {

    static final String HEADER = "id,value,low,high,unit,as_of,source,status,note\n";
    static final String GOOD = "pue.ai_site,1.2,1.1,1.3,ratio,2024,\"Epoch AI, 2024\",primary,fine\n";

    @Test
    void readsTheRepositoryFactBase() {
        FactBase base = FactCsvReader.read(Path.of("data"));
        assertThat(base.facts()).hasSizeGreaterThan(50);
        assertThat(base.regions()).containsKeys("US-VA", "US-TX", "US-TN", "US-MS", "US-AZ", "LEO");
        assertThat(base.accelerators()).containsKeys("GB300", "GB200", "H100");
        assertThat(base.facts()).allSatisfy(f -> {
            assertThat(f.source()).as(f.id()).isNotBlank();
            assertThat(f.status()).as(f.id()).isNotNull();
        });
    }

    @Test
    void readsQuotedSourcesRangesAndDates() {
        Fact f = FactCsvReader.readFacts("t.csv", HEADER + GOOD).get(0);
        assertThat(f.source()).isEqualTo("Epoch AI, 2024");
        assertThat(f.low()).isEqualTo(1.1);
        assertThat(f.asOf()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(f.status()).isEqualTo(FactStatus.PRIMARY);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "x,abc,,,W,2024,src,primary,|t.csv:2: value 'abc' is not a number",
            "x,1,,,W,2024,,primary,|t.csv:2: source is empty",
            "x,1,,,W,2024,src,rumour,|t.csv:2: status 'rumour' must be one of primary, secondary, derived, assumption",
            "x,1,,,W,24/01/2024,src,primary,|t.csv:2: as_of '24/01/2024' is not a date",
            "x,1,2,,W,2024,src,primary,|t.csv:2: low 2.0 is above value 1.0",
            "x,5,,4,W,2024,src,primary,|t.csv:2: high 4.0 is below value 5.0",
            "x,1,,,,2024,src,primary,|t.csv:2: unit is empty",
            "bad id!,1,,,W,2024,src,primary,|t.csv:2: id 'bad id!' must be",
            "x,1,,,W|t.csv:2: expected at least 8 fields, found 5"})
    void aBadRowIsRejectedWithFileAndLine(String row, String message) {
        assertRejected(row, message);
    }

    /** An uncertain event: two outcomes, the high with its probability, the value the more likely one. */
    @Test
    void anEventHasTwoOutcomesAndItsValueIsTheMoreLikely() {
        Fact ban = FactCsvReader.readFacts("t.csv", HEADER.strip() + ",distribution\n"
                + "x.allowed,0,0,1,1 allowed,2026,src,assumption,,event 0.3\n").get(0);
        assertThat(ban.spread().shape()).isEqualTo(Spread.Shape.EVENT);
        assertThat(ban.spread().probability()).isEqualTo(0.3);
        assertThat(Spread.parse("event 0.3@trade").text()).isEqualTo("event 0.3@trade");
        String header = HEADER.strip() + ",distribution\n";
        for (String[] bad : new String[][] {
                {"x,0,0,1,W,2024,src,primary,,event", "t.csv:2: distribution 'event' needs the probability of the high value"},
                {"x,0,0,1,W,2024,src,primary,,event 1", "t.csv:2: distribution 'event 1': the probability must be a number between 0 and 1"},
                {"x,0,0,1,W,2024,src,primary,,event often", "t.csv:2: distribution 'event often': the probability must be a number"},
                {"x,0,0,1,W,2024,src,primary,,pert 0.5", "t.csv:2: distribution 'pert 0.5' takes no number"},
                {"x,0.5,0,1,W,2024,src,primary,,event 0.5", "t.csv:2: distribution 'event 0.5': the value must be one of the two outcomes, the low 0.0 or the high 1.0"},
                {"x,0,0,1,W,2024,src,primary,,event 0.7", "t.csv:2: distribution 'event 0.7': the value must be the more likely outcome"},
                {"x,0,,,W,2024,src,primary,,event 0.7", "t.csv:2: distribution 'event 0.7': an event needs a low and a higher high"}}) {
            assertThatThrownBy(() -> FactCsvReader.readFacts("t.csv", header + bad[0] + "\n"))
                    .as(bad[0]).isInstanceOfSatisfying(FactLoadException.class,
                            e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(bad[1])));
        }
    }

    /** A text longer than its database column is refused when validated, not when the publish writes it. */
    @Test
    void aTextLongerThanItsColumnIsRejectedWithItsLength() {
        assertRejected("x,1,,,W" + "h".repeat(100) + ",2024,src,primary,", "t.csv:2: unit has 101 characters; it may have at most 100");
        assertRejected("x" + "y".repeat(200) + ",1,,,W,2024,src,primary,", "t.csv:2: id has 201 characters");
    }

    static void assertRejected(String row, String message) {
        assertThatThrownBy(() -> FactCsvReader.readFacts("t.csv", HEADER + row + "\n"))
                .isInstanceOfSatisfying(FactLoadException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(message)));
    }

    @Test
    void aByteOrderMarkOnDiskAsExcelWritesItIsNoProblem() throws IOException {
        Path data = AnalysisFixtures.copyOfData();
        Path power = data.resolve("facts/power.csv");
        Files.writeString(power, "\uFEFF" + Files.readString(power));
        FactBase base = FactCsvReader.read(data);
        assertThat(base.facts()).hasSameSizeAs(FactCsvReader.read(Path.of("data")).facts());
        assertThat(FactCsvReader.texts(data).get("facts/power.csv")).doesNotStartWith("\uFEFF");
        assertThat(FactCsvReader.read(Map.of("facts/power.csv", "\uFEFF" + HEADER + GOOD, "regions.csv",
                FactCsvReader.texts(data).get("regions.csv"), "accelerators.csv",
                FactCsvReader.texts(data).get("accelerators.csv"))).facts()).hasSize(1);
    }

    @Test
    void aTextCellThatASpreadsheetWouldRunAsAFormulaIsRefusedAtItsLine() {
        for (String cell : new String[] {"=1+1", "+cmd", "@SUM(A1)", "-2+3"}) {
            String csv = HEADER + "x,1,,,W,2024,\"" + cell + "\",primary,\n";
            assertThatThrownBy(() -> FactCsvReader.readFacts("t.csv", csv)).as(cell)
                    .isInstanceOfSatisfying(FactLoadException.class, e -> assertThat(e.problems().get(0))
                            .contains("t.csv:2").contains("source starts with").contains("formula"));
        }
        assertThat(FactCsvReader.readFacts("t.csv", HEADER + "x,-1,-2,0,W,2024,s,primary,\n")).hasSize(1);
    }

    @Test
    void aWrongColumnIsRejected() {
        assertThatThrownBy(() -> FactCsvReader.readFacts("t.csv", "id,value,unit,source\nx,1,W,s\n"))
                .isInstanceOfSatisfying(FactLoadException.class, e -> assertThat(e.problems().get(0))
                        .startsWith("t.csv:1: wrong columns id,value,unit,source; expected id,value,low,high"));
    }

    @Test
    void theLineNumberCountsCommentsAndBlankLines() {
        String csv = HEADER + "# a comment\n\n" + GOOD + "y,oops,,,W,2024,s,primary,\n";
        assertThatThrownBy(() -> FactCsvReader.readFacts("t.csv", csv))
                .hasMessageContaining("t.csv:5: value 'oops' is not a number");
    }

    @Test
    void nothingIsHalfLoaded(@TempDir Path dir) throws IOException {
        copyCatalogues(dir);
        Files.createDirectories(dir.resolve("facts"));
        Files.writeString(dir.resolve("facts/a.csv"), HEADER + GOOD);
        Files.writeString(dir.resolve("facts/b.csv"), HEADER + "z,notanumber,,,W,2024,s,primary,\n");
        assertThatThrownBy(() -> FactCsvReader.read(dir)).isInstanceOfSatisfying(FactLoadException.class,
                e -> assertThat(e.problems()).containsExactly("facts/b.csv:2: value 'notanumber' is not a number"));
    }

    @Test
    void aDuplicateIdAcrossFilesIsRejected(@TempDir Path dir) throws IOException {
        copyCatalogues(dir);
        Files.createDirectories(dir.resolve("facts"));
        Files.writeString(dir.resolve("facts/a.csv"), HEADER + GOOD);
        Files.writeString(dir.resolve("facts/b.csv"), HEADER + GOOD);
        assertThatThrownBy(() -> FactCsvReader.read(dir))
                .hasMessageContaining("fact id 'pue.ai_site' is defined more than once");
    }

    @Test
    void aMissingDataDirectoryIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> FactCsvReader.read(dir.resolve("nope")))
                .hasMessageContaining("the data directory does not exist");
    }

    @Test
    void overridesNeverTouchTheBaseAndRejectUnknownIds() {
        FactBase base = FactCsvReader.read(Path.of("data"));
        FactBase scenario = base.withOverrides(Map.of("pue.ai_site", 1.5));
        assertThat(scenario.fact("pue.ai_site").orElseThrow().value()).isEqualTo(1.5);
        assertThat(base.fact("pue.ai_site").orElseThrow().value()).isEqualTo(1.2);
        assertThatThrownBy(() -> base.withOverrides(Map.of("pue.typo", 1.0)))
                .hasMessageContaining("unknown fact 'pue.typo'");
    }

    static void copyCatalogues(Path dir) throws IOException {
        Files.copy(Path.of("data/regions.csv"), dir.resolve("regions.csv"));
        Files.copy(Path.of("data/accelerators.csv"), dir.resolve("accelerators.csv"));
    }
}
