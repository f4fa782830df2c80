package cn.uniondesk.service.cases;

import static cn.uniondesk.service.cases.CaseFixture.CHAIR;
import static cn.uniondesk.service.cases.CaseFixture.CLERK;
import static cn.uniondesk.service.cases.CaseFixture.CLERK2;
import static cn.uniondesk.service.cases.CaseFixture.as;
import static cn.uniondesk.service.cases.CaseFixture.fields;
import static cn.uniondesk.service.cases.CaseFixture.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.cases.AidCase;
import cn.uniondesk.domain.cases.CaseCap;
import cn.uniondesk.domain.cases.CaseEvent;
import cn.uniondesk.domain.cases.CaseRuleException;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.domain.cases.HardshipDraft;
import cn.uniondesk.domain.cases.HardshipEnums;
import cn.uniondesk.domain.cases.HouseholdMember;
import cn.uniondesk.domain.cases.LedgerRow;
import cn.uniondesk.domain.cases.Problem;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.service.PermissionDeniedException;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class CaseServiceTest {
    @TempDir
    Path dir;

    private static void refused(Executable e, String key) {
        assertThatThrownBy(e::execute).isInstanceOfSatisfying(CaseRuleException.class,
                x -> assertThat(x.messageKey()).isEqualTo(key));
    }

    /** Nothing changed by a refused step: same state, same timeline, same audit trail. */
    private static void unchanged(AppContext ctx, long caseId, String state, int events, int auditRows) {
        Role r = ctx.session().role();
        String op = ctx.session().operator();
        as(ctx, "check", Role.AUDITOR);
        assertThat(ctx.cases().get(caseId).state()).isEqualTo(state);
        assertThat(ctx.cases().timeline(caseId)).hasSize(events);
        as(ctx, op, r);
        assertThat(ctx.audit().count()).isEqualTo(auditRows);
    }

    @Test
    void anAidCaseWalksFromRegisteredToClosedWithTwoAccountsAndEveryStepIsOnTheTimeline() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            long id = CaseFixture.reviewedAidCase(ctx, CaseType.LIVING_AID, m, "2000");
            as(ctx, CHAIR, Role.ADMIN);
            CaseService.Result approved = ctx.cases().transition(id, "approve", "同意", fields("approvedAmount", "1500"));
            assertThat(approved.aidCase().state()).isEqualTo("APPROVED");
            assertThat(approved.aidCase().approved()).isEqualTo(Money.ofFen(1500_00));
            assertThat(approved.aidCase().approvedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
            as(ctx, CLERK, Role.CLERK);
            refused(() -> ctx.cases().transition(id, "pay", null, fields("paidAmount", "1500", "paymentMethod",
                    "银行转账", "paidOn", "2026-11-23")), "case.action.ownCase");
            as(ctx, CLERK2, Role.CLERK);
            AidCase paid = ctx.cases().transition(id, "pay", null, fields("paidAmount", "1500", "paymentMethod",
                    "银行转账", "paidOn", "2026-11-23")).aidCase();
            assertThat(paid.paymentMethod()).isEqualTo("BANK_TRANSFER");
            assertThat(paid.paidBy()).isEqualTo(CLERK2);
            AidCase closed = ctx.cases().transition(id, "close", "归档", Map.of()).aidCase();
            assertThat(closed.state()).isEqualTo("CLOSED");

            List<CaseEvent> tl = ctx.cases().timeline(id);
            assertThat(tl).extracting(CaseEvent::action).containsExactly("register", "verify", "review", "approve",
                    "pay", "close");
            assertThat(tl).extracting(CaseEvent::operator).containsExactly(CLERK, CLERK, CLERK, CHAIR, CLERK2, CLERK2);
            assertThat(tl.get(3).role()).isEqualTo("ADMIN");
            assertThat(tl.get(3).comment()).isEqualTo("同意");
            assertThat(tl.get(3).changes()).contains("核定金额").contains("1500.00");
            assertThat(tl.get(4).changes()).contains("BANK_TRANSFER").contains("2026-11-23");
            assertThat(ctx.audit().find(null, "case", closed.caseNo(), 20)).extracting(e -> e.action())
                    .containsExactly("CASE_CLOSE", "CASE_PAY", "CASE_APPROVE", "CASE_REVIEW", "CASE_VERIFY",
                            "CASE_REGISTER");
            assertThat(ctx.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void theRegistrantCanNeitherApproveNorPayTheirOwnCaseEvenAsAnAdministrator() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            as(ctx, CHAIR, Role.ADMIN);
            CaseService cs = ctx.cases();
            long id = cs.register(CaseType.MEDICAL_AID, m, registration(CaseType.MEDICAL_AID), null).aidCase().id();
            cs.transition(id, "verify", null, fields("verification", "属实"));
            cs.transition(id, "review", null, fields("requestedAmount", "3000", "medicalCost", "20000"));
            int audit = ctx.audit().count();
            Executable approve = () -> cs.transition(id, "approve", "自己批", fields("approvedAmount", "3000"));
            assertThatThrownBy(approve::execute).isInstanceOfSatisfying(CaseRuleException.class, e -> {
                assertThat(e.messageKey()).isEqualTo("case.action.ownCase");
                assertThat(e.problems().get(0).args().get(0).toString()).isEqualTo("审批通过");
            });
            refused(() -> cs.transition(id, "reject", "自己驳回", Map.of()), "case.action.ownCase");
            unchanged(ctx, id, "REVIEWED", 3, audit);
            assertThat(cs.actions(cs.get(id))).allSatisfy(o -> assertThat(o.allowed()).isFalse());
            assertThat(cs.list(new CaseService.CaseQuery(null, null, null, null, null, true, null))).isEmpty();

            as(ctx, "另一位管理员", Role.ADMIN);
            assertThat(cs.list(new CaseService.CaseQuery(null, null, null, null, null, true, null))).hasSize(1);
            cs.transition(id, "approve", "同意", fields("approvedAmount", "3000"));
            as(ctx, CHAIR, Role.ADMIN);
            refused(() -> cs.transition(id, "pay", null, fields("paidAmount", "3000", "paymentMethod", "CASH",
                    "paidOn", "2026-11-23")), "case.action.ownCase");
            unchanged(ctx, id, "APPROVED", 4, ctx.audit().count());
        }
    }

    @Test
    void rolesWithoutThePermissionAreRefused() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            long id = CaseFixture.reviewedAidCase(ctx, CaseType.EDUCATION_AID, m, "5000");
            as(ctx, CLERK2, Role.CLERK);
            refused(() -> ctx.cases().transition(id, "approve", null, fields("approvedAmount", "5000")),
                    "case.action.notPermitted");
            as(ctx, "审计员", Role.AUDITOR);
            assertThatThrownBy(() -> ctx.cases().register(CaseType.LIVING_AID, m, registration(CaseType.LIVING_AID),
                    null)).isInstanceOf(PermissionDeniedException.class);
            refused(() -> ctx.cases().transition(id, "reject", "不符合", Map.of()), "case.action.notPermitted");
            assertThat(ctx.cases().list(CaseService.CaseQuery.all())).hasSize(1);
        }
    }

    @Test
    void requiredFieldsOfEachStateAreCheckedAndNothingIsWrittenWhenMissing() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            as(ctx, CLERK, Role.CLERK);
            CaseService cs = ctx.cases();
            int audit = ctx.audit().count();
            refused(() -> cs.register(CaseType.MEDICAL_AID, m, fields("summary", "住院"), null), "case.fieldsRequired");
            refused(() -> cs.register(CaseType.CONDOLENCE, m, fields("summary", "慰问"), null), "case.fieldsRequired");
            refused(() -> cs.register(CaseType.FESTIVAL_VISIT, m, fields("summary", "春节"), null),
                    "case.fieldsRequired");
            refused(() -> cs.register(CaseType.LABOUR_DISPUTE, m, fields("summary", "欠薪"), null),
                    "case.fieldsRequired");
            assertThat(cs.list(CaseService.CaseQuery.all())).isEmpty();
            assertThat(ctx.audit().count()).isEqualTo(audit);

            long id = cs.register(CaseType.LIVING_AID, m, registration(CaseType.LIVING_AID), null).aidCase().id();
            refused(() -> cs.transition(id, "verify", null, Map.of()), "case.fieldsRequired");
            cs.transition(id, "verify", null, fields("verification", "属实"));
            refused(() -> cs.transition(id, "review", null, Map.of()), "case.fieldsRequired");
            cs.transition(id, "review", null, fields("requestedAmount", "800"));
            as(ctx, CHAIR, Role.ADMIN);
            refused(() -> cs.transition(id, "approve", null, Map.of()), "case.fieldsRequired");
            refused(() -> cs.transition(id, "reject", "", Map.of()), "case.action.commentRequired");
            cs.transition(id, "approve", null, fields("approvedAmount", "800"));
            as(ctx, CLERK2, Role.CLERK);
            int before = ctx.audit().count();
            assertThatThrownBy(() -> cs.transition(id, "pay", null, fields("paidAmount", "800")))
                    .isInstanceOfSatisfying(CaseRuleException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("case.fieldsRequired");
                        assertThat(e.problems().get(0).args().get(1).toString()).contains("发放方式", "发放日期");
                    });
            refused(() -> cs.transition(id, "pay", null, fields("paidAmount", "900", "paymentMethod", "CASH",
                    "paidOn", "2026-11-23")), "case.paidOverApproved");
            refused(() -> cs.transition(id, "pay", null, fields("paidAmount", "800", "paymentMethod", "CASH",
                    "paidOn", "2026-12-01")), "case.paidInFuture");
            unchanged(ctx, id, "APPROVED", 4, before);
        }
    }

    @Test
    void disputeLegalAidAndComplaintFollowTheirOwnWorkflows() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            as(ctx, CLERK, Role.CLERK);
            CaseService cs = ctx.cases();
            long d = cs.register(CaseType.LABOUR_DISPUTE, m, registration(CaseType.LABOUR_DISPUTE), null).aidCase().id();
            assertThat(cs.get(d).state()).isEqualTo("ACCEPTED");
            cs.transition(d, "mediate", "约谈双方", Map.of());
            cs.transition(d, "arbitrate", "调解不成", Map.of());
            refused(() -> cs.transition(d, "conclude", "裁决", Map.of()), "case.fieldsRequired");
            refused(() -> cs.transition(d, "conclude", "裁决", fields("outcome", "胜诉")), "case.field.badChoice");
            assertThat(cs.transition(d, "conclude", "裁决支持", fields("outcome", "仲裁裁决")).aidCase().outcome())
                    .isEqualTo("AWARD");
            refused(() -> cs.transition(d, "mediate", null, Map.of()), "case.action.notFromState");
            refused(() -> cs.update(d, fields("claim", "改"), null), "case.update.closed");

            long l = cs.register(CaseType.LEGAL_AID, m, registration(CaseType.LEGAL_AID), null).aidCase().id();
            refused(() -> cs.transition(l, "approve", null, Map.of()), "case.action.notPermitted");
            as(ctx, CHAIR, Role.ADMIN);
            cs.transition(l, "approve", "同意援助", Map.of());
            as(ctx, CLERK, Role.CLERK);
            refused(() -> cs.transition(l, "assign", null, Map.of()), "case.fieldsRequired");
            cs.update(l, fields("lawyer", "李律师"), null);
            cs.transition(l, "assign", null, Map.of());

            long c = cs.register(CaseType.COMPLAINT, m, registration(CaseType.COMPLAINT), null).aidCase().id();
            cs.transition(c, "handle", null, Map.of());
            cs.transition(c, "answer", null, fields("reply", "已协调食堂"));
            refused(() -> cs.transition(c, "close", null, fields("outcome", "RESOLVED")), "case.action.notPermitted");
            as(ctx, CHAIR, Role.ADMIN);
            assertThat(cs.transition(c, "close", null, fields("outcome", "RESOLVED")).aidCase().state())
                    .isEqualTo("CLOSED");
        }
    }

    @Test
    void everyDefaultTypeRegistersInItsInitialStateAndMayBeMovedOn() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            as(ctx, CLERK, Role.CLERK);
            for (CaseType t : CaseType.values()) {
                AidCase c = ctx.cases().register(t, m, registration(t), null).aidCase();
                assertThat(c.state()).as(t.name()).isEqualTo(ctx.cases().workflows().workflowOf(t).initial());
                assertThat(c.caseNo()).matches("BF2026-\\d{4}");
                assertThat(ctx.cases().actions(c)).as(t.name()).isNotEmpty();
            }
            assertThat(ctx.cases().list(CaseService.CaseQuery.all())).hasSize(CaseType.values().length);
            assertThat(ctx.cases().list(new CaseService.CaseQuery(CaseType.CONDOLENCE, null, null, null, null, false,
                    null))).singleElement().satisfies(r -> assertThat(r.aidCase().subkind()).isEqualTo("ILLNESS"));
        }
    }

    @Test
    void aWarningCapLetsTheApprovalThroughWithAWarningAndABlockingCapRefusesIt() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            as(ctx, CHAIR, Role.ADMIN);
            ctx.cases().setCap(new CaseCap(CaseType.LIVING_AID, Money.ofFen(3000_00), CaseCap.Mode.WARN));
            ctx.cases().setCap(new CaseCap(CaseType.MEDICAL_AID, Money.ofFen(5000_00), CaseCap.Mode.BLOCK));

            long a1 = CaseFixture.reviewedAidCase(ctx, CaseType.LIVING_AID, m, "2000");
            as(ctx, CHAIR, Role.ADMIN);
            assertThat(ctx.cases().transition(a1, "approve", null, fields("approvedAmount", "2000")).warnings())
                    .isEmpty();
            as(ctx, CLERK, Role.CLERK);
            long a2 = ctx.cases().register(CaseType.LIVING_AID, m, registration(CaseType.LIVING_AID), null)
                    .aidCase().id();
            ctx.cases().transition(a2, "verify", null, fields("verification", "属实"));
            ctx.cases().transition(a2, "review", null, fields("requestedAmount", "1500"));
            as(ctx, CHAIR, Role.ADMIN);
            CaseService.Result r = ctx.cases().transition(a2, "approve", null, fields("approvedAmount", "1500"));
            assertThat(r.aidCase().state()).isEqualTo("APPROVED");
            assertThat(r.warnings()).extracting(Problem::messageKey).contains("case.cap.warn");
            assertThat(r.warnings().stream().filter(p -> p.messageKey().equals("case.cap.warn")).findFirst()
                    .orElseThrow().args()).containsSubsequence("3000.00", "2000.00", "1500.00");

            long b1 = CaseFixture.reviewedAidCase(ctx, CaseType.MEDICAL_AID, m, "4000");
            as(ctx, CHAIR, Role.ADMIN);
            ctx.cases().transition(b1, "approve", null, fields("approvedAmount", "4000"));
            as(ctx, CLERK, Role.CLERK);
            long b2 = ctx.cases().register(CaseType.MEDICAL_AID, m, registration(CaseType.MEDICAL_AID), null)
                    .aidCase().id();
            ctx.cases().transition(b2, "verify", null, fields("verification", "属实"));
            CaseService.Result reviewed = ctx.cases().transition(b2, "review", null,
                    fields("requestedAmount", "1500", "medicalCost", "10000"));
            assertThat(reviewed.aidCase().state()).isEqualTo("REVIEWED");
            as(ctx, CHAIR, Role.ADMIN);
            int audit = ctx.audit().count();
            assertThatThrownBy(() -> ctx.cases().transition(b2, "approve", null, fields("approvedAmount", "1500")))
                    .isInstanceOfSatisfying(CaseRuleException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("case.cap.blocked");
                        assertThat(e.problems().get(0).args()).containsSubsequence("5000.00", "4000.00", "1500.00");
                    });
            unchanged(ctx, b2, "REVIEWED", 3, audit);
            assertThat(ctx.cases().transition(b2, "approve", null, fields("approvedAmount", "1000")).aidCase().state())
                    .isEqualTo("APPROVED");
            as(ctx, CLERK, Role.CLERK);
            assertThat(ctx.cases().previewWarnings(CaseType.MEDICAL_AID, m, fields("requestedAmount", "1")))
                    .extracting(Problem::messageKey).containsExactly("case.cap.wouldBlock");
        }
    }

    @Test
    void theSameHouseholdGettingTheSameProgrammeTwiceInOnePeriodIsWarned() {
        try (AppContext ctx = TestApp.open(dir)) {
            long husband = CaseFixture.member(ctx, "张三", "011");
            long wife = CaseFixture.member(ctx, "李梅", "022");
            long other = CaseFixture.member(ctx, "王五", "031");
            as(ctx, CLERK, Role.CLERK);
            ctx.hardship().create(new HardshipDraft(husband, HardshipEnums.Category.GENERAL,
                    HardshipEnums.Health.HEALTHY, null, HardshipEnums.WorkStatus.EMPLOYED, HardshipEnums.Housing.RENTED,
                    "苏州市", Money.ofFen(2000_00), HardshipEnums.Cause.LOW_INCOME, List.of(), null, null, null, null,
                    LocalDate.of(2026, 10, 1), null, List.of(new HouseholdMember("李梅", "配偶", CaseFixture.id("022"),
                            HardshipEnums.Health.HEALTHY, Money.ofFen(1800_00), "纺织厂"))));
            CaseService cs = ctx.cases();
            Map<String, String> spring = registration(CaseType.FESTIVAL_VISIT);
            assertThat(cs.register(CaseType.FESTIVAL_VISIT, husband, spring, null).warnings()).isEmpty();
            List<Problem> same = cs.register(CaseType.FESTIVAL_VISIT, husband, spring, null).warnings();
            assertThat(same).extracting(Problem::messageKey).containsExactly("case.duplicate.sameMember");
            List<Problem> household = cs.register(CaseType.FESTIVAL_VISIT, wife, spring, null).warnings();
            assertThat(household).extracting(Problem::messageKey).contains("case.duplicate.household");
            assertThat(household.get(0).args()).contains("张三", "2027年春节");
            assertThat(cs.register(CaseType.FESTIVAL_VISIT, other, spring, null).warnings()).isEmpty();
            Map<String, String> midAutumn = fields("summary", "中秋慰问", "programmePeriod", "2027年中秋");
            assertThat(cs.register(CaseType.FESTIVAL_VISIT, husband, midAutumn, null).warnings()).isEmpty();
            assertThat(cs.list(CaseService.CaseQuery.all())).hasSize(5);
        }
    }

    @Test
    void aCasePaidOnceCannotBePaidAgain() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            long id = CaseFixture.reviewedAidCase(ctx, CaseType.CONDOLENCE, m, "500");
            as(ctx, CHAIR, Role.ADMIN);
            ctx.cases().transition(id, "approve", null, fields("approvedAmount", "500"));
            Map<String, String> pay = fields("paidAmount", "500", "paymentMethod", "CASH", "paidOn", "2026-11-23");
            ctx.cases().transition(id, "pay", null, pay);
            int audit = ctx.audit().count();
            assertThatThrownBy(() -> ctx.cases().transition(id, "pay", null, pay))
                    .isInstanceOfSatisfying(CaseRuleException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("case.alreadyPaid");
                        assertThat(e.problems().get(0).args()).contains("2026-11-23");
                    });
            refused(() -> ctx.cases().update(id, fields("summary", "改"), null), "case.update.closed");
            unchanged(ctx, id, "PAID", 5, audit);
        }
    }

    @Test
    void badInputGivesAClearMessageAndWritesNothing() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            as(ctx, CLERK, Role.CLERK);
            int audit = ctx.audit().count();
            assertThatThrownBy(() -> ctx.cases().register(CaseType.LIVING_AID, m,
                    fields("summary", "困难", "requestedAmount", "12.345", "hospital", "x"), null))
                    .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.problems())
                            .extracting(Problem::messageKey).containsExactly("case.field.badMoney",
                                    "case.field.notForType"));
            refused(() -> ctx.cases().register(CaseType.LIVING_AID, m,
                    fields("summary", "困难", "approvedAmount", "100"), null), "case.field.setByStep");
            refused(() -> ctx.cases().register(CaseType.LIVING_AID, m, fields("summary", "  "), null),
                    "case.fieldsRequired");
            assertThatThrownBy(() -> ctx.cases().register(CaseType.LIVING_AID, 999_999L,
                    registration(CaseType.LIVING_AID), null)).isInstanceOf(cn.uniondesk.service.NotFoundException.class);
            assertThat(ctx.cases().list(CaseService.CaseQuery.all())).isEmpty();
            assertThat(ctx.audit().count()).isEqualTo(audit);
        }
    }

    @Test
    void theLedgerListsPaidCasesOfThePeriodWithMemberDepartmentAmountAndDate() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            long id = CaseFixture.reviewedAidCase(ctx, CaseType.LIVING_AID, m, "1200");
            CaseFixture.reviewedAidCase(ctx, CaseType.LIVING_AID, m, "300");
            as(ctx, CHAIR, Role.ADMIN);
            ctx.cases().transition(id, "approve", null, fields("approvedAmount", "1200"));
            ctx.cases().transition(id, "pay", null, fields("paidAmount", "1200", "paymentMethod", "CASH", "paidOn",
                    "2026-11-23"));
            List<LedgerRow> rows = ctx.cases().ledger(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.memberName()).isEqualTo("张三");
                assertThat(r.paid()).isEqualTo(Money.ofFen(1200_00));
                assertThat(r.paidOn()).isEqualTo(LocalDate.of(2026, 11, 23));
                assertThat(r.type()).isEqualTo(CaseType.LIVING_AID);
                assertThat(r.registeredBy()).isEqualTo(CLERK);
                assertThat(r.paidBy()).isEqualTo(CHAIR);
            });
            assertThat(ctx.cases().ledger(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))).isEmpty();
            refused(() -> ctx.cases().ledger(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 1)),
                    "case.ledger.badPeriod");
            assertThat(ctx.cases().memberCases(m)).hasSize(2);
        }
    }

    @Test
    void aUnionMayChangeAWorkflowWithoutCodeButNotBreakCasesInUse() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            as(ctx, CHAIR, Role.ADMIN);
            String json = CaseService.defaultWorkflows().source();
            // 送温暖 without the home visit: straight from 登记 to 审核, in its own workflow
            String quick = json.replace("\"workflows\": {", "\"workflows\": {\n \"quick\": {\"label\": {\"zh\": \"简易发放\"},"
                    + " \"initial\": \"REGISTERED\", \"states\": [{\"code\": \"REGISTERED\", \"label\": {\"zh\": \"登记\"}},"
                    + " {\"code\": \"APPROVED\", \"label\": {\"zh\": \"审批\"}, \"required\": [\"approvedAmount\"]},"
                    + " {\"code\": \"PAID\", \"label\": {\"zh\": \"发放\"}, \"final\": true}],"
                    + " \"transitions\": [{\"action\": \"approve\", \"label\": {\"zh\": \"审批\"}, \"from\": [\"REGISTERED\"],"
                    + " \"to\": \"APPROVED\", \"permission\": \"CASE_APPROVE\", \"kind\": \"APPROVE\"},"
                    + " {\"action\": \"pay\", \"label\": {\"zh\": \"发放\"}, \"from\": [\"APPROVED\"], \"to\": \"PAID\","
                    + " \"permission\": \"CASE_PAY\", \"kind\": \"PAY\"}]},")
                    .replace("\"FESTIVAL_VISIT\": {\"label\": {\"zh\": \"送温暖\", \"en\": \"Festival visit\"}, \"workflow\": \"aid\"",
                            "\"FESTIVAL_VISIT\": {\"label\": {\"zh\": \"送温暖\", \"en\": \"Festival visit\"}, \"workflow\": \"quick\"");
            assertThat(quick).contains("\"workflow\": \"quick\"");
            ctx.cases().saveWorkflows(quick);
            as(ctx, CLERK, Role.CLERK);
            long id = ctx.cases().register(CaseType.FESTIVAL_VISIT, m, registration(CaseType.FESTIVAL_VISIT), null)
                    .aidCase().id();
            as(ctx, CHAIR, Role.ADMIN);
            assertThat(ctx.cases().transition(id, "approve", null, fields("approvedAmount", "300")).aidCase().state())
                    .isEqualTo("APPROVED");
            refused(() -> ctx.cases().saveWorkflows(json), "case.workflow.stateInUse");
            refused(() -> ctx.cases().saveWorkflows(quick.replace("\"CASE_PAY\"", "\"CASE_PAID\"")),
                    "case.workflow.invalid");
            as(ctx, CLERK, Role.CLERK);
            assertThatThrownBy(() -> ctx.cases().saveWorkflows(quick)).isInstanceOf(PermissionDeniedException.class);
        }
        try (AppContext ctx = TestApp.open(dir)) {
            assertThat(ctx.cases().workflows().type(CaseType.FESTIVAL_VISIT).workflow()).isEqualTo("quick");
        }
    }
}
