package cn.uniondesk.service.cases;

import static cn.uniondesk.service.cases.CaseFixture.CHAIR;
import static cn.uniondesk.service.cases.CaseFixture.CLERK;
import static cn.uniondesk.service.cases.CaseFixture.CLERK2;
import static cn.uniondesk.service.cases.CaseFixture.as;
import static cn.uniondesk.service.cases.CaseFixture.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.AuditEntry;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MaskingPolicy;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.domain.cases.CaseRuleException;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.domain.cases.HardshipDraft;
import cn.uniondesk.domain.cases.HardshipEnums;
import cn.uniondesk.domain.cases.HouseholdMember;
import cn.uniondesk.service.CaseDocumentService;
import cn.uniondesk.testing.TestApp;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval form, the aid ledger and the public notice, built from cases with known amounts
 * walked through the workflow by three accounts, and read back: text from the PDFs, cells and
 * formulas from the workbook.
 */
class CaseDocumentServiceTest {
    static final String UNION = "苏州示例机械厂工会";
    static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    static final LocalDate TO = LocalDate.of(2026, 11, 30);
    /** Matches an 18-character ID number, masked or not. */
    static final Pattern ID = Pattern.compile("\\d{6}[\\d*]{8}\\d{3}[\\dX]");

    @TempDir
    Path dir;

    /** The cases of the fixture and what they paid. */
    record Known(long zhangCase, long medicalCase, long unpaidCase, Map<String, Long> paidByType,
            Map<String, Long> paidByDept, long total, int cases) {
    }

    static long member(AppContext ctx, String name, String seq, String dept) {
        String op = ctx.session().operator();
        Role role = ctx.session().role();
        as(ctx, "setup", Role.ADMIN);
        try {
            Long d = dept == null ? null : ctx.members().departmentNamed(dept).id();
            return ctx.members().register(new MemberDraft(name, null, null, CaseFixture.id(seq), null, null, null,
                    null, d, null, null, false, null, LocalDate.of(2015, 3, 1), "GH" + seq, "5000", false, null,
                    null), null).memberId();
        } finally {
            as(ctx, op, role);
        }
    }

    /** Registered and reviewed by 小李, approved by 王主席, paid by 小赵. */
    static long paid(AppContext ctx, CaseType type, long member, String approved, String paid, String method) {
        long id = CaseFixture.reviewedAidCase(ctx, type, member, approved);
        as(ctx, CHAIR, Role.ADMIN);
        ctx.cases().transition(id, "approve", "同意救助", fields("approvedAmount", approved));
        as(ctx, CLERK2, Role.CLERK);
        ctx.cases().transition(id, "pay", "已转账", fields("paidAmount", paid, "paymentMethod", method, "paidOn",
                "2026-11-23"));
        return id;
    }

    static Known fixture(AppContext ctx) {
        ctx.union().save(new UnionInfo(UNION, "123456789", "苏州市总工会", "320505"));
        long zhang = member(ctx, "张三", "011", "一车间");
        long li = member(ctx, "李小明", "021", "二车间");
        long wang = member(ctx, "王五", "031", "一车间");
        long ouyang = member(ctx, "欧阳娜娜", "041", null);
        long zhao = member(ctx, "赵六", "051", "二车间");

        as(ctx, CHAIR, Role.ADMIN);
        ctx.hardship().setLowIncomeLine("苏州市", 2026, Money.ofFen(1095_00));
        as(ctx, CLERK, Role.CLERK);
        String childId = "320505" + "20100101" + "013";
        ctx.hardship().create(new HardshipDraft(zhang, HardshipEnums.Category.DEEP,
                HardshipEnums.Health.CHRONIC_ILLNESS, null, HardshipEnums.WorkStatus.EMPLOYED,
                HardshipEnums.Housing.RENTED, "苏州市", Money.ofFen(2400_00), HardshipEnums.Cause.ILLNESS,
                List.of(HardshipEnums.Cause.SCHOOLING), "农业银行", "6228480012345678", "张三", "车间工会组长",
                LocalDate.of(2026, 1, 10), null, List.of(
                        new HouseholdMember("张小明", "子女", childId + IdNumber.checkChar(childId),
                                HardshipEnums.Health.HEALTHY, Money.ZERO, "学生"),
                        new HouseholdMember("李梅", "配偶", CaseFixture.id("022"), HardshipEnums.Health.SERIOUS_ILLNESS,
                                Money.ofFen(600_00), "无业"))));

        long zhangCase = paid(ctx, CaseType.LIVING_AID, zhang, "1500", "1500", "银行转账");
        long medical = paid(ctx, CaseType.MEDICAL_AID, li, "3000", "2800.50", "银行转账");
        paid(ctx, CaseType.FESTIVAL_VISIT, wang, "500", "500", "现金");
        paid(ctx, CaseType.LIVING_AID, ouyang, "800", "800", "现金");
        // approved, not paid: not on the ledger
        long unpaid = CaseFixture.reviewedAidCase(ctx, CaseType.LIVING_AID, zhao, "900");
        as(ctx, CHAIR, Role.ADMIN);
        ctx.cases().transition(unpaid, "approve", "同意", fields("approvedAmount", "900"));

        Map<String, Long> byType = Map.of("生活救助", 2300_00L, "医疗救助", 2800_50L, "送温暖", 500_00L);
        Map<String, Long> byDept = Map.of("一车间", 2000_00L, "二车间", 2800_50L, "（未分部门）", 800_00L);
        return new Known(zhangCase, medical, unpaid, byType, byDept, 5600_50L, 4);
    }

    /** A copy under target/casedocs, to look at (pdftoppm) after a run. */
    static void keep(Path file) throws Exception {
        Path out = Path.of("target", "casedocs");
        Files.createDirectories(out);
        Files.copy(file, out.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String pdfText(Path pdf) throws Exception {
        keep(pdf);
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            StringBuilder sb = new StringBuilder();
            PdfTextExtractor x = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                sb.append(x.getTextFromPage(p)).append('\n');
            }
            return sb.toString();
        } finally {
            reader.close();
        }
    }

    /** The text without white space (the page total is drawn apart from "第 X 页 共"). */
    static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    static List<AuditEntry> audit(AppContext ctx, String action) {
        Role r = ctx.session().role();
        String op = ctx.session().operator();
        as(ctx, "auditor", Role.ADMIN);
        try {
            return ctx.audit().find(null, null, null, 1000).stream().filter(e -> e.action().equals(action)).toList();
        } finally {
            as(ctx, op, r);
        }
    }

    @Test
    void approvalFormShowsTheCaseHouseholdAmountsInCapitalsAndEveryStepWithWho() throws Exception {
        try (AppContext ctx = TestApp.open(dir.resolve("db"))) {
            Known k = fixture(ctx);
            as(ctx, CLERK, Role.CLERK);
            Path pdf = dir.resolve("form.pdf");
            CaseDocumentService.ApprovalForm f = ctx.caseDocuments().approvalForm(k.zhangCase(), pdf);

            String text = pdfText(pdf);
            assertThat(text).contains("帮扶审批表").contains(UNION).contains(f.caseNo()).contains("生活救助")
                    .contains("张三").contains("一车间").contains("GH011");
            // amounts in figures and in capitals
            assertThat(text).contains("¥1500.00").contains("壹仟伍佰元整");
            // household: three persons, 3000 yuan in all, 1000 per head against the line of 1095
            assertThat(text).contains("3 人").contains("3000.00 元").contains("1000.00 元").contains("1095.00")
                    .contains("低于低保标准").contains("因病（主要）").contains("因子女就学").contains("张小明")
                    .contains("李梅").contains("深度困难");
            // every step with who: registered, verified, reviewed by 小李, approved by 王主席, paid by 小赵
            assertThat(f.steps()).extracting(CaseDocumentService.Step::operator)
                    .containsExactly(CLERK, CLERK, CLERK, CHAIR, CLERK2);
            assertThat(f.steps()).extracting(CaseDocumentService.Step::action)
                    .containsExactly("登记", "核实", "审核", "审批通过", "发放");
            assertThat(text).contains(CLERK).contains(CHAIR).contains(CLERK2).contains("同意救助").contains("入户走访")
                    .contains("2026-11-23");
            // signature lines and seal
            assertThat(text).contains("申请人（签字）").contains("经办人（签字）").contains("审核人（签字）")
                    .contains("审批人（签字）").contains("日期").contains("单位（盖章）");
            // ID numbers masked by default: the worker's, the household's, the bank account
            assertThat(text).doesNotContain(CaseFixture.id("011")).contains(MaskingPolicy.idNumber(CaseFixture.id("011")))
                    .doesNotContain(CaseFixture.id("022")).doesNotContain("6228480012345678").contains("6228********5678");
            // page X of Y
            assertThat(flat(text)).contains("第1页共1页");
            // the print is in the audit trail
            assertThat(audit(ctx, "CASE_FORM_PRINT")).singleElement()
                    .satisfies(e -> assertThat(e.entityId()).isEqualTo(f.caseNo()));
        }
    }

    @Test
    void approvalFormOfTheMedicalCaseShowsItsOwnFieldsAndCentsInCapitals() throws Exception {
        try (AppContext ctx = TestApp.open(dir.resolve("db"))) {
            Known k = fixture(ctx);
            Path pdf = dir.resolve("medical.pdf");
            ctx.caseDocuments().approvalForm(k.medicalCase(), pdf);
            String text = pdfText(pdf);
            assertThat(text).contains("医疗救助").contains("苏州市立医院").contains("肺炎").contains("30000.00 元")
                    .contains("¥2800.50").contains("贰仟捌佰元伍角").contains("¥3000.00").contains("叁仟元整")
                    .contains("未建立困难职工档案");
        }
    }

    @Test
    void unmaskedFormNeedsAReasonWhichIsAudited() throws Exception {
        try (AppContext ctx = TestApp.open(dir.resolve("db"))) {
            Known k = fixture(ctx);
            Path pdf = dir.resolve("full.pdf");
            as(ctx, CHAIR, Role.ADMIN);
            assertThatThrownBy(() -> ctx.caseDocuments().approvalForm(k.zhangCase(), pdf,
                    cn.uniondesk.i18n.Messages.chinese(), "  ")).hasMessageContaining("sensitive.reasonRequired");
            assertThat(pdf).doesNotExist();
            ctx.caseDocuments().approvalForm(k.zhangCase(), pdf, cn.uniondesk.i18n.Messages.chinese(), "银行转账核对");
            assertThat(pdfText(pdf)).contains(CaseFixture.id("011")).contains("6228480012345678");
            assertThat(audit(ctx, "CASE_FORM_PRINT")).singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("银行转账核对"));
        }
    }

    @Test
    void ledgerWorkbookTotalsAndSubtotalsAreFormulasEqualToTheCasesByTypeAndDepartment() throws Exception {
        try (AppContext ctx = TestApp.open(dir.resolve("db"))) {
            Known k = fixture(ctx);
            as(ctx, "auditor", Role.AUDITOR); // reading is enough
            Path x = dir.resolve("ledger.xlsx");
            CaseDocumentService.AidLedger l = ctx.caseDocuments().ledgerXlsx(FROM, TO, x);
            assertThat(l.lines()).hasSize(k.cases());
            assertThat(l.totalPaid()).isEqualTo(Money.ofFen(k.total()));

            keep(x);
            try (InputStream in = Files.newInputStream(x); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                DataFormatter fmt = new DataFormatter();
                Sheet s = wb.getSheet("帮扶救助台账");
                assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("帮扶救助台账");
                assertThat(s.getRow(1).getCell(0).getStringCellValue()).contains(UNION).contains("2026-11-01")
                        .contains("2026-11-30");
                assertThat(s.getPaneInformation().isFreezePane()).isTrue();
                assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
                assertThat(s.getPrintSetup().getLandscape()).isTrue();
                assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                assertThat(s.getRepeatingRows()).isNotNull();
                assertThat(s.getRow(3).getCell(8).getStringCellValue()).isEqualTo("实发金额（元）");
                // the detail: names and amounts as numbers in yuan format
                Map<String, Long> byType = new HashMap<>();
                Map<String, Long> byDept = new HashMap<>();
                for (int r = 4; r < 4 + k.cases(); r++) {
                    Row row = s.getRow(r);
                    long fen = Math.round(row.getCell(8).getNumericCellValue() * 100);
                    assertThat(row.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                    byType.merge(row.getCell(2).getStringCellValue(), fen, Long::sum);
                    byDept.merge(row.getCell(6).getStringCellValue(), fen, Long::sum);
                }
                assertThat(byType).isEqualTo(k.paidByType());
                assertThat(byDept).isEqualTo(k.paidByDept());
                assertThat(fmt.formatCellValue(s.getRow(4).getCell(9))).isEqualTo("2026-11-23");
                // the total row: a formula summing the column, equal to the cases
                Row total = s.getRow(4 + k.cases());
                assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计（4 件）");
                Cell paid = total.getCell(8);
                assertThat(paid.getCellType()).isEqualTo(CellType.FORMULA);
                assertThat(paid.getCellFormula()).isEqualTo("SUM(I5:I8)");
                XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
                assertThat(Math.round(ev.evaluate(paid).getNumberValue() * 100)).isEqualTo(k.total());
                // the cached value is there for viewers that do not recalculate
                assertThat(Math.round(paid.getNumericCellValue() * 100)).isEqualTo(k.total());
                assertThat(Math.round(ev.evaluate(total.getCell(7)).getNumberValue() * 100)).isEqualTo(5800_00L);

                // subtotals: COUNTIF / SUMIF formulas over the detail, equal to the cases by type and department
                Sheet sum = wb.getSheet("分类汇总");
                Map<String, Long> typeSums = new HashMap<>();
                Map<String, Long> deptSums = new HashMap<>();
                Map<String, Long> current = null;
                long grand = 0;
                for (Row row : sum) {
                    Cell a = row.getCell(0);
                    if (a == null || a.getCellType() != CellType.STRING) {
                        continue;
                    }
                    String label = a.getStringCellValue();
                    if (label.equals("按救助类型")) {
                        current = typeSums;
                    } else if (label.equals("按部门/车间")) {
                        current = deptSums;
                    } else if (label.equals("合计")) {
                        assertThat(row.getCell(3).getCellFormula()).startsWith("SUM(");
                        grand = Math.round(ev.evaluate(row.getCell(3)).getNumberValue() * 100);
                        assertThat(grand).isEqualTo(k.total());
                    } else if (current != null && row.getCell(3) != null
                            && row.getCell(3).getCellType() == CellType.FORMULA) {
                        assertThat(row.getCell(3).getCellFormula()).startsWith("SUMIF(");
                        assertThat(row.getCell(1).getCellFormula()).startsWith("COUNTIF(");
                        current.put(label, Math.round(ev.evaluate(row.getCell(3)).getNumberValue() * 100));
                    }
                }
                assertThat(typeSums).isEqualTo(k.paidByType());
                assertThat(deptSums).isEqualTo(k.paidByDept());
                assertThat(grand).isEqualTo(k.total());
            }
            assertThat(audit(ctx, "CASE_LEDGER_EXPORT")).hasSize(1);
        }
    }

    @Test
    void ledgerPdfListsEveryPaidCaseWithTotalsSubtotalsAndSignatureLines() throws Exception {
        try (AppContext ctx = TestApp.open(dir.resolve("db"))) {
            Known k = fixture(ctx);
            Path pdf = dir.resolve("ledger.pdf");
            CaseDocumentService.AidLedger l = ctx.caseDocuments().ledgerPdf(FROM, TO, pdf);
            String text = pdfText(pdf);
            assertThat(text).contains("帮扶救助台账").contains(UNION).contains("2026-11-01 至 2026-11-30")
                    .contains("张三").contains("李小明").contains("王五").contains("欧阳娜娜").doesNotContain("赵六")
                    .contains("2,800.50").contains("5,600.50").contains("合计（4 件）").contains("按救助类型")
                    .contains("按部门/车间").contains("（未分部门）").contains("填报人").contains("审核人");
            assertThat(flat(text)).contains("第1页共1页");
            assertThat(l.byType()).extracting(CaseDocumentService.Subtotal::name)
                    .containsExactly("生活救助", "医疗救助", "送温暖");
            assertThat(l.byType()).extracting(s -> s.paid().fen()).containsExactly(2300_00L, 2800_50L, 500_00L);
            assertThat(ID.matcher(text).find()).isFalse();
        }
    }

    @Test
    void aLongLedgerRepeatsItsHeaderOnEveryPageAndCountsThePages() throws Exception {
        try (AppContext ctx = TestApp.open(dir.resolve("db"))) {
            ctx.union().save(new UnionInfo(UNION, "123456789", "苏州市总工会", "320505"));
            for (int i = 0; i < 36; i++) {
                long m = member(ctx, "职工" + i, String.format("%03d", 100 + i), i % 2 == 0 ? "一车间" : "二车间");
                paid(ctx, CaseType.CONDOLENCE, m, "200", "200", "现金");
            }
            Path pdf = dir.resolve("long.pdf");
            ctx.caseDocuments().ledgerPdf(FROM, TO, pdf);
            keep(pdf);
            PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
            try {
                int pages = reader.getNumberOfPages();
                assertThat(pages).isGreaterThan(1);
                PdfTextExtractor x = new PdfTextExtractor(reader);
                for (int p = 1; p <= pages; p++) {
                    String t = x.getTextFromPage(p);
                    assertThat(flat(t)).contains("第" + p + "页共" + pages + "页").contains(UNION);
                    if (p < pages) {
                        assertThat(t).as("page %d", p).contains("实发金额（元）");
                    }
                }
                assertThat(x.getTextFromPage(pages)).contains("7,200.00");
            } finally {
                reader.close();
            }
        }
    }

    @Test
    void noticeMasksNamesAndHoldsNoIdNumber() throws Exception {
        try (AppContext ctx = TestApp.open(dir.resolve("db"))) {
            Known k = fixture(ctx);
            Path pdf = dir.resolve("notice.pdf");
            CaseDocumentService.Notice n = ctx.caseDocuments().notice(FROM, TO, pdf);
            assertThat(n.lines()).extracting(CaseDocumentService.NoticeLine::name)
                    .containsExactlyInAnyOrder("张*", "李*明", "王*", "欧**娜");
            String text = pdfText(pdf);
            assertThat(text).contains("帮扶救助公示").contains("李*明").contains("欧**娜").contains("张*")
                    .contains("医疗救助").contains("2,800.50").contains("5,600.50").contains("5 个工作日");
            assertThat(text).doesNotContain("张三").doesNotContain("李小明").doesNotContain("欧阳娜娜")
                    .doesNotContain("GH011");
            assertThat(ID.matcher(text).find()).as("an ID number, even masked").isFalse();
            for (String seq : List.of("011", "021", "031", "041")) {
                assertThat(text).doesNotContain(CaseFixture.id(seq).substring(14));
            }

            Path x = dir.resolve("notice.xlsx");
            ctx.caseDocuments().noticeXlsx(FROM, TO, x, cn.uniondesk.i18n.Messages.chinese());
            try (InputStream in = Files.newInputStream(x); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                Sheet s = wb.getSheetAt(0);
                DataFormatter fmt = new DataFormatter();
                StringBuilder all = new StringBuilder();
                for (Row r : s) {
                    for (Cell c : r) {
                        all.append(fmt.formatCellValue(c)).append('|');
                    }
                }
                assertThat(all.toString()).contains("李*明").doesNotContain("李小明");
                assertThat(ID.matcher(all).find()).isFalse();
                Cell total = s.getRow(4 + k.cases()).getCell(4);
                assertThat(total.getCellFormula()).isEqualTo("SUM(E5:E8)");
                assertThat(Math.round(total.getNumericCellValue() * 100)).isEqualTo(k.total());
            }
            assertThat(audit(ctx, "CASE_NOTICE_PRINT")).hasSize(2);
        }
    }

    @Test
    void aBadPeriodIsRefusedAndNothingIsWritten() {
        try (AppContext ctx = TestApp.open(dir.resolve("db"))) {
            fixture(ctx);
            Path x = dir.resolve("bad.xlsx");
            int auditRows = ctx.audit().count();
            assertThatThrownBy(() -> ctx.caseDocuments().ledgerXlsx(TO, FROM, x))
                    .isInstanceOfSatisfying(CaseRuleException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("case.ledger.badPeriod"));
            assertThatThrownBy(() -> ctx.caseDocuments().notice(TO, FROM, dir.resolve("bad.pdf")))
                    .isInstanceOf(CaseRuleException.class);
            assertThat(x).doesNotExist();
            assertThat(dir.resolve("bad.pdf")).doesNotExist();
            assertThat(ctx.audit().count()).isEqualTo(auditRows);
        }
    }

    @Test
    void anEmptyPeriodGivesAnEmptyLedgerThatSaysSo() throws Exception {
        try (AppContext ctx = TestApp.open(dir.resolve("db"))) {
            fixture(ctx);
            Path pdf = dir.resolve("empty.pdf");
            CaseDocumentService.AidLedger l = ctx.caseDocuments().ledgerPdf(LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 10, 31), pdf);
            assertThat(l.lines()).isEmpty();
            assertThat(pdfText(pdf)).contains("本期没有发放记录").contains("合计（0 件）");
            Path x = dir.resolve("empty.xlsx");
            ctx.caseDocuments().ledgerXlsx(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), x);
            try (InputStream in = Files.newInputStream(x); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                assertThat(wb.getSheetAt(0).getRow(4).getCell(8).getNumericCellValue()).isZero();
            }
        }
    }

    @Test
    void publicNamesKeepFirstAndLastCharacter() {
        assertThat(Stream.of("张三", "张小明", "欧阳小明", "李", "").map(MaskingPolicy::publicName))
                .containsExactly("张*", "张*明", "欧**明", "李*", "");
    }
}
