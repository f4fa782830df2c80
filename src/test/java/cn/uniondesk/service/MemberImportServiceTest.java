package cn.uniondesk.service;

import static cn.uniondesk.service.ImportFixtures.HEAD;
import static cn.uniondesk.service.ImportFixtures.id;
import static cn.uniondesk.service.ImportFixtures.row;
import static cn.uniondesk.service.ImportFixtures.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.Gender;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberField;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.excel.UnusableFileException;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.ImportReport.Action;
import cn.uniondesk.service.ImportReport.RowResult;
import cn.uniondesk.service.ImportReport.Status;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberImportServiceTest {
    @TempDir
    Path dir;
    AppContext ctx;
    MemberImportService svc;
    static final LocalDate JOIN = LocalDate.of(2024, 3, 5);

    @BeforeEach
    void open() {
        ctx = ImportFixtures.open(dir.resolve("data"));
        svc = ctx.memberImport();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private static List<List<Object>> rows(List<Object>... data) {
        List<List<Object>> r = new ArrayList<>();
        r.add(new ArrayList<>(HEAD));
        r.addAll(Arrays.asList(data));
        return r;
    }

    private ImportReport dry(Path f) {
        return svc.dryRun(f, null, ImportOptions.DEFAULTS);
    }

    private static RowResult only(ImportReport r) {
        assertThat(r.rows()).hasSize(1);
        return r.rows().get(0);
    }

    private static List<String> keys(RowResult r) {
        return r.issues().stream().map(ImportReport.RowIssue::messageKey).toList();
    }

    @Test
    void importsValidRowsWithJoinEvents() throws Exception {
        Path f = xlsx(dir, "a.xlsx", rows(row("张三", "男", id(1), "总装车间", JOIN, "GH001", "13800001111"),
                row("李四", null, id(2), "质检部", "2023-01-02", "GH002", null)));
        ImportReport r = svc.commit(f, null, ImportOptions.DEFAULTS, -1, ImportProgress.NONE, () -> false);
        assertThat(r.committed()).isTrue();
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.summaryLine()).isEqualTo("rows=2 ok=2 warnings=0 errors=0 imported=2 updated=0 skipped=0");
        Member m = ctx.members().find(id(1)).orElseThrow();
        assertThat(m.name()).isEqualTo("张三");
        assertThat(m.joinDate()).isEqualTo(JOIN);
        assertThat(m.mobile()).isEqualTo("13800001111");
        List<MemberEvent> h = ctx.members().history(m.id());
        assertThat(h).extracting(MemberEvent::type).containsExactly(MemberEventType.JOIN);
        assertThat(h.get(0).operator()).isEqualTo("测试员");
        assertThat(ctx.members().search(new MemberQuery("zs", null, java.util.Set.of(), null, null)))
                .extracting(MemberRow::name).contains("张三");
    }

    @Test
    void headerBelowTitleRowsAndMergedTitleCellsIsFound() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("花名册");
            List<List<Object>> data = new ArrayList<>();
            data.add(List.of("某某公司工会会员花名册"));
            data.add(List.of("填报日期：2026年11月"));
            data.add(List.of());
            data.addAll(rows(row("张三", "男", id(1), "总装车间", JOIN, null, null)));
            ImportFixtures.fill(wb, s, data);
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
            Path f = ImportFixtures.save(wb, dir.resolve("t.xlsx"));
            ImportReport r = dry(f);
            assertThat(r.headerRow()).isEqualTo(4);
            assertThat(only(r).status()).isEqualTo(Status.OK);
            assertThat(only(r).rowNumber()).isEqualTo(5);
        }
    }

    @Test
    void headerAliasesAndColumnsInAnyOrderAreRecognised() throws Exception {
        for (String idHeading : List.of("身份证号", "身份证号码", "公民身份号码", "证件号码", " 身份证号码 * ", "居民身份证号码")) {
            List<List<Object>> data = List.of(
                    Arrays.asList("入会时间", idHeading, "备注", "职工姓名", "车间", "月工资(元)"),
                    Arrays.asList("2024/3/5", id(3), "x", "王五", "总装车间", 4500.5));
            ImportReport r = dry(xlsx(dir, "alias.xlsx", data));
            assertThat(only(r).status()).as(idHeading).isEqualTo(Status.OK);
            assertThat(only(r).name()).isEqualTo("王五");
        }
    }

    @Test
    void fullWidthDigitsSpacesAndLowercaseXAreNormalised() throws Exception {
        String withX = "11010519491231002X";
        String fullWidth = id(4).chars().mapToObj(c -> String.valueOf((char) (c + 0xFEE0)))
                .reduce("", String::concat);
        Path f = xlsx(dir, "fw.xlsx", rows(
                row("\u3000赵六\u00A0", "男", fullWidth, "总装车间", JOIN, null, "１３８ ０００１ ２２２２"),
                row(" 钱七 ", "女", withX.toLowerCase(), " 总装车间\u3000", JOIN, null, null)));
        ImportReport r = svc.commit(f, null, ImportOptions.DEFAULTS, -1, ImportProgress.NONE, () -> false);
        assertThat(r.errors()).as(r.rows().toString()).isZero();
        assertThat(ctx.members().find(id(4)).orElseThrow().mobile()).isEqualTo("13800012222");
        assertThat(ctx.members().find(id(4)).orElseThrow().name()).isEqualTo("赵六");
        assertThat(ctx.members().find(withX).orElseThrow().idNumber().value()).isEqualTo(withX);
    }

    @Test
    void idStoredAsNumberIsReportedNotGuessed() throws Exception {
        double asNumber = Double.parseDouble(id(5).substring(0, 17) + "0");
        Path f = xlsx(dir, "num.xlsx", rows(row("孙八", "男", null, "总装车间", JOIN, null, null)));
        try (XSSFWorkbook wb = new XSSFWorkbook(f.toFile())) {
            // replaced below
        }
        List<Object> r1 = row("孙八", "男", null, "总装车间", JOIN, null, null);
        r1.set(2, asNumber);
        ImportReport r = dry(xlsx(dir, "num2.xlsx", rows(r1)));
        RowResult row = only(r);
        assertThat(row.status()).isEqualTo(Status.ERROR);
        assertThat(keys(row)).containsExactly("import.idStoredAsNumber");
        assertThat(row.issues().get(0).column()).isEqualTo("C");
        // a CSV saved from such a sheet shows it in scientific notation: same answer
        Path csv = dir.resolve("num.csv");
        java.nio.file.Files.writeString(csv, String.join(",", HEAD) + "\n孙八,男,3.20506E+17,总装车间,2024-03-05,,\n");
        assertThat(keys(only(dry(csv)))).containsExactly("import.idStoredAsNumber");
    }

    @Test
    void datesAsSerialsAndTextInEveryUsualForm() throws Exception {
        double serial = org.apache.poi.ss.usermodel.DateUtil.getExcelDate(JOIN);
        List<Object> plainSerial = row("甲", null, id(6), "总装车间", null, null, null);
        plainSerial.set(4, serial);
        Path f = xlsx(dir, "dates.xlsx", rows(plainSerial,
                row("乙", null, id(7), "总装车间", JOIN, null, null),
                row("丙", null, id(8), "总装车间", "2024-03-05", null, null),
                row("丁", null, id(9), "总装车间", "2024/3/5", null, null),
                row("戊", null, id(10), "总装车间", "2024.3.5", null, null),
                row("己", null, id(11), "总装车间", "2024年3月5日", null, null),
                row("庚", null, id(12), "总装车间", "２０２４－０３－０５", null, null),
                row("辛", null, id(13), "总装车间", "2024-02-30", null, null)));
        ImportReport r = svc.commit(f, null, new ImportOptions(true, false, false), -1, ImportProgress.NONE,
                () -> false);
        assertThat(r.imported()).isEqualTo(7);
        for (int i = 6; i <= 12; i++) {
            assertThat(ctx.members().find(id(i)).orElseThrow().joinDate()).isEqualTo(JOIN);
        }
        RowResult bad = r.rows().get(7);
        assertThat(bad.status()).isEqualTo(Status.ERROR);
        assertThat(keys(bad)).contains("import.badDate");
    }

    @Test
    void genderAsChineseOrLettersIsAccepted() throws Exception {
        String male = id(LocalDate.of(1990, 5, 6), 11);
        String female = id(LocalDate.of(1990, 5, 6), 12);
        String male2 = id(LocalDate.of(1991, 5, 6), 13);
        String female2 = id(LocalDate.of(1991, 5, 6), 14);
        ImportReport r = dry(xlsx(dir, "g.xlsx", rows(row("甲", "男", male, null, JOIN, null, null),
                row("乙", "女", female, null, JOIN, null, null), row("丙", "M", male2, null, JOIN, null, null),
                row("丁", "f", female2, null, JOIN, null, null))));
        assertThat(r.rows()).extracting(RowResult::status).containsOnly(Status.OK);
    }

    @Test
    void blankRowsAreIgnored() throws Exception {
        List<Object> blank = Arrays.asList(null, " ", "\u3000", null, null, null, null);
        ImportReport r = dry(xlsx(dir, "b.xlsx", rows(row("甲", null, id(14), null, JOIN, null, null), blank,
                Arrays.asList(), row("乙", null, id(15), null, JOIN, null, null))));
        assertThat(r.rows()).hasSize(2);
        assertThat(r.errors()).isZero();
    }

    @Test
    void severalSheetsDefaultToTheFirstWithDataAndCanBeChosen() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            ImportFixtures.fill(wb, wb.createSheet("说明"), List.of(List.of("请在第二个工作表填写")));
            ImportFixtures.fill(wb, wb.createSheet("在职"), rows(row("甲", null, id(16), null, JOIN, null, null)));
            ImportFixtures.fill(wb, wb.createSheet("退休"), rows(row("乙", null, id(17), null, JOIN, null, null),
                    row("丙", null, id(18), null, JOIN, null, null)));
            Path f = ImportFixtures.save(wb, dir.resolve("multi.xlsx"));
            assertThat(svc.sheets(f)).containsExactly("说明", "在职", "退休");
            assertThat(svc.defaultSheet(f)).isEqualTo("在职");
            assertThat(dry(f).rows()).hasSize(1);
            assertThat(svc.dryRun(f, "退休", ImportOptions.DEFAULTS).rows()).hasSize(2);
            assertThatThrownBy(() -> svc.dryRun(f, "不存在", ImportOptions.DEFAULTS))
                    .isInstanceOf(UnusableFileException.class)
                    .extracting(e -> ((UnusableFileException) e).messageKey()).isEqualTo("import.file.noSheet");
        }
    }

    @Test
    void importRejectsWrongCheckDigit() throws Exception {
        String good = id(19);
        char wrong = good.charAt(17) == '1' ? '2' : '1';
        RowResult r = only(dry(xlsx(dir, "cd.xlsx", rows(row("甲", null, good.substring(0, 17) + wrong, null, JOIN,
                null, null)))));
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.action()).isEqualTo(Action.REJECT);
        assertThat(keys(r)).containsExactly("id.error.WRONG_CHECK_DIGIT");
        assertThat(r.issues().get(0).column()).isEqualTo("C");
        assertThat(MemberImportService.describe(r, Messages.chinese())).contains("C列").contains("校验位");
    }

    @Test
    void genderOrBirthDateDisagreeingWithTheIdNumberIsAnError() throws Exception {
        String male = id(LocalDate.of(1985, 7, 1), 21);
        List<List<Object>> data = List.of(Arrays.asList("姓名", "性别", "身份证号", "出生日期", "入会日期"),
                Arrays.asList("甲", "女", male, "1985-07-01", "2024-03-05"),
                Arrays.asList("乙", "男", male.substring(0, 0) + id(LocalDate.of(1985, 7, 2), 23), "1985-07-03",
                        "2024-03-05"));
        ImportReport r = dry(xlsx(dir, "gb.xlsx", data));
        assertThat(keys(r.rows().get(0))).containsExactly("validation.genderMismatch");
        assertThat(keys(r.rows().get(1))).containsExactly("validation.birthDateMismatch");
        assertThat(r.rows().get(1).issues().get(0).column()).isEqualTo("D");
    }

    @Test
    void missingRequiredFieldIsAnError() throws Exception {
        ImportReport r = dry(xlsx(dir, "req.xlsx", rows(row(null, null, id(24), null, JOIN, null, null),
                row("乙", null, null, null, JOIN, null, null), row("丙", null, id(25), null, null, null, null))));
        assertThat(keys(r.rows().get(0))).containsExactly("validation.required");
        assertThat(r.rows().get(0).issues().get(0).field()).isEqualTo(MemberField.NAME);
        assertThat(keys(r.rows().get(1))).containsExactly("id.error.EMPTY");
        assertThat(keys(r.rows().get(2))).containsExactly("validation.required");
        assertThat(r.rows().get(2).issues().get(0).field()).isEqualTo(MemberField.JOIN_DATE);
        assertThat(r.errors()).isEqualTo(3);
    }

    @Test
    void duplicateIdInsideTheFileIsAnError() throws Exception {
        ImportReport r = dry(xlsx(dir, "dup.xlsx", rows(row("甲", null, id(26), null, JOIN, "C1", null),
                row("甲", null, id(26).toLowerCase(), null, JOIN, "C2", null),
                row("乙", null, id(27), null, JOIN, "C1", null))));
        assertThat(r.rows().get(0).status()).isEqualTo(Status.OK);
        assertThat(keys(r.rows().get(1))).containsExactly("import.duplicateIdInFile");
        assertThat(r.rows().get(1).issues().get(0).args()).containsExactly("2");
        assertThat(keys(r.rows().get(2))).containsExactly("import.duplicateCardInFile");
    }

    @Test
    void idAlreadyInTheRegisterIsSkippedOrUpdatedWithAnEvent() throws Exception {
        Path first = xlsx(dir, "one.xlsx", rows(row("张三", "男", id(28), "总装车间", JOIN, "GH9", "13800001111")));
        svc.commit(first, null, ImportOptions.DEFAULTS, -1, ImportProgress.NONE, () -> false);
        Path same = xlsx(dir, "same.xlsx", rows(row("张三", null, id(28), null, JOIN, null, null)));
        RowResult unchanged = only(dry(same));
        assertThat(unchanged.action()).isEqualTo(Action.UNCHANGED);
        assertThat(unchanged.status()).isEqualTo(Status.OK);

        Path moved = xlsx(dir, "moved.xlsx", rows(row("张三", null, id(28), "质检部", JOIN, null, "13900002222")));
        ImportReport skipped = svc.commit(moved, null, ImportOptions.DEFAULTS, -1, ImportProgress.NONE, () -> false);
        assertThat(only(skipped).action()).isEqualTo(Action.SKIP);
        assertThat(keys(only(skipped))).containsExactly("import.existsSkipped");
        assertThat(skipped.skipped()).isEqualTo(1);
        Member m = ctx.members().find(id(28)).orElseThrow();
        assertThat(m.mobile()).isEqualTo("13800001111");

        ImportReport updated = svc.commit(moved, null, new ImportOptions(false, true, false), -1,
                ImportProgress.NONE, () -> false);
        assertThat(updated.updated()).isEqualTo(1);
        assertThat(only(updated).changedFields()).containsExactly(MemberField.MOBILE, MemberField.DEPARTMENT);
        Member after = ctx.members().get(m.id());
        assertThat(after.mobile()).isEqualTo("13900002222");
        assertThat(after.cardNo()).isEqualTo("GH9"); // blank cell keeps the stored value
        assertThat(ctx.members().departmentName(after.departmentId())).contains("质检部");
        List<MemberEvent> h = ctx.members().history(m.id());
        assertThat(h).extracting(MemberEvent::type).containsExactly(MemberEventType.JOIN, MemberEventType.UPDATE);
        assertThat(h.get(1).details()).contains("MOBILE").doesNotContain("13900002222");
    }

    @Test
    void unknownDepartmentIsRejectedUnlessTheClerkAgreesToCreateIt() throws Exception {
        Path f = xlsx(dir, "dept.xlsx", rows(row("甲", null, id(29), "新车间", JOIN, null, null),
                row("乙", null, id(30), "新车间", JOIN, null, null)));
        ImportReport r = svc.commit(f, null, ImportOptions.DEFAULTS, -1, ImportProgress.NONE, () -> false);
        assertThat(r.committed()).isFalse();
        assertThat(keys(r.rows().get(0))).containsExactly("import.unknownDepartment");
        assertThat(ctx.members().departments()).extracting(d -> d.name()).doesNotContain("新车间");

        ImportReport ok = svc.commit(f, null, new ImportOptions(false, false, true), -1, ImportProgress.NONE,
                () -> false);
        assertThat(ok.newDepartments()).containsExactly("新车间");
        assertThat(ok.rows()).extracting(RowResult::status).containsOnly(Status.WARNING);
        assertThat(ok.imported()).isEqualTo(2);
        assertThat(ctx.members().departments()).extracting(d -> d.name()).containsOnlyOnce("新车间");
        assertThat(ctx.members().find(id(30)).orElseThrow().departmentId())
                .isEqualTo(ctx.members().find(id(29)).orElseThrow().departmentId());
    }

    @Test
    void failedImportLeavesRegisterUnchanged() throws Exception {
        svc.commit(xlsx(dir, "base.xlsx", rows(row("老会员", null, id(31), "总装车间", JOIN, "K1", null))), null,
                ImportOptions.DEFAULTS, -1, ImportProgress.NONE, () -> false);
        Member before = ctx.members().find(id(31)).orElseThrow();
        int events = ctx.members().history(before.id()).size();
        Path f = xlsx(dir, "mixed.xlsx", rows(row("甲", null, id(32), "总装车间", JOIN, null, null),
                row("老会员", null, id(31), "质检部", JOIN, "K1", "13800009999"),
                row("坏", null, "123", "总装车间", JOIN, null, null)));
        ImportReport r = svc.commit(f, null, new ImportOptions(false, true, false), -1, ImportProgress.NONE,
                () -> false);
        assertThat(r.committed()).isFalse();
        assertThat(r.errors()).isEqualTo(1);
        assertThat(r.summaryLine()).endsWith("imported=0 updated=0 skipped=0");
        assertThat(ctx.members().count()).isEqualTo(1);
        assertThat(ctx.members().get(before.id())).isEqualTo(before);
        assertThat(ctx.members().history(before.id())).hasSize(events);

        ImportReport valid = svc.commit(f, null, new ImportOptions(true, true, false), -1, ImportProgress.NONE,
                () -> false);
        assertThat(valid.committed()).isTrue();
        assertThat(valid.imported()).isEqualTo(1);
        assertThat(valid.updated()).isEqualTo(1);
        assertThat(ctx.members().count()).isEqualTo(2);
    }

    @Test
    void cancelOrAFailureHalfwayRollsEverythingBack() throws Exception {
        Path big = dir.resolve("big.xlsx");
        cn.uniondesk.service.sample.SampleWorkbook.write(new cn.uniondesk.service.sample.SampleGenerator(7, false),
                2500, big, "会员");
        int count = ctx.members().count();
        AtomicBoolean cancel = new AtomicBoolean();
        List<long[]> seen = new ArrayList<>();
        ImportProgress p = (done, total) -> {
            seen.add(new long[] {done, total});
            if (done >= MemberImportService.BATCH) {
                cancel.set(true); // after the first batch was written
            }
        };
        ImportOptions opts = new ImportOptions(false, false, true);
        assertThatThrownBy(() -> svc.commit(big, null, opts, 2500, p, cancel::get))
                .isInstanceOf(ImportCancelledException.class);
        assertThat(ctx.members().count()).isEqualTo(count);
        assertThat(ctx.members().departments()).hasSize(2);
        assertThat(seen).anySatisfy(s -> assertThat(s).containsExactly(MemberImportService.BATCH, 2500));

        ImportProgress boom = (done, total) -> {
            if (done >= MemberImportService.BATCH) {
                throw new IllegalStateException("disk full");
            }
        };
        assertThatThrownBy(() -> svc.commit(big, null, opts, 2500, boom, () -> false))
                .hasMessageContaining("disk full");
        assertThat(ctx.members().count()).isEqualTo(count);

        ImportReport r = svc.commit(big, null, opts, 2500, ImportProgress.NONE, () -> false);
        assertThat(r.imported()).isEqualTo(2500);
        assertThat(ctx.members().count()).isEqualTo(count + 2500);
    }

    @Test
    void brokenFileLeavesRegisterUnchanged() throws Exception {
        Path good = xlsx(dir, "g.xlsx", rows(row("甲", null, id(33), "总装车间", JOIN, null, null)));
        byte[] bytes = java.nio.file.Files.readAllBytes(good);
        Path broken = dir.resolve("broken.xlsx");
        java.nio.file.Files.write(broken, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> svc.commit(broken, null, ImportOptions.DEFAULTS, -1, ImportProgress.NONE,
                () -> false)).isInstanceOf(UnusableFileException.class);
        assertThat(ctx.members().count()).isZero();
    }

    @Test
    void reportWorkbookHasTheOriginalRowsAResultColumnAndHighlightedErrors() throws Exception {
        String good = id(34);
        Path f = xlsx(dir, "rep.xlsx", rows(row("甲", null, good, "总装车间", JOIN, null, null),
                row("乙", null, good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1'), "总装车间", JOIN, null,
                        null)));
        ImportReport r = dry(f);
        Path out = dir.resolve("report.xlsx");
        svc.writeReport(r, Messages.chinese(), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(7).getStringCellValue()).isEqualTo("导入结果");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("甲");
            assertThat(s.getRow(1).getCell(7).getStringCellValue()).isEqualTo("新增");
            assertThat(s.getRow(2).getCell(7).getStringCellValue()).isEqualTo("有错误，不导入");
            assertThat(s.getRow(2).getCell(8).getStringCellValue()).contains("C列").contains("校验位");
            assertThat(s.getRow(2).getCell(2).getCellStyle().getFillForegroundColor())
                    .isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.ROSE.getIndex());
            assertThat(s.getRow(1).getCell(4).getNumericCellValue()).isPositive();
            assertThat(s.getRow(1).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
        }
    }

    @Test
    void genderDefaultsFromTheIdNumber() throws Exception {
        String female = id(LocalDate.of(1992, 2, 2), 42);
        svc.commit(xlsx(dir, "gd.xlsx", rows(row("甲", null, female, null, JOIN, null, null))), null,
                ImportOptions.DEFAULTS, -1, ImportProgress.NONE, () -> false);
        assertThat(ctx.members().find(female).orElseThrow().gender()).isEqualTo(Gender.F);
    }
}
