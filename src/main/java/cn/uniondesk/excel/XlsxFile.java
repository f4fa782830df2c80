package cn.uniondesk.excel;

import com.github.pjfanning.xlsx.StreamingReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** .xlsx read by streaming (excel-streaming-reader): a few rows in memory at a time, never the workbook. */
final class XlsxFile implements TabularFile {
    private final Path file;
    private List<String> names;

    XlsxFile(Path file) {
        this.file = file;
    }

    private Workbook openWorkbook() {
        try {
            return StreamingReader.builder().rowCacheSize(200).bufferSize(8192).setReadComments(false)
                    .setReadHyperlinks(false).setReadShapes(false).setReadCoreProperties(false)
                    .setReadSharedFormulas(false).setReadStyles(false).open(file.toFile());
        } catch (EncryptedDocumentException e) {
            throw new UnusableFileException(e, "import.file.encrypted");
        } catch (RuntimeException e) {
            throw new UnusableFileException(e, "import.file.broken", String.valueOf(e.getMessage()));
        }
    }

    @Override
    public List<String> sheetNames() {
        if (names == null) {
            List<String> n = new ArrayList<>();
            try (Workbook wb = openWorkbook()) {
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    n.add(wb.getSheetName(i));
                }
            } catch (java.io.IOException e) {
                throw new UnusableFileException(e, "import.file.broken", String.valueOf(e.getMessage()));
            }
            names = List.copyOf(n);
        }
        return names;
    }

    @Override
    public void read(String sheet, RowSink sink) {
        try (Workbook wb = openWorkbook()) {
            Sheet s = sheet == null ? wb.getSheetAt(0) : wb.getSheet(sheet);
            if (s == null) {
                throw new UnusableFileException("import.file.noSheet", sheet);
            }
            for (Row r : s) {
                if (!sink.accept(toRow(r))) {
                    return;
                }
            }
        } catch (java.io.IOException e) {
            throw new UnusableFileException(e, "import.file.broken", String.valueOf(e.getMessage()));
        } catch (com.github.pjfanning.xlsx.exceptions.ExcelRuntimeException e) {
            throw new UnusableFileException(e, "import.file.broken", String.valueOf(e.getMessage()));
        }
    }

    static SheetRow toRow(Row r) {
        int last = Math.max(0, r.getLastCellNum());
        List<RawCell> cells = new ArrayList<>(last);
        for (int i = 0; i < last; i++) {
            cells.add(RawCell.EMPTY);
        }
        for (Cell c : r) {
            int col = c.getColumnIndex();
            while (cells.size() <= col) {
                cells.add(RawCell.EMPTY);
            }
            cells.set(col, toCell(c));
        }
        return new SheetRow(r.getRowNum() + 1, cells);
    }

    /** The cell's value without evaluating anything: a formula contributes its cached result. */
    static RawCell toCell(Cell c) {
        CellType t = c.getCellType();
        if (t == CellType.FORMULA) {
            t = c.getCachedFormulaResultType();
        }
        switch (t) {
            case NUMERIC:
                double d = c.getNumericCellValue();
                boolean date;
                try {
                    date = DateUtil.isCellDateFormatted(c);
                } catch (RuntimeException e) {
                    date = false;
                }
                return RawCell.number(d, date);
            case STRING:
                return RawCell.text(c.getStringCellValue());
            case BOOLEAN:
                return RawCell.text(c.getBooleanCellValue() ? "是" : "否");
            default:
                return RawCell.EMPTY;
        }
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
