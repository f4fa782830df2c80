package cn.uniondesk.service;

import static cn.uniondesk.service.ImportFixtures.HEAD;
import static cn.uniondesk.service.ImportFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.excel.CsvFile;
import cn.uniondesk.excel.UnusableFileException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFileFormatsTest {
    @TempDir
    Path dir;
    AppContext ctx;
    MemberImportService svc;

    @BeforeEach
    void open() {
        ctx = ImportFixtures.open(dir.resolve("data"));
        svc = ctx.memberImport();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private String csvText() {
        return String.join(",", HEAD) + "\r\n\"张三\",男," + id(1) + ",总装车间,2024/3/5,\"GH,1\",\n李四,女,"
                + id(LocalDate2.F, 2) + ",质检部,2024年3月5日,,\n";
    }

    static final class LocalDate2 {
        static final java.time.LocalDate F = java.time.LocalDate.of(1988, 8, 8);
    }

    private void assertTwoOk(Path f) {
        ImportReport r = svc.dryRun(f, null, ImportOptions.DEFAULTS);
        assertThat(r.rows()).as(r.toString()).hasSize(2);
        assertThat(r.errors()).as(r.rows().toString()).isZero();
        assertThat(r.rows().get(0).name()).isEqualTo("张三");
        assertThat(r.rows().get(1).name()).isEqualTo("李四");
    }

    @Test
    void csvInUtf8WithAndWithoutBomAndInGbkIsRead() throws Exception {
        Path plain = dir.resolve("utf8.csv");
        Files.writeString(plain, csvText(), StandardCharsets.UTF_8);
        assertTwoOk(plain);
        Path bom = dir.resolve("bom.csv");
        Files.writeString(bom, "\uFEFF" + csvText(), StandardCharsets.UTF_8);
        assertTwoOk(bom);
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, csvText().getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(CsvFile.detect(Files.readAllBytes(gbk))).isEqualTo(CsvFile.GB18030);
        assertTwoOk(gbk);
        ImportReport r = svc.commit(gbk, null, ImportOptions.DEFAULTS, -1, ImportProgress.NONE, () -> false);
        assertThat(ctx.members().find(id(1)).orElseThrow().cardNo()).isEqualTo("GH,1");
        assertThat(r.imported()).isEqualTo(2);
    }

    @Test
    void oldXlsWorkbooksAreRead() throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            ImportFixtures.fill(wb, wb.createSheet("会员"), List.of(new java.util.ArrayList<>(HEAD),
                    ImportFixtures.row("张三", "男", id(1), "总装车间", java.time.LocalDate.of(2024, 3, 5), null, null),
                    ImportFixtures.row("李四", "女", id(LocalDate2.F, 2), "质检部", "2024.3.5", null, null)));
            assertTwoOk(ImportFixtures.save(wb, dir.resolve("old.xls")));
        }
    }

    private Path validXlsx() throws Exception {
        return ImportFixtures.xlsx(dir, "v.xlsx", List.of(new java.util.ArrayList<>(HEAD),
                ImportFixtures.row("张三", "男", id(1), "总装车间", "2024-03-05", null, null)));
    }

    private String refusal(Path f) {
        try {
            svc.dryRun(f, null, ImportOptions.DEFAULTS);
        } catch (UnusableFileException e) {
            return e.messageKey();
        }
        throw new AssertionError("not refused: " + f);
    }

    @Test
    void macroEnabledWorkbooksAreRefused() throws Exception {
        Path src = validXlsx();
        Path macro = dir.resolve("macro.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(src));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(macro))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        assertThat(refusal(macro)).isEqualTo("import.file.macro");
        Path xlsm = dir.resolve("v.xlsm");
        Files.copy(src, xlsm);
        assertThat(refusal(xlsm)).isEqualTo("import.file.macro");
    }

    @Test
    void passwordProtectedWorkbooksAreRefused() throws Exception {
        Path src = validXlsx();
        Path enc = dir.resolve("enc.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
            Encryptor e = info.getEncryptor();
            e.confirmPassword("secret");
            try (OutputStream os = e.getDataStream(fs)) {
                Files.copy(src, os);
            }
            try (OutputStream out = Files.newOutputStream(enc)) {
                fs.writeFilesystem(out);
            }
        }
        assertThat(refusal(enc)).isEqualTo("import.file.encrypted");
    }

    @Test
    void tooLargeNotASpreadsheetAndNoHeaderAreRefused() throws Exception {
        Path f = validXlsx();
        svc.setMaxFileBytes(100);
        assertThat(refusal(f)).isEqualTo("import.file.tooLarge");
        svc.setMaxFileBytes(cn.uniondesk.excel.SpreadsheetFiles.DEFAULT_MAX_BYTES);
        Path pdf = dir.resolve("scan.pdf");
        Files.write(pdf, new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3});
        assertThat(refusal(pdf)).isEqualTo("import.file.notSpreadsheet");
        Path fake = dir.resolve("fake.xlsx");
        Files.writeString(fake, "hello");
        assertThat(refusal(fake)).isEqualTo("import.file.notSpreadsheet");
        Path noHeader = ImportFixtures.xlsx(dir, "nh.xlsx", List.of(Arrays.asList("a", "b"), Arrays.asList("1", "2")));
        assertThat(refusal(noHeader)).isEqualTo("import.file.noHeader");
        assertThat(refusal(dir.resolve("missing.xlsx"))).isEqualTo("import.file.missing");
    }

    @Test
    void formulasAreNeverEvaluatedOnlyTheirCachedValueIsRead() throws Exception {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            ImportFixtures.fill(wb, wb.createSheet("s"), List.of(new java.util.ArrayList<>(HEAD),
                    ImportFixtures.row("张三", "男", id(1), "总装车间", "2024-03-05", null, null)));
            // a formula without a cached value reads as blank: nothing is computed
            wb.getSheetAt(0).getRow(1).createCell(6).setCellFormula("WEBSERVICE(\"http://example.invalid\")");
            Path f = ImportFixtures.save(wb, dir.resolve("f.xlsx"));
            ImportReport r = svc.commit(f, null, ImportOptions.DEFAULTS, -1, ImportProgress.NONE, () -> false);
            assertThat(r.imported()).isEqualTo(1);
            assertThat(ctx.members().find(id(1)).orElseThrow().mobile()).isNull();
        }
    }
}
