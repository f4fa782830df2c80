package cn.uniondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.ui.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The USB way up and back, on the command line: identity, export, verify, intake import, receipt, summary. */
class BatchCliTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.asDemo(dir.resolve("office"), args);
    }

    @Test
    void usbRoundTripExportVerifyImportReceiptAndSummary() throws Exception {
        TestData.encryptedDemo(dir.resolve("office"));
        String store = dir.resolve("store").toString();
        Path usb = dir.resolve("usb");

        CliRun show = run("identity", "show");
        assertThat(show.code()).isZero();
        assertThat(show.out()).containsPattern("指纹（SHA-256）：([0-9a-f]{4} ){15}[0-9a-f]{4}");
        assertThat(run("identity", "export", "--out", dir.resolve("office-key.json").toString()).code()).isZero();
        CliRun add = run("intake", "offices", "add", "--store", store, "--key", dir.resolve("office-key.json").toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("81320505MC0000001D");
        assertThat(run("intake", "key", "--store", store, "--out", dir.resolve("intake-key.json").toString()).code())
                .isZero();
        assertThat(run("batch", "config", "--intake-key", dir.resolve("intake-key.json").toString()).code()).isZero();

        CliRun export = run("batch", "export", "--month", "2026-11", "--out", usb.toString(), "--snapshot");
        assertThat(export.code()).as(export.err()).isZero();
        Path pkg = usb.resolve("81320505MC0000001D-2026-11-0001.zip");
        assertThat(pkg).exists();
        try (Stream<Path> s = Files.list(usb)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly(pkg.getFileName().toString());
        }
        CliRun verify = run("batch", "verify", pkg.toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("校验通过");
        assertThat(run("batch", "verify", pkg.toString(), "--key", dir.resolve("office-key.json").toString()).code())
                .isZero();
        // a tampered copy: exit 3 with the reason
        byte[] b = Files.readAllBytes(pkg);
        Path bad = dir.resolve("bad.zip");
        Files.write(bad, cn.uniondesk.sync.ZipTamper.write(tampered(pkg)));
        CliRun refused = run("batch", "verify", bad.toString());
        assertThat(refused.code()).isEqualTo(UnionDeskCommand.REJECTED);
        assertThat(refused.err()).contains("HASH_MISMATCH").contains("dues_summary.jsonl");
        assertThat(b).isEqualTo(Files.readAllBytes(pkg));

        CliRun imp = run("intake", "import", "--store", store, pkg.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("已接收，回执号 R2026-000001");
        Path receipt = usb.resolve(pkg.getFileName() + ".receipt.json");
        assertThat(receipt).exists();
        CliRun badImport = run("intake", "import", "--store", store, bad.toString());
        assertThat(badImport.code()).isEqualTo(UnionDeskCommand.REJECTED);

        CliRun ri = run("batch", "receipt-import", receipt.toString());
        assertThat(ri.code()).as(ri.err()).isZero();
        assertThat(ri.out()).contains("已送达").contains("R2026-000001");
        CliRun list = run("batch", "list", "--history", pkg.getFileName().toString());
        assertThat(list.out()).contains("已导出").contains("已送达");

        Path xlsx = dir.resolve("汇总.xlsx");
        CliRun sum = run("intake", "summary", "--store", store, "--month", "2026-11", "--xlsx", xlsx.toString());
        assertThat(sum.code()).as(sum.err()).isZero();
        assertThat(sum.out()).contains("已报 1 / 1 个单位");
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile())) {
            assertThat(wb.getSheetAt(0).getRow(4).getCell(0).getStringCellValue()).isEqualTo("81320505MC0000001D");
            assertThat(wb.getSheetAt(0).getRow(4).getCell(4).getNumericCellValue()).isGreaterThan(200);
        }
    }

    private static Map<String, byte[]> tampered(Path pkg) {
        Map<String, byte[]> m = cn.uniondesk.sync.ZipTamper.read(pkg);
        byte[] d = m.get("dues_summary.jsonl").clone();
        d[10] ^= 1;
        m.put("dues_summary.jsonl", d);
        return m;
    }
}
