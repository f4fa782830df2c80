package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.Money;
import java.time.LocalDate;

/** One line of the aid ledger (帮扶救助台账): a paid case. */
public record LedgerRow(long caseId, String caseNo, CaseType type, String subkind, String memberName, String cardNo,
        String department, Money approved, Money paid, LocalDate paidOn, String paymentMethod, String registeredBy,
        String paidBy) {
}
