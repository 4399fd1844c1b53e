package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.rules.RuleCompiler;

class DecisionTableSheetsTests {

    static List<List<String>> records(String csv) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords().stream().map(r -> r.toList()).toList();
    }

    @Test
    void theRepositoryTableSurvivesASpreadsheetRoundTripCellForCell() throws Exception {
        String table = AnalysisFixtures.RULES.files().get("permits/permits_by_region.drl.csv");
        String back = DecisionTableSheets.fromXlsx(new ByteArrayInputStream(DecisionTableSheets.toXlsx(table)));
        assertThat(records(back)).isEqualTo(records(table));
        assertThat(RuleCompiler.generatedDrl(back)).isEqualTo(RuleCompiler.generatedDrl(table));
    }

    @Test
    void somethingElseIsRefusedPlainly() {
        assertThatThrownBy(() -> DecisionTableSheets.fromXlsx(new ByteArrayInputStream("not a sheet".getBytes())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a readable .xlsx spreadsheet");
    }
}
