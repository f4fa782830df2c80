package cn.uniondesk.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Role;
import cn.uniondesk.service.CaseService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowBookTest {
    static final WorkflowBook BOOK = CaseService.defaultWorkflows();
    static final CaseStateMachine SM = new CaseStateMachine(BOOK);
    static final Actor CLERK = new Actor("clerk", Role.CLERK);
    static final Actor CHAIR = new Actor("chair", Role.ADMIN);
    static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR);

    static String key(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
        try {
            c.call();
        } catch (CaseRuleException e) {
            return e.messageKey();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        throw new AssertionError("not refused");
    }

    static List<String> actions(CaseType t, String state, Actor a, String registeredBy) {
        return SM.allowedActions(t, state, a, registeredBy).stream().map(Transition::action).toList();
    }

    @Test
    void everyDefaultTypeHasALabelAWorkflowAndTheIssuesDefaultStates() {
        for (CaseType t : CaseType.values()) {
            assertThat(BOOK.typeLabel(t).zh()).isNotBlank();
            assertThat(BOOK.workflowOf(t)).isNotNull();
        }
        assertThat(BOOK.workflowOf(CaseType.LIVING_AID).states().stream().map(s -> s.label().zh()))
                .containsExactly("登记", "核实", "审核", "审批", "驳回", "发放", "归档");
        assertThat(BOOK.workflowOf(CaseType.LABOUR_DISPUTE).states().stream().map(s -> s.label().zh()))
                .containsExactly("受理", "调解", "仲裁", "诉讼", "结案");
        assertThat(BOOK.typeLabel(CaseType.EDUCATION_AID).zh()).isEqualTo("助学(金秋助学)");
        assertThat(BOOK.field("subkind").options().stream().map(o -> o.label().zh()))
                .containsExactly("患病住院", "生育", "结婚", "丧事");
    }

    @Test
    void aidWorkflowsLetTheClerkDoTheGroundworkAndOnlyAnotherApproverDecide() {
        for (CaseType t : List.of(CaseType.LIVING_AID, CaseType.MEDICAL_AID, CaseType.EDUCATION_AID,
                CaseType.FESTIVAL_VISIT, CaseType.CONDOLENCE)) {
            assertThat(actions(t, "REGISTERED", CLERK, "clerk")).as(t.name()).containsExactly("verify");
            assertThat(actions(t, "VERIFIED", CLERK, "clerk")).as(t.name()).containsExactly("review");
            assertThat(actions(t, "REVIEWED", CLERK, "clerk")).as(t.name()).isEmpty();
            assertThat(actions(t, "REVIEWED", CHAIR, "clerk")).as(t.name()).containsExactly("approve", "reject");
            assertThat(actions(t, "REVIEWED", CHAIR, "chair")).as("own case " + t).isEmpty();
            assertThat(actions(t, "APPROVED", CLERK, "other")).as(t.name()).containsExactly("pay");
            assertThat(actions(t, "APPROVED", CLERK, "clerk")).as("own case " + t).isEmpty();
            assertThat(actions(t, "PAID", CLERK, "clerk")).as(t.name()).containsExactly("close");
            assertThat(actions(t, "CLOSED", CHAIR, "clerk")).as(t.name()).isEmpty();
            assertThat(actions(t, "REGISTERED", AUDITOR, "x")).as(t.name()).isEmpty();
        }
    }

    @Test
    void disputeLegalAndComplaintWorkflowsByRole() {
        assertThat(actions(CaseType.LABOUR_DISPUTE, "ACCEPTED", CLERK, "clerk")).containsExactly("mediate", "conclude");
        assertThat(actions(CaseType.LABOUR_DISPUTE, "MEDIATION", CLERK, "clerk"))
                .containsExactly("arbitrate", "litigate", "conclude");
        assertThat(actions(CaseType.LABOUR_DISPUTE, "ARBITRATION", CLERK, "clerk")).containsExactly("litigate",
                "conclude");
        assertThat(actions(CaseType.LABOUR_DISPUTE, "MEDIATION", AUDITOR, "clerk")).isEmpty();
        assertThat(actions(CaseType.LEGAL_AID, "ACCEPTED", CLERK, "clerk")).isEmpty();
        assertThat(actions(CaseType.LEGAL_AID, "ACCEPTED", CHAIR, "clerk")).containsExactly("approve", "reject");
        assertThat(actions(CaseType.LEGAL_AID, "ACCEPTED", CHAIR, "chair")).isEmpty();
        assertThat(actions(CaseType.COMPLAINT, "ANSWERED", CLERK, "x")).isEmpty();
        assertThat(actions(CaseType.COMPLAINT, "ANSWERED", CHAIR, "chair")).containsExactly("close");
    }

    @Test
    void refusalsSayWhy() {
        Map<String, Object> v = new HashMap<>(Map.of("approvedAmount", Money.ofFen(100_00)));
        assertThat(key(() -> SM.check(CaseType.LIVING_AID, "REVIEWED", "approve", CLERK, "other", v, null))).isEqualTo("case.action.notPermitted");
        assertThat(key(() -> SM.check(CaseType.LIVING_AID, "REVIEWED", "approve", CHAIR, "chair", v, null))).isEqualTo("case.action.ownCase");
        assertThat(key(() -> SM.check(CaseType.LIVING_AID, "REGISTERED", "pay", CHAIR, "x", v, null))).isEqualTo("case.action.notFromState");
        assertThat(key(() -> SM.check(CaseType.LIVING_AID, "REVIEWED", "reject", CHAIR, "x", v, " "))).isEqualTo("case.action.commentRequired");
        assertThatThrownBy(() -> SM.check(CaseType.LIVING_AID, "REVIEWED", "approve", CHAIR, "x", Map.of(), null))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("case.fieldsRequired");
                    assertThat(e.problems().get(0).args()).contains(List.of(new Label("核定金额", "Amount approved")));
                });
        assertThat(SM.check(CaseType.LIVING_AID, "REVIEWED", "approve", CHAIR, "x", v, null).to()).isEqualTo("APPROVED");
    }

    @Test
    void requiredFieldsCombineTheWorkflowAndTheType() {
        assertThat(BOOK.requiredIn(CaseType.MEDICAL_AID, "REGISTERED")).containsExactly("summary", "hospital",
                "diagnosis");
        assertThat(BOOK.requiredIn(CaseType.MEDICAL_AID, "REVIEWED")).containsExactly("requestedAmount", "medicalCost");
        assertThat(BOOK.requiredIn(CaseType.CONDOLENCE, "REGISTERED")).containsExactly("summary", "subkind");
        assertThat(BOOK.requiredIn(CaseType.FESTIVAL_VISIT, "REGISTERED")).containsExactly("summary", "programmePeriod");
        assertThat(BOOK.requiredIn(CaseType.LIVING_AID, "PAID")).containsExactly("paidAmount", "paymentMethod", "paidOn");
        assertThat(BOOK.requiredIn(CaseType.LABOUR_DISPUTE, "CONCLUDED")).containsExactly("outcome");
    }

    @Test
    void aBrokenDefinitionIsRefusedWithTheReason() {
        String good = BOOK.source();
        assertThatThrownBy(() -> WorkflowBook.parse(good.replace("\"to\": \"APPROVED\", \"permission\": \"CASE_APPROVE\", \"kind\": \"APPROVE\"",
                "\"to\": \"APROVED\", \"permission\": \"CASE_APPROVE\", \"kind\": \"APPROVE\"")))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("case.workflow.invalid");
                    assertThat(e.problems().get(0).args().get(0).toString()).contains("APROVED");
                });
        assertThatThrownBy(() -> WorkflowBook.parse(good.replace("\"permission\": \"CASE_PAY\", \"kind\": \"PAY\"",
                "\"permission\": \"CASE_WRITE\", \"kind\": \"PAY\"")))
                .hasMessageContaining("CASE_PAY");
        assertThatThrownBy(() -> WorkflowBook.parse("{")).hasMessageContaining("case.workflow.invalid");
        assertThatThrownBy(() -> WorkflowBook.parse(good.replace("\"COMPLAINT\":", "\"GRIEVANCE\":")))
                .hasMessageContaining("GRIEVANCE");
    }

    @Test
    void fieldValuesAreParsedWithClearMessages() {
        FieldDef money = BOOK.field("requestedAmount");
        assertThat(money.parse("1,200.50")).isEqualTo(Money.ofFen(120050));
        assertThat(key(() -> money.parse("12.345"))).isEqualTo("case.field.badMoney");
        assertThat(BOOK.field("subkind").parse("丧事")).isEqualTo("BEREAVEMENT");
        assertThat(key(() -> BOOK.field("subkind").parse("乔迁"))).isEqualTo("case.field.badChoice");
        assertThat(key(() -> BOOK.field("paidOn").parse("2026/13/01"))).isEqualTo("case.field.badDate");
    }

    @Test
    void eligibilityUsesTheLineAndTheFiftyPercentBandWithAQualifyingCause() {
        long line = 1000_00;
        List<HardshipEnums.Cause> illness = List.of(HardshipEnums.Cause.ILLNESS);
        List<HardshipEnums.Cause> lowIncome = List.of(HardshipEnums.Cause.LOW_INCOME);
        assertThat(Eligibility.assess(Money.ofFen(3000_00), 3, line, lowIncome).verdict())
                .isEqualTo(Eligibility.Verdict.BELOW_LINE);
        assertThat(Eligibility.assess(Money.ofFen(4500_00), 3, line, illness).verdict())
                .isEqualTo(Eligibility.Verdict.WITHIN_BAND);
        assertThat(Eligibility.assess(Money.ofFen(4500_00), 3, line, lowIncome).verdict())
                .isEqualTo(Eligibility.Verdict.NOT_ELIGIBLE);
        assertThat(Eligibility.assess(Money.ofFen(4500_03), 3, line, illness).verdict())
                .isEqualTo(Eligibility.Verdict.NOT_ELIGIBLE);
        assertThat(Eligibility.assess(Money.ofFen(4500_00), 3, null, illness).verdict())
                .isEqualTo(Eligibility.Verdict.NO_LINE);
        assertThat(Eligibility.assess(Money.ofFen(1000_00), 3, line, illness).incomePerHead())
                .isEqualTo(Money.ofFen(333_33));
    }
}
