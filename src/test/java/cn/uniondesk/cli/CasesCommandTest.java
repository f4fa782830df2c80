package cn.uniondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.service.DemoCasesService;
import cn.uniondesk.testing.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo union's cases from the command line, as the demo administrator and as the demo clerk. */
class CasesCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run runAs(String user, String... args) {
        List<String> all = new ArrayList<>(List.of("--data", dir.toString(), "--lang", "zh"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = UnionDeskCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of("UNIONDESK_USER", user, "UNIONDESK_PASSWORD", "demo1234"), TestApp.CLOCK);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theDemoCasesAreListedShownAndMovedOnWithSeparationOfDuties() throws Exception {
        assertThat(runAs("demo", "init", "--demo").code()).isZero();

        Run csv = runAs("demo", "cases", "list", "--format", "csv");
        assertThat(csv.code()).isZero();
        String[] lines = csv.out().strip().split("\n");
        assertThat(lines[0]).isEqualTo(String.join(",", CasesCommand.FIELDS));
        assertThat(csv.out()).contains("LIVING_AID", "MEDICAL_AID", "EDUCATION_AID", "FESTIVAL_VISIT", "CONDOLENCE",
                "LEGAL_AID", "LABOUR_DISPUTE", "COMPLAINT", "REJECTED", "PAID", DemoCasesService.DEMO_CLERK);

        Run waiting = runAs("demo", "cases", "list", "--waiting", "--format", "json");
        JsonNode arr = new ObjectMapper().readTree(waiting.out());
        assertThat(arr.size()).isGreaterThanOrEqualTo(2);
        String medical = null;
        for (JsonNode n : arr) {
            if (n.get("type").asText().equals("MEDICAL_AID")) {
                medical = n.get("case_no").asText();
                assertThat(n.get("state").asText()).isEqualTo("REVIEWED");
            }
        }
        assertThat(medical).isNotNull();

        Run table = runAs("demo", "cases", "list", "--type", "医疗救助", "--state", "审核");
        assertThat(table.out()).contains("医疗救助", "审核", "8000.00").contains("共 1 件");

        Run clerkApproves = runAs(DemoCasesService.DEMO_CLERK, "cases", "transition", medical, "--action", "approve",
                "--set", "approvedAmount=8000");
        assertThat(clerkApproves.code()).isEqualTo(UnionDeskCommand.REJECTED);
        assertThat(clerkApproves.err()).contains("干事不能执行“审批通过”");

        Run tooMuch = runAs("demo", "cases", "transition", medical, "--action", "approve", "--set",
                "approvedAmount=12.345");
        assertThat(tooMuch.code()).isEqualTo(UnionDeskCommand.REJECTED);
        assertThat(tooMuch.err()).contains("核定金额金额格式不正确");

        Run approve = runAs("demo", "cases", "transition", medical, "--action", "审批通过", "--comment", "同意",
                "--set", "approvedAmount=8000");
        assertThat(approve.code()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("现为“审批”");

        Run ownPay = runAs(DemoCasesService.DEMO_CLERK, "cases", "transition", medical, "--action", "pay", "--set",
                "paidAmount=8000", "--set", "paymentMethod=银行转账", "--set", "paidOn=2026-11-23");
        assertThat(ownPay.code()).isEqualTo(UnionDeskCommand.REJECTED);
        assertThat(ownPay.err()).contains("职责分离");

        Run pay = runAs("demo", "cases", "transition", medical, "--action", "pay", "--set", "paidAmount=8000",
                "--set", "paymentMethod=银行转账", "--set", "paidOn=2026-11-23");
        assertThat(pay.code()).as(pay.err()).isZero();
        Run again = runAs("demo", "cases", "transition", medical, "--action", "pay", "--set", "paidAmount=8000",
                "--set", "paymentMethod=银行转账", "--set", "paidOn=2026-11-23");
        assertThat(again.err()).contains("不能重复发放");

        Run show = runAs("demo", "cases", "show", medical);
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("急性淋巴细胞白血病", "诊断证明.txt", "审批通过", "同意", "银行转账",
                DemoCasesService.DEMO_CLERK, "我可以办理：close (归档)");

        Run bad = runAs("demo", "cases", "list", "--type", "救济");
        assertThat(bad.code()).isEqualTo(UnionDeskCommand.USAGE);
        assertThat(bad.err()).contains("没有这种案件类型");
    }
}
