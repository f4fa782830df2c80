package cn.uniondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.testing.TestApp;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cases ledger|form|notice} on an encrypted data folder, as a scheduled task would run them. */
class CasesDocumentsCommandTest {
    static final String PASSWORD = "主席的密码2026";

    @TempDir
    Path dir;
    Path data;
    String caseNo;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data", data.toString(), "--lang", "zh"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = UnionDeskCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of("UNIONDESK_USER", "chair", "UNIONDESK_PASSWORD", PASSWORD), TestApp.CLOCK);
        return new Run(code, out.toString(), err.toString());
    }

    static Map<String, String> f(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A union with two paid cases (1500.00 and 800.00), registered by 小李, approved by chair, paid by 小赵. */
    @BeforeEach
    void unionWithTwoPaidCases() throws Exception {
        data = dir.resolve("data");
        Files.createDirectories(data);
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, PASSWORD + "\n");
        assertThat(run("init", "--admin-user", "chair", "--admin-password-file", pw.toString()).code()).isZero();
        try (AppContext ctx = AppContext.unlock(data, "chair", PASSWORD.toCharArray(), TestApp.CLOCK)) {
            ctx.union().save(new UnionInfo("苏州示例机械厂工会", "123456789", "苏州市总工会", "320505"));
            long dept = ctx.members().departmentNamed("一车间").id();
            List<String> numbers = new ArrayList<>();
            String[][] people = {{"张三", "011", "1500"}, {"李小明", "021", "800"}};
            for (String[] p : people) {
                String body = "320505" + "19850101" + p[1];
                long m = ctx.members().register(new MemberDraft(p[0], null, null, body + IdNumber.checkChar(body),
                        null, null, null, null, dept, null, null, false, null, LocalDate.of(2015, 3, 1), "GH" + p[1],
                        "5000", false, null, null), null).memberId();
                ctx.session().switchTo("小李", Role.CLERK);
                long id = ctx.cases().register(CaseType.LIVING_AID, m, f("summary", "家庭生活困难"), "申请").aidCase()
                        .id();
                ctx.cases().transition(id, "verify", "入户走访", f("verification", "属实"));
                ctx.cases().transition(id, "review", "材料齐全", f("requestedAmount", p[2]));
                ctx.session().switchTo("chair", Role.ADMIN);
                ctx.cases().transition(id, "approve", "同意", f("approvedAmount", p[2]));
                ctx.session().switchTo("小赵", Role.CLERK);
                ctx.cases().transition(id, "pay", null, f("paidAmount", p[2], "paymentMethod", "现金", "paidOn",
                        "2026-11-23"));
                numbers.add(ctx.cases().get(id).caseNo());
                ctx.session().switchTo("chair", Role.ADMIN);
            }
            caseNo = numbers.get(0);
        }
    }

    static String pdfText(Path pdf) throws Exception {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            StringBuilder sb = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                sb.append(new PdfTextExtractor(reader).getTextFromPage(p));
            }
            return sb.toString();
        } finally {
            reader.close();
        }
    }

    @Test
    void ledgerAsWorkbookAndAsPdf() throws Exception {
        Path x = dir.resolve("台账.xlsx");
        Run r = run("cases", "ledger", "--from", "2026-11-01", "--to", "2026-11-30", "--out", x.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 件").contains("2300.00");
        try (InputStream in = Files.newInputStream(x); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getRow(6).getCell(8).getCellFormula()).isEqualTo("SUM(I5:I6)");
            assertThat(wb.getSheetAt(0).getRow(6).getCell(8).getNumericCellValue()).isEqualTo(2300.0);
        }
        Path p = dir.resolve("ledger.out");
        Run pdf = run("cases", "ledger", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf", "--out",
                p.toString());
        assertThat(pdf.code()).as(pdf.err()).isZero();
        assertThat(pdfText(p)).contains("帮扶救助台账").contains("张三").contains("李小明").contains("2,300.00");
    }

    @Test
    void formByCaseNumber() throws Exception {
        Path p = dir.resolve("审批表.pdf");
        Run r = run("cases", "form", caseNo.toLowerCase(), "--out", p.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(caseNo);
        assertThat(pdfText(p)).contains("帮扶审批表").contains(caseNo).contains("张三").contains("壹仟伍佰元整")
                .contains("小李").contains("chair").contains("小赵");
    }

    @Test
    void noticeMasksNames() throws Exception {
        Path p = dir.resolve("公示.pdf");
        Run r = run("cases", "notice", "--from", "2026-11-01", "--to", "2026-11-30", "--out", p.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(pdfText(p)).contains("张*").contains("李*明").doesNotContain("李小明").doesNotContain("19850101");
    }

    @Test
    void badInputIsAUsageErrorAndWritesNothing() throws Exception {
        Path x = dir.resolve("bad.xlsx");
        Run badDate = run("cases", "ledger", "--from", "2026/11/01", "--to", "2026-11-30", "--out", x.toString());
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("--from").contains("2026/11/01");
        Run reversed = run("cases", "ledger", "--from", "2026-11-30", "--to", "2026-11-01", "--out", x.toString());
        assertThat(reversed.code()).isEqualTo(2);
        assertThat(reversed.err()).contains("期间不正确");
        Run noFolder = run("cases", "notice", "--from", "2026-11-01", "--to", "2026-11-30", "--out",
                dir.resolve("nowhere").resolve("n.pdf").toString());
        assertThat(noFolder.code()).isEqualTo(2);
        assertThat(noFolder.err()).contains("输出文件夹不存在");
        Run unknown = run("cases", "form", "BF2026-9999", "--out", dir.resolve("f.pdf").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("BF2026-9999");
        Run noReason = run("cases", "form", caseNo, "--unmasked", "--out", dir.resolve("f.pdf").toString());
        assertThat(noReason.code()).isEqualTo(2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(q -> q.getFileName().toString()))
                    .containsExactlyInAnyOrder("data", "pw.txt");
        }
    }
}
