package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored case (帮扶救助或案件): its number, type, workflow and state, the member, the fields kept
 * in columns (amounts in 分, payment, outcome) and the type's own fields ({@code details}, as text
 * keyed by field name).
 */
public record AidCase(long id, String caseNo, CaseType type, String workflow, String state, long memberId,
        String summary, String subkind, String programmePeriod, Money requested, Money approved, LocalDate approvedOn,
        Money paid, String paymentMethod, LocalDate paidOn, String paidBy, String outcome, Map<String, String> details,
        String registeredBy, LocalDate registeredOn, LocalDateTime registeredAt, LocalDateTime updatedAt) {

    public AidCase {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** True once the payment has been recorded. */
    public boolean isPaid() {
        return paidOn != null;
    }

    /** Every field value, typed (column fields and details parsed by their definitions). */
    public Map<String, Object> values(WorkflowBook book) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(CaseFields.SUMMARY, summary);
        v.put(CaseFields.SUBKIND, subkind);
        v.put(CaseFields.PROGRAMME_PERIOD, programmePeriod);
        v.put(CaseFields.REQUESTED_AMOUNT, requested);
        v.put(CaseFields.APPROVED_AMOUNT, approved);
        v.put(CaseFields.PAID_AMOUNT, paid);
        v.put(CaseFields.PAYMENT_METHOD, paymentMethod);
        v.put(CaseFields.PAID_ON, paidOn);
        v.put(CaseFields.OUTCOME, outcome);
        for (Map.Entry<String, String> e : details.entrySet()) {
            FieldDef f = book.fields().get(e.getKey());
            Object parsed = e.getValue();
            if (f != null) {
                try {
                    parsed = f.parse(e.getValue());
                } catch (CaseRuleException ex) {
                    parsed = e.getValue(); // a definition changed since: keep the stored text
                }
            }
            v.put(e.getKey(), parsed);
        }
        return v;
    }

    /** A copy with {@code values} applied: column fields to their columns, the rest to details. */
    public AidCase with(Map<String, Object> values) {
        Map<String, String> d = new HashMap<>(details);
        String sum = summary;
        String sub = subkind;
        String prog = programmePeriod;
        Money req = requested;
        Money appr = approved;
        Money pd = paid;
        String method = paymentMethod;
        LocalDate on = paidOn;
        String out = outcome;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object val = e.getValue();
            switch (e.getKey()) {
                case CaseFields.SUMMARY: sum = (String) val; break;
                case CaseFields.SUBKIND: sub = (String) val; break;
                case CaseFields.PROGRAMME_PERIOD: prog = (String) val; break;
                case CaseFields.REQUESTED_AMOUNT: req = (Money) val; break;
                case CaseFields.APPROVED_AMOUNT: appr = (Money) val; break;
                case CaseFields.PAID_AMOUNT: pd = (Money) val; break;
                case CaseFields.PAYMENT_METHOD: method = (String) val; break;
                case CaseFields.PAID_ON: on = (LocalDate) val; break;
                case CaseFields.OUTCOME: out = (String) val; break;
                default:
                    if (val == null) {
                        d.remove(e.getKey());
                    } else {
                        d.put(e.getKey(), FieldDef.format(val));
                    }
            }
        }
        return new AidCase(id, caseNo, type, workflow, state, memberId, sum, sub, prog, req, appr, approvedOn, pd,
                method, on, paidBy, out, d, registeredBy, registeredOn, registeredAt, updatedAt);
    }

    public AidCase withState(String newState, LocalDate newApprovedOn, String newPaidBy, LocalDateTime at) {
        return new AidCase(id, caseNo, type, workflow, newState, memberId, summary, subkind, programmePeriod,
                requested, approved, newApprovedOn, paid, paymentMethod, paidOn, newPaidBy, outcome, details,
                registeredBy, registeredOn, registeredAt, at);
    }
}
