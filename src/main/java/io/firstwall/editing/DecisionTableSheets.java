package io.firstwall.editing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A {@code *.drl.csv} decision table as a spreadsheet and back, for experts who prefer one: every
 * cell is text, one row per CSV line. The CSV stays the file of record.
 */
public final class DecisionTableSheets {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /** The largest table read from a spreadsheet; a sparse sheet beyond it is refused, not expanded. */
    static final int MAX_ROWS = 2_000;
    static final int MAX_COLUMNS = 50;
    /** The most text a sheet may hold in all: many cells that share one long string would expand past it. */
    static final int MAX_TEXT = 1 << 20;

    /** A sheet larger than a decision table may be. */
    static final class TooLarge extends IllegalArgumentException {
        TooLarge(String message) {
            super(message);
        }
    }

    private DecisionTableSheets() {
    }

    public static byte[] toXlsx(String csv) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Decision table");
            int r = 0;
            for (CSVRecord record : CSV.parse(new StringReader(csv))) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    row.createCell(c).setCellValue(record.get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first sheet as CSV; a file that is not a spreadsheet is an IllegalArgumentException with a plain message. */
    public static String fromXlsx(InputStream xlsx) {
        try (Workbook book = new XSSFWorkbook(xlsx)) {
            Sheet sheet = book.getSheetAt(0);
            if (sheet.getLastRowNum() >= MAX_ROWS) {
                throw new TooLarge("the sheet has a cell in row " + (sheet.getLastRowNum() + 1)
                        + "; a decision table may have at most " + MAX_ROWS + " rows. Delete the stray cells.");
            }
            DataFormatter text = new DataFormatter();
            StringWriter out = new StringWriter();
            long size = 0;
            try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null && row.getLastCellNum() > MAX_COLUMNS) {
                        throw new TooLarge("row " + (r + 1) + " has a cell in column "
                                + row.getLastCellNum() + "; a decision table may have at most " + MAX_COLUMNS
                                + " columns. Delete the stray cells.");
                    }
                    if (row != null) {
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            Cell cell = row.getCell(c);
                            String value = cell == null ? "" : text.formatCellValue(cell);
                            size += value.length();
                            if (size > MAX_TEXT) {
                                throw new TooLarge("the sheet's cells hold more than " + MAX_TEXT / 1024 + " KiB of text"
                                        + " (row " + (r + 1) + " reached it); a decision table is far smaller. Check for a"
                                        + " long text repeated in many cells.");
                            }
                            cells.add(value);
                        }
                    }
                    printer.printRecord(cells);
                }
            }
            return out.toString();
        } catch (TooLarge e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable .xlsx spreadsheet: " + e.getMessage(), e);
        }
    }
}
