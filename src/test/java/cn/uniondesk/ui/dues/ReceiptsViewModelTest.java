package cn.uniondesk.ui.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.Role;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.DuesService.ReceiptInfo;
import cn.uniondesk.service.DuesService.ReportLine;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.DocumentOpener;
import cn.uniondesk.ui.common.SameThreadExecutor;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptsViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final Messages messages = Messages.chinese();
    final LocalDate today = LocalDate.now(TestData.CLOCK);
    final List<Path> opened = new ArrayList<>();
    final DocumentOpener opener = opened::add;
    ReceiptsViewModel vm;
    List<String> numbers = new ArrayList<>();
    List<ReportLine> payers;

    @BeforeEach
    void open() {
        ctx = DemoCopy.open(dir.resolve("data"));
        payers = ctx.dues().monthlyReport(YearMonth.from(today)).lines().stream().filter(l -> l.dueFen() > 0)
                .limit(3).toList();
        for (ReportLine l : payers) {
            numbers.add(ctx.dues().recordPayment(l.memberId(), l.dueFen(), DuesService.Method.CASH, today, null, null,
                    true).receiptNo());
        }
        vm = new ReceiptsViewModel(ctx.dues(), ctx.union(), opener, dir.resolve("receipts"), new SameThreadExecutor(),
                messages, today.getYear());
        vm.activate();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private ReceiptInfo row(String number) {
        return vm.rows().stream().filter(r -> r.number().equals(number)).findFirst().orElseThrow();
    }

    static String pdfText(Path pdf) throws Exception {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            return new PdfTextExtractor(reader).getTextFromPage(1);
        } finally {
            reader.close();
        }
    }

    @Test
    void listsTheYearsReceiptsWithMemberMonthsAmountAndIssuer() {
        assertThat(vm.rows()).extracting(ReceiptInfo::number).containsExactlyElementsOf(numbers);
        ReceiptInfo first = row(numbers.get(0));
        assertThat(first.memberName()).isEqualTo(payers.get(0).name());
        assertThat(first.cardNo()).isEqualTo(payers.get(0).cardNo());
        assertThat(first.amountFen()).isEqualTo(payers.get(0).dueFen());
        assertThat(first.issuedBy()).isEqualTo(TestData.OPERATOR);
        assertThat(first.issuedOn()).isEqualTo(today);
        assertThat(first.months()).isNotBlank();
        assertThat(first.voided()).isFalse();
        assertThat(vm.summaryProperty().get()).startsWith(today.getYear() + " 年收据 3 张（作废 0 张）");

        vm.searchProperty().set(payers.get(1).name());
        assertThat(vm.rows()).extracting(ReceiptInfo::number).contains(numbers.get(1));
        vm.searchProperty().set(numbers.get(2));
        assertThat(vm.rows()).extracting(ReceiptInfo::number).containsExactly(numbers.get(2));

        vm.yearProperty().set(today.getYear() - 1);
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void openWritesTheReceiptPdfAndHandsItToTheSystemViewer() throws Exception {
        vm.selectedProperty().set(row(numbers.get(0)));
        assertThat(vm.canOpenProperty().get()).isTrue();

        vm.openSelected();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(opened).hasSize(1);
        Path pdf = opened.get(0);
        assertThat(pdf.getParent()).isEqualTo(dir.resolve("receipts"));
        assertThat(pdf.getFileName().toString()).isEqualTo("会费收据-" + numbers.get(0) + ".pdf");
        String text = pdfText(pdf);
        assertThat(text).contains(numbers.get(0)).contains(payers.get(0).name()).contains("工会会费收据");
        assertThat(vm.messageProperty().get()).contains(numbers.get(0));
    }

    @Test
    void voidingNeedsAReasonAndThenKeepsTheReceiptMarkedVoid() throws Exception {
        vm.selectedProperty().set(row(numbers.get(1)));
        assertThat(vm.canVoidProperty().get()).isTrue();
        assertThat(vm.voidReasonProblem("  ")).isEqualTo("请填写作废原因");
        assertThat(vm.voidReasonProblem("字".repeat(201))).isEqualTo("原因不能超过 200 个字");
        int auditBefore = ctx.audit().count();

        assertThat(vm.voidSelected(" ")).isFalse();

        assertThat(vm.errorProperty().get()).isEqualTo("请填写作废原因");
        assertThat(ctx.audit().count()).isEqualTo(auditBefore);
        assertThat(ctx.dues().receiptInfo(numbers.get(1)).orElseThrow().voided()).isFalse();

        assertThat(vm.voidConfirmText("金额开错")).contains(numbers.get(1)).contains("金额开错");
        long paidBefore = ctx.dues().paidTotal(payers.get(1).memberId());
        assertThat(vm.voidSelected("金额开错")).isTrue();

        assertThat(vm.errorProperty().get()).isEmpty();
        String amount = DuesViewModel.yuan(payers.get(1).dueFen());
        assertThat(vm.messageProperty().get()).isEqualTo("收据 " + numbers.get(1) + " 已作废，冲销缴款 " + amount + " 元");
        // the payment the receipt recorded no longer counts
        assertThat(ctx.dues().paidTotal(payers.get(1).memberId())).isEqualTo(paidBefore - payers.get(1).dueFen());
        ReceiptInfo voided = row(numbers.get(1));
        assertThat(voided.voided()).isTrue();
        assertThat(voided.voidReason()).isEqualTo("金额开错");
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.selectedProperty().get()).isEqualTo(voided);
        assertThat(vm.canVoidProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).contains("（作废 1 张）");
        assertThat(ctx.audit().count()).isEqualTo(auditBefore + 1);

        // printed again, it says 作废 with the reason
        vm.openSelected();
        assertThat(pdfText(opened.get(opened.size() - 1))).contains("作废").contains("金额开错");
    }

    @Test
    void readOnlyRolesMayOpenButNotVoid() {
        ctx.session().switchTo("审计员", Role.AUDITOR);
        vm.setReadOnly(true);
        vm.refresh();
        vm.selectedProperty().set(row(numbers.get(0)));

        assertThat(vm.canOpenProperty().get()).isTrue();
        assertThat(vm.canVoidProperty().get()).isFalse();
        assertThat(vm.voidSelected("试试")).isFalse();
        assertThat(ctx.dues().receiptInfo(numbers.get(0)).orElseThrow().voided()).isFalse();

        vm.openSelected();
        assertThat(opened).hasSize(1);
    }

    @Test
    void theServiceRefusesAVoidFromAnAuditorWithAClearMessage() {
        vm.selectedProperty().set(row(numbers.get(0)));
        ctx.session().switchTo("审计员", Role.AUDITOR);

        vm.voidSelected("试试");

        assertThat(vm.errorProperty().get()).startsWith("当前角色（审计）无权");
        ctx.session().switchTo(TestData.OPERATOR, Role.ADMIN);
        assertThat(ctx.dues().receiptInfo(numbers.get(0)).orElseThrow().voided()).isFalse();
    }
}
