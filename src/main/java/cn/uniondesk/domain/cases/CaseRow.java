package cn.uniondesk.domain.cases;

/** A case with the member's name, card number and department, as lists and ledgers show it. */
public record CaseRow(AidCase aidCase, String memberName, String cardNo, Long departmentId, String department) {
}
