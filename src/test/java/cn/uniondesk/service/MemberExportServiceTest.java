package cn.uniondesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.Member;
import cn.uniondesk.i18n.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberExportServiceTest {
    @TempDir
    Path dir;
    AppContext ctx;

    @BeforeEach
    void open() {
        ctx = AppContext.open(dir.resolve("data"), new Session("测试员"), ImportFixtures.CLOCK);
        ctx.demo().loadDemo();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void exportThenImportDryRunShowsZeroChanges() {
        Member m = ctx.members().find("GH20250000001").orElseThrow();
        MemberDraft d = MemberDraft.of(m);
        ctx.members().update(m.id(), new MemberDraft(d.name(), d.gender(), d.ethnicity(), d.idNumber(), d.birthDate(),
                d.mobile(), d.education(), d.politicalStatus(), d.departmentId(), d.job(), d.employmentType(),
                d.migrantWorker(), d.householdType(), d.joinDate(), d.cardNo(), "4610.55", d.hardship(),
                d.hardshipLevel(), "=HYPERLINK(\"x\") 备注"));
        Path out = dir.resolve("roster.xlsx");
        int n = ctx.memberExport().exportRoster(out, true, Messages.chinese());
        assertThat(n).isEqualTo(ctx.members().count());
        ImportReport r = ctx.memberImport().dryRun(out, null, new ImportOptions(false, true, false));
        assertThat(r.rows()).hasSize(n);
        assertThat(r.changes()).as(r.rows().stream().filter(x -> x.action() != ImportReport.Action.UNCHANGED)
                .limit(3).toList().toString()).isZero();
        assertThat(r.errors()).isZero();
        assertThat(r.count(ImportReport.Action.UNCHANGED)).isEqualTo(n);
    }

    @Test
    void rosterIsMaskedByDefaultAndFormulaLikeTextIsWrittenAsText() throws Exception {
        Member m = ctx.members().find("GH20250000001").orElseThrow();
        MemberDraft d = MemberDraft.of(m);
        ctx.members().update(m.id(), new MemberDraft(d.name(), d.gender(), d.ethnicity(), d.idNumber(), d.birthDate(),
                d.mobile(), d.education(), d.politicalStatus(), d.departmentId(), "＋加班岗", d.employmentType(),
                d.migrantWorker(), d.householdType(), d.joinDate(), d.cardNo(), d.monthlyWageYuan(), d.hardship(),
                d.hardshipLevel(), "=1+1"));
        Path out = dir.resolve("masked.xlsx");
        ctx.memberExport().exportRoster(out, false, Messages.chinese());
        try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
            Sheet s = wb.getSheetAt(0);
            Row head = s.getRow(1);
            assertThat(head.getCell(3).getStringCellValue()).isEqualTo("公民身份号码");
            Row first = s.getRow(2);
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo(m.idNumber().masked()).contains("********");
            assertThat(first.getCell(5).getStringCellValue()).contains("****");
            assertThat(first.getCell(18).getStringCellValue()).isEqualTo("=1+1");
            assertThat(first.getCell(18).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(first.getCell(18).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(first.getCell(9).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(first.getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
        }
        Path open = dir.resolve("open.xlsx");
        ctx.memberExport().exportRoster(open, true, Messages.chinese());
        try (XSSFWorkbook wb = new XSSFWorkbook(open.toFile())) {
            assertThat(wb.getSheetAt(0).getRow(2).getCell(3).getStringCellValue()).isEqualTo(m.idNumber().value());
        }
    }

    @Test
    void templateHasTheColumnsDropDownsAndInstructionsAndIsRecognisedOnImport() throws Exception {
        Path t = dir.resolve("template.xlsx");
        MemberExportService.writeTemplate(t, Messages.chinese());
        try (XSSFWorkbook wb = new XSSFWorkbook(t.toFile())) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(s.getDataValidations()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(wb.getSheet("填写说明")).isNotNull();
            assertThat(wb.isSheetHidden(wb.getSheetIndex("选项"))).isTrue();
            assertThat(wb.getSheet("选项").getRow(55).getCell(1).getStringCellValue()).isEqualTo("基诺族");
        }
        ImportReport r = ctx.memberImport().dryRun(t, null, ImportOptions.DEFAULTS);
        assertThat(r.headerRow()).isEqualTo(1);
        assertThat(r.rows()).isEmpty();
        assertThat(LocalDate.now(ImportFixtures.CLOCK)).isNotNull();
    }
}
