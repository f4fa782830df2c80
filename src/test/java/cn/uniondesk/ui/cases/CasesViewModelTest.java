package cn.uniondesk.ui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.Department;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.cases.CaseCap;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.domain.cases.HardshipEnums.Cause;
import cn.uniondesk.domain.cases.HardshipEnums.Category;
import cn.uniondesk.domain.cases.HardshipEnums.Health;
import cn.uniondesk.domain.cases.HardshipEnums.Housing;
import cn.uniondesk.domain.cases.HardshipEnums.WorkStatus;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.testing.TestApp;
import cn.uniondesk.ui.cases.CaseDetailViewModel.ActionItem;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 帮扶 screens' ViewModels on a real H2: filters, the generic form, buttons per role and state, the hardship form. */
class CasesViewModelTest {
    static final String CLERK = "小王";
    static final String CHAIR = "王主席";
    static final String AUDITOR = "审计员";

    @TempDir
    Path dir;
    AppContext ctx;
    final Messages messages = Messages.chinese();
    final SameThreadExecutor executor = new SameThreadExecutor();
    final List<Path> opened = new ArrayList<>();
    long zhang;
    long li;

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir);
        zhang = member("张建国", "0011", "一车间");
        li = member("李秀英", "0024", "二车间");
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private long member(String name, String seq, String dept) {
        String body = "320505" + "19850101" + seq.substring(0, 3);
        String id = body + IdNumber.checkChar(body);
        long deptId = ctx.members().departmentNamed(dept).id();
        return ctx.members().register(new MemberDraft(name, null, null, id, null, null, null, null, deptId, null, null,
                false, null, LocalDate.of(2015, 3, 1), null, "5000", false, null, null), null).memberId();
    }

    private void as(String operator, Role role) {
        ctx.session().switchTo(operator, role);
    }

    private static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private CaseDetailViewModel detail() {
        return new CaseDetailViewModel(ctx.cases(), ctx.session(), executor, messages, opened::add, dir.resolve("view"),
                TestApp.CLOCK.instant().atZone(TestApp.ZONE).toLocalDate());
    }

    private CaseListViewModel list() {
        CaseListViewModel vm = new CaseListViewModel(ctx.cases(), ctx.members(), ctx.session(), executor, messages,
                detail());
        vm.activate();
        return vm;
    }

    private long livingAid(long memberId) {
        as(CLERK, Role.CLERK);
        return ctx.cases().register(CaseType.LIVING_AID, memberId, fields("summary", "家庭生活困难"), "申请")
                .aidCase().id();
    }

    private static List<String> enabled(CaseDetailViewModel d) {
        return d.actions().stream().filter(ActionItem::allowed).map(ActionItem::action).toList();
    }

    private static List<String> disabled(CaseDetailViewModel d) {
        return d.actions().stream().filter(a -> !a.allowed()).map(ActionItem::action).toList();
    }

    @Test
    void filtersByTypeStateDepartmentPeriodAndWaitingForMe() {
        long a = livingAid(zhang);
        ctx.cases().register(CaseType.LABOUR_DISPUTE, li, fields("summary", "拖欠加班费", "opposingParty", "某劳务公司",
                "claim", "支付加班费"), null);
        ctx.cases().transition(a, "verify", "入户走访", fields("verification", "属实"));
        CaseListViewModel vm = list();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.countTextProperty().get()).isEqualTo("共 2 件");
        assertThat(vm.types()).extracting(c -> c.label()).contains("全部", "生活救助", "劳动争议");

        vm.typeFilterProperty().set(CaseType.LIVING_AID);
        assertThat(vm.rows()).extracting(r -> r.memberName()).containsExactly("张建国");
        assertThat(vm.states()).extracting(c -> c.label()).containsExactly("全部", "登记", "核实", "审核", "审批", "驳回",
                "发放", "归档");
        vm.stateFilterProperty().set("REGISTERED");
        assertThat(vm.rows()).isEmpty();
        vm.stateFilterProperty().set("VERIFIED");
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.stateLabel(vm.rows().get(0))).isEqualTo("核实");

        vm.typeFilterProperty().set(null);
        vm.stateFilterProperty().set(null);
        Department second = vm.departments().stream().map(c -> c.value())
                .filter(d -> d != null && d.name().equals("二车间")).findFirst().orElseThrow();
        vm.departmentFilterProperty().set(second);
        assertThat(vm.rows()).extracting(r -> r.memberName()).containsExactly("李秀英");
        vm.departmentFilterProperty().set(null);

        LocalDate today = LocalDate.now(TestApp.CLOCK);
        vm.fromProperty().set(today.plusDays(1));
        assertThat(vm.rows()).isEmpty();
        vm.fromProperty().set(today);
        assertThat(vm.rows()).hasSize(2);
        vm.toProperty().set(today.minusDays(3));
        assertThat(vm.errorProperty().get()).isEqualTo("登记日期的起止不正确：" + today + " 晚于 " + today.minusDays(3));
        vm.toProperty().set(null);
        vm.fromProperty().set(null);
        assertThat(vm.errorProperty().get()).isEmpty();

        // the clerk may take the next step of both; the chair only that of the dispute (the aid case waits for 审核, a clerk's step is open to admins too)
        vm.waitingForMeProperty().set(true);
        assertThat(vm.rows()).hasSize(2);
        as(AUDITOR, Role.AUDITOR);
        CaseListViewModel auditor = list();
        auditor.waitingForMeProperty().set(true);
        assertThat(auditor.rows()).isEmpty();
        assertThat(auditor.canRegister()).isFalse();
    }

    @Test
    void theRegistrationFormIsBuiltFromTheTypesFieldsAndValidatesBeforeWriting() {
        as(CLERK, Role.CLERK);
        CaseListViewModel vm = list();
        assertThat(vm.canRegister()).isTrue();
        CaseFormViewModel form = vm.newCaseForm();
        form.typeProperty().set(CaseType.MEDICAL_AID);
        assertThat(form.inputs()).extracting(FieldInput::name).containsExactly("summary", "hospital", "diagnosis",
                "medicalCost", "reimbursed", "verification", "requestedAmount");
        assertThat(form.inputs()).filteredOn(FieldInput::required).extracting(FieldInput::label)
                .containsExactly("事由", "就诊医院", "诊断");

        form.inputs().stream().filter(i -> i.name().equals("medicalCost")).findFirst().orElseThrow().valueProperty()
                .set("12.345");
        assertThat(form.save(r -> { })).isFalse();
        assertThat(form.errorProperty().get()).contains("请选择会员").contains("请填写事由").contains("请填写就诊医院")
                .contains("医疗费用总额金额格式不正确");
        assertThat(ctx.cases().list(CaseService.CaseQuery.all())).isEmpty();

        form.memberQueryProperty().set("张建国");
        assertThat(form.matches()).extracting(MemberRow::name).containsExactly("张建国");
        form.memberProperty().set(form.matches().get(0));
        form.typeProperty().set(CaseType.CONDOLENCE);
        assertThat(form.inputs()).extracting(FieldInput::name).containsExactly("summary", "subkind", "eventDate",
                "verification", "requestedAmount");
        set(form, "summary", "住院慰问");
        set(form, "subkind", "ILLNESS");
        set(form, "eventDate", "2026-11-18");
        List<CaseService.Result> saved = new ArrayList<>();
        assertThat(form.save(saved::add)).isTrue();
        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).aidCase().details()).containsEntry("eventDate", "2026-11-18");
        assertThat(saved.get(0).aidCase().subkind()).isEqualTo("ILLNESS");
    }

    private static void set(CaseFormViewModel form, String name, String value) {
        form.inputs().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().valueProperty().set(value);
    }

    @Test
    void capAndDuplicateProgrammeWarningsShowBeforeSaving() {
        as(CHAIR, Role.ADMIN);
        ctx.cases().setCap(new CaseCap(CaseType.FESTIVAL_VISIT, Money.ofFen(50000), CaseCap.Mode.WARN));
        as(CLERK, Role.CLERK);
        ctx.cases().register(CaseType.FESTIVAL_VISIT, zhang, fields("summary", "春节送温暖", "programmePeriod",
                "2027年春节"), null);
        CaseFormViewModel form = list().newCaseForm();
        form.memberQueryProperty().set("张建国");
        form.memberProperty().set(form.matches().get(0));
        form.typeProperty().set(CaseType.FESTIVAL_VISIT);
        assertThat(form.warningsProperty().get()).isEmpty();
        set(form, "programmePeriod", "2027年春节");
        assertThat(form.warningsProperty().get()).startsWith("提示：本人在同一期（2027年春节）已有送温暖案件 BF2026-");
        set(form, "requestedAmount", "600");
        assertThat(form.warningsProperty().get()).contains("上限 500.00 元");
        set(form, "programmePeriod", "2027年中秋");
        assertThat(form.warningsProperty().get()).doesNotContain("同一期").contains("上限");
    }

    @Test
    void buttonsFollowTheRoleTheStateAndSeparationOfDuties() {
        long id = livingAid(zhang);
        CaseDetailViewModel clerk = detail();
        clerk.load(id);
        assertThat(clerk.stateTextProperty().get()).isEqualTo("登记");
        assertThat(enabled(clerk)).containsExactly("verify");
        assertThat(disabled(clerk)).containsExactly("reject");
        assertThat(clerk.refusalsProperty().get()).isEqualTo("干事不能执行“驳回”");
        assertThat(clerk.canAttach()).isTrue();

        as(CHAIR, Role.ADMIN);
        CaseDetailViewModel chair = detail();
        chair.load(id);
        assertThat(enabled(chair)).containsExactly("verify", "reject");

        as(CLERK, Role.CLERK);
        ctx.cases().transition(id, "verify", null, fields("verification", "属实"));
        ctx.cases().transition(id, "review", null, fields("requestedAmount", "800"));
        clerk.load(id);
        assertThat(enabled(clerk)).isEmpty();
        assertThat(disabled(clerk)).containsExactly("approve", "reject");

        as(CHAIR, Role.ADMIN);
        ctx.cases().transition(id, "approve", "同意", fields("approvedAmount", "800"));
        as(CLERK, Role.CLERK);
        clerk.load(id);
        assertThat(disabled(clerk)).containsExactly("pay");
        assertThat(clerk.refusalsProperty().get()).isEqualTo("职责分离：本案登记人不能“发放”，须由其他人办理");

        as(AUDITOR, Role.AUDITOR);
        CaseDetailViewModel auditor = detail();
        auditor.load(id);
        assertThat(auditor.canAct()).isFalse();
        assertThat(auditor.canAttach()).isFalse();
        assertThat(auditor.actions()).isEmpty();
        assertThat(auditor.refusalsProperty().get()).isEmpty();
        assertThat(auditor.amountTextProperty().get()).isEqualTo("申请 800.00 元；核定 800.00 元");
    }

    @Test
    void aStepAsksForTheTargetStatesFieldsAndShowsTheServicesRefusal() {
        long id = livingAid(zhang);
        CaseDetailViewModel clerk = detail();
        clerk.load(id);
        TransitionViewModel verify = clerk.startTransition("verify");
        assertThat(verify.inputs()).extracting(FieldInput::label).containsExactly("入户核实情况");
        assertThat(verify.submit(() -> { })).isFalse();
        assertThat(verify.errorProperty().get()).isEqualTo("请填写入户核实情况");
        verify.inputs().get(0).valueProperty().set("家中确有困难");
        verify.commentProperty().set("入户走访");
        List<String> closed = new ArrayList<>();
        assertThat(verify.submit(() -> closed.add("closed"))).isTrue();
        assertThat(closed).containsExactly("closed");
        assertThat(clerk.stateTextProperty().get()).isEqualTo("核实");
        assertThat(clerk.messageProperty().get()).contains("已“核实”");
        assertThat(clerk.timeline()).extracting(CaseDetailViewModel.TimelineLine::what).containsExactly("登记", "核实");
        assertThat(clerk.timeline().get(1).who()).isEqualTo("小王（干事）");
        assertThat(clerk.timeline().get(1).comment()).isEqualTo("入户走访");

        TransitionViewModel review = clerk.startTransition("review");
        review.inputs().get(0).valueProperty().set("800");
        review.submit(() -> { });
        as(CHAIR, Role.ADMIN);
        CaseDetailViewModel chair = detail();
        chair.load(id);
        TransitionViewModel reject = chair.startTransition("reject");
        assertThat(reject.commentRequired()).isTrue();
        assertThat(reject.submit(() -> { })).isFalse();
        assertThat(reject.errorProperty().get()).isEqualTo("“驳回”必须填写意见");
        TransitionViewModel approve = chair.startTransition("approve");
        assertThat(approve.inputs()).extracting(FieldInput::label).containsExactly("核定金额");
        assertThat(approve.inputs().get(0).valueProperty().get()).isEqualTo("800.00");

        // the registrant's session takes the step anyway (a stale screen): the service refuses, nothing changes
        as(CLERK, Role.CLERK);
        approve.submit(() -> { });
        assertThat(approve.errorProperty().get()).isEqualTo("干事不能执行“审批通过”");
        assertThat(ctx.cases().get(id).state()).isEqualTo("REVIEWED");
    }

    @Test
    void attachmentsAreListedOpenedCheckedAndATamperedOneIsRefused() throws Exception {
        long id = livingAid(zhang);
        CaseDetailViewModel clerk = detail();
        clerk.load(id);
        Path file = dir.resolve("申请书.pdf");
        java.nio.file.Files.writeString(file, "%PDF-1.4 申请书");
        clerk.addAttachment(file);
        assertThat(clerk.attachments()).extracting(a -> a.name()).containsExactly("申请书.pdf");
        assertThat(clerk.size(clerk.attachments().get(0))).endsWith(" B");
        assertThat(clerk.attachments().get(0).addedBy()).isEqualTo(CLERK);
        clerk.openAttachment(clerk.attachments().get(0));
        assertThat(opened).hasSize(1);
        assertThat(java.nio.file.Files.readString(opened.get(0))).isEqualTo("%PDF-1.4 申请书");

        String sha = clerk.attachments().get(0).sha256();
        try (var files = java.nio.file.Files.walk(dir)) {
            Path stored = files.filter(p -> p.getFileName().toString().startsWith(sha)).findFirst().orElseThrow();
            byte[] b = java.nio.file.Files.readAllBytes(stored);
            b[b.length - 1] ^= 1;
            java.nio.file.Files.write(stored, b);
        }
        clerk.openAttachment(clerk.attachments().get(0));
        assertThat(opened).hasSize(1);
        assertThat(clerk.errorProperty().get()).isEqualTo("附件“申请书.pdf”已被改动或损坏（校验值不符），拒绝打开");
    }

    @Test
    void theMemberPaneAndTheHardshipFormShowEligibilityAsTyped() {
        as(CHAIR, Role.ADMIN);
        ctx.hardship().setLowIncomeLine("苏州市", 2026, Money.ofFen(100000));
        long id = livingAid(zhang);
        MemberAidViewModel aid = new MemberAidViewModel(ctx.cases(), ctx.hardship(), ctx.session(), executor, messages,
                LocalDate.now(TestApp.CLOCK));
        Member m = ctx.members().get(zhang);
        aid.memberProperty().set(m);
        assertThat(aid.cases()).extracting(r -> r.aidCase().id()).containsExactly(id);
        assertThat(aid.typeLabel(aid.cases().get(0))).isEqualTo("生活救助");
        assertThat(aid.hardshipTextProperty().get()).isEqualTo("尚未建立困难职工档案");
        assertThat(aid.canEdit()).isTrue();

        HardshipFormViewModel form = aid.hardshipForm();
        form.categoryProperty().set(Category.DEEP);
        form.healthProperty().set(Health.CHRONIC_ILLNESS);
        form.workStatusProperty().set(WorkStatus.EMPLOYED);
        form.housingProperty().set(Housing.RENTED);
        form.memberIncomeProperty().set("2000");
        form.addHouseholdMember();
        assertThat(form.incomeTextProperty().get()).isEqualTo("家庭 2 人，月收入合计 2000.00 元，人均 1000.00 元");
        assertThat(form.eligibilityTextProperty().get()).isEqualTo("填写所在城市和主要致困原因后显示是否符合条件");
        form.cityProperty().set("苏州市");
        form.mainCauseProperty().set(Cause.LOW_INCOME);
        assertThat(form.eligibilityTextProperty().get()).startsWith("低于低保标准（低保标准 1000.00 元/人·月");
        assertThat(form.eligibleProperty().get()).isTrue();
        var spouse = form.household().get(0);
        spouse.incomeProperty().set("1000");
        assertThat(form.incomeTextProperty().get()).isEqualTo("家庭 2 人，月收入合计 3000.00 元，人均 1500.00 元");
        assertThat(form.eligibilityTextProperty().get()).startsWith("不符合条件");
        form.secondaryCauses().add(Cause.ILLNESS);
        assertThat(form.eligibilityTextProperty().get()).startsWith("高于低保标准但在 1.5 倍以内");
        spouse.incomeProperty().set("abc");
        assertThat(form.incomeTextProperty().get()).startsWith("请填写本人和每位家庭成员的月收入");
        spouse.incomeProperty().set("1000");

        spouse.nameProperty().set("王芳");
        spouse.relationProperty().set("配偶");
        spouse.idNumberProperty().set("320505198501010019");
        assertThat(form.save(() -> { })).isTrue();
        assertThat(form.errorProperty().get()).startsWith("家庭成员“王芳”的公民身份号码 320505198501010019 无效");
        assertThat(ctx.hardship().forMember(zhang)).isEmpty();

        String body = "32050519870202002";
        spouse.idNumberProperty().set(body + IdNumber.checkChar(body));
        List<String> closed = new ArrayList<>();
        assertThat(form.save(() -> closed.add("closed"))).isTrue();
        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(closed).containsExactly("closed");
        assertThat(ctx.hardship().forMember(zhang)).isPresent();
        assertThat(aid.hardshipTextProperty().get())
                .isEqualTo("深度困难；家庭 2 人，月收入 3000.00 元，人均 1500.00 元；高于低保标准但在 1.5 倍以内，有因病、因学或因灾原因");
        assertThat(aid.reviewTextProperty().get()).isEqualTo("下次年度复核：2027-11-23");
        assertThat(aid.hasFileProperty().get()).isTrue();

        as(AUDITOR, Role.AUDITOR);
        MemberAidViewModel readOnly = new MemberAidViewModel(ctx.cases(), ctx.hardship(), ctx.session(), executor,
                messages, LocalDate.now(TestApp.CLOCK));
        assertThat(readOnly.canEdit()).isFalse();
    }

    @Test
    void printApprovalFormWritesThePdfOfTheShownCaseAndOpensIt() throws Exception {
        long id = livingAid(zhang);
        CaseDetailViewModel clerk = detail();
        assertThat(clerk.canPrint()).isFalse();
        clerk.setDocuments(ctx.caseDocuments());
        assertThat(clerk.canPrint()).isTrue();
        clerk.printApprovalForm();
        assertThat(opened).as("nothing shown, nothing printed").isEmpty();
        clerk.load(id);
        clerk.printApprovalForm();
        assertThat(clerk.errorProperty().get()).isEmpty();
        assertThat(opened).hasSize(1);
        String caseNo = ctx.cases().get(id).caseNo();
        assertThat(opened.get(0).getFileName().toString()).isEqualTo("帮扶审批表-" + caseNo + ".pdf");
        try (com.lowagie.text.pdf.PdfReader r = new com.lowagie.text.pdf.PdfReader(opened.get(0).toString())) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(r).getTextFromPage(1);
            assertThat(text).contains("帮扶审批表").contains(caseNo).contains("张");
        }
    }
}
