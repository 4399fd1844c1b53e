package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firstwall.facts.Fact;
import io.firstwall.facts.FactCsvReader;

/** One fact's row is found, replaced, added or removed without touching any other line. */
class FactRowsTests {

    static final String CSV = "# a comment\nid,value,low,high,unit,as_of,source,status,note\n"
            + "a.one,1,,,MW,2025,\"Source, with a comma\",primary,\n"
            + "\n"
            + "a.two,2,1,3,MW,2025-06,plain source,secondary,\"a \"\"quoted\"\" note\"\n";

    @Test
    void rowsAreFoundWithTheirLineAndFieldsSkippingCommentsAndBlankLines() {
        List<FactRows.Row> rows = FactRows.all(Map.of("facts/a.csv", CSV, "regions.csv", "id,name\nx,y\n"));
        assertThat(rows).extracting(FactRows.Row::id).containsExactly("a.one", "a.two");
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(0).get("source")).isEqualTo("Source, with a comma");
        assertThat(rows.get(1).get("note")).isEqualTo("a \"quoted\" note");
    }

    @Test
    void replacingARowChangesOnlyThatLineAndTheResultReadsBack() {
        FactRows.Row two = FactRows.find(Map.of("facts/a.csv", CSV), "a.two").orElseThrow();
        String edited = FactRows.replace(CSV, two.line(), List.of("a.two", "2.5", "", "", "MW", "2026", "new, source",
                "assumption", "why"));
        assertThat(LineDiff.changes(CSV, edited)).hasSize(2);
        Fact fact = FactCsvReader.readFacts("a.csv", edited).get(1);
        assertThat(fact.value()).isEqualTo(2.5);
        assertThat(fact.source()).isEqualTo("new, source");
        assertThat(fact.low()).isNull();
    }

    @Test
    void appendingAndRemovingKeepTheRestOfTheFile() {
        String added = FactRows.append(CSV.stripTrailing(), List.of("a.three", "3", "", "", "t", "2024", "s", "derived", ""));
        assertThat(FactCsvReader.readFacts("a.csv", added)).extracting(Fact::id).containsExactly("a.one", "a.two", "a.three");
        String removed = FactRows.remove(added, FactRows.find(Map.of("facts/a.csv", added), "a.one").orElseThrow().line());
        assertThat(FactCsvReader.readFacts("a.csv", removed)).extracting(Fact::id).containsExactly("a.two", "a.three");
        assertThat(FactRows.append("", List.of("b", "1", "", "", "u", "2025", "s", "primary", "")))
                .startsWith(String.join(",", FactCsvReader.FACT_COLUMNS) + "\n");
    }

    /** A fact derived from a backtest project names it; the file's header gains the optional columns it then needs. */
    @Test
    void namingAProjectGivesTheHeaderItsColumnsAndReadsBack() {
        FactRows.Row one = FactRows.find(Map.of("facts/a.csv", CSV), "a.one").orElseThrow();
        String edited = FactRows.replace(CSV, one.line(), List.of("a.one", "1", "", "", "MW", "2025", "s", "derived", "",
                "", "colossus-1 hyperion"));
        assertThat(edited).contains("\n" + String.join(",", FactCsvReader.FACT_COLUMNS) + "\n")
                .contains("a.one,1,,,MW,2025,s,derived,,,colossus-1 hyperion\n");
        List<Fact> facts = FactCsvReader.readFacts("a.csv", edited);
        assertThat(facts.get(0).projectIds()).containsExactly("colossus-1", "hyperion");
        assertThat(facts.get(1).projectIds()).isEmpty();
        assertThat(FactRows.find(Map.of("facts/a.csv", edited), "a.one").orElseThrow().get("projects"))
                .isEqualTo("colossus-1 hyperion");
    }

    @Test
    void aProjectsCellThatNamesNoProjectIsRefused() {
        String bad = String.join(",", FactCsvReader.FACT_COLUMNS) + "\na.one,1,,,MW,2025,s,derived,,,../etc/passwd\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FactCsvReader.readFacts("a.csv", bad))
                .hasMessageContaining("projects names '../etc/passwd', which is not a backtest project id");
    }
}
