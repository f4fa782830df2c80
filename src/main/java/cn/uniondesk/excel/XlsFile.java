package cn.uniondesk.excel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Old .xls (BIFF8, at most 65,536 rows per sheet): read whole with HSSF, which is small enough. */
final class XlsFile implements TabularFile {
    private final HSSFWorkbook wb;

    private XlsFile(HSSFWorkbook wb) {
        this.wb = wb;
    }

    static XlsFile open(Path file) {
        try {
            org.apache.poi.poifs.filesystem.POIFSFileSystem fs =
                    new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true);
            return new XlsFile(new HSSFWorkbook(fs.getRoot(), true));
        } catch (EncryptedDocumentException e) {
            throw new UnusableFileException(e, "import.file.encrypted");
        } catch (IOException | RuntimeException e) {
            throw new UnusableFileException(e, "import.file.broken", String.valueOf(e.getMessage()));
        }
    }

    @Override
    public List<String> sheetNames() {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            n.add(wb.getSheetName(i));
        }
        return n;
    }

    @Override
    public void read(String sheet, RowSink sink) {
        Sheet s = sheet == null ? wb.getSheetAt(0) : wb.getSheet(sheet);
        if (s == null) {
            throw new UnusableFileException("import.file.noSheet", sheet);
        }
        for (Row r : s) {
            if (!sink.accept(XlsxFile.toRow(r))) {
                return;
            }
        }
    }

    @Override
    public String format() {
        return "xls";
    }

    @Override
    public void close() {
        try {
            wb.close();
        } catch (IOException e) {
            // read-only
        }
    }
}
