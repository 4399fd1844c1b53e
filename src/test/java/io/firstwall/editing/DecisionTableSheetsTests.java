package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

    static byte[] sparse(int row, int column) throws Exception {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("t");
            sheet.createRow(0).createCell(0).setCellValue("RuleSet");
            sheet.createRow(row).createCell(column).setCellValue("far away");
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aSparseSheetWithAFarCellIsRefusedInsteadOfExpanded() throws Exception {
        byte[] farDown = sparse(1_048_575, 0);
        assertThat(farDown.length).isLessThan(10_000);
        assertThatThrownBy(() -> DecisionTableSheets.fromXlsx(new ByteArrayInputStream(farDown)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1048576")
                .hasMessageContaining("at most 2000 rows");
        assertThatThrownBy(() -> DecisionTableSheets.fromXlsx(new ByteArrayInputStream(sparse(3, 16_383))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 50 columns");
    }

    /** The probe's 211 KB sheet of 1,999 x 50 cells sharing one 10,000-character string built a 1.0 GB page. */
    @Test
    void aSheetWhoseCellsShareOneLongStringIsRefusedBeforeItExpands() throws Exception {
        String shared = "x".repeat(10_000);
        byte[] bomb;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("t");
            for (int r = 0; r < 1_999; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < 50; c++) {
                    row.createCell(c).setCellValue(shared);
                }
            }
            book.write(out);
            bomb = out.toByteArray();
        }
        assertThat(bomb.length).as("the upload is small").isLessThan(2 << 20);
        assertThatThrownBy(() -> DecisionTableSheets.fromXlsx(new ByteArrayInputStream(bomb)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 1024 KiB of text");
    }
}
