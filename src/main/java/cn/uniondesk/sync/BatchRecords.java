package cn.uniondesk.sync;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The lines of the data files (UTF-8 JSON Lines), one record type per file. Only what the upper
 * level needs: no mobile numbers, wages, notes or bank accounts; the ID number only in member
 * changes that move a person in or out (实名制 transfer) and in the full snapshot. Amounts are
 * integer 分. See docs/batch-format.md.
 */
public final class BatchRecords {
    public static final String MEMBER_CHANGES = "member_changes.jsonl";
    public static final String MEMBER_SNAPSHOT = "member_snapshot.jsonl";
    public static final String DUES_SUMMARY = "dues_summary.jsonl";
    public static final String FUND_SUMMARY = "fund_summary.jsonl";
    public static final String AID_LEDGER = "aid_ledger.jsonl";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";

    private BatchRecords() {
    }

    /** One lifecycle event in the period (入会, 转入, 转出, 退会, 退休, 去世). */
    @JsonPropertyOrder({"eventId", "memberId", "cardNo", "name", "gender", "idNumber", "type", "date", "statusBefore",
        "statusAfter", "counterpartUnion", "referenceNo", "reason"})
    public record MemberChange(long eventId, long memberId, String cardNo, String name, String gender,
            String idNumber, String type, String date, String statusBefore, String statusAfter,
            String counterpartUnion, String referenceNo, String reason) {
    }

    /** A member holding membership at the end of the period (full snapshot, when asked). */
    @JsonPropertyOrder({"memberId", "cardNo", "name", "gender", "idNumber", "department", "status", "joinDate",
        "employmentType", "migrantWorker", "householdType", "hardship"})
    public record MemberSnapshot(long memberId, String cardNo, String name, String gender, String idNumber,
            String department, String status, String joinDate, String employmentType, boolean migrantWorker,
            String householdType, boolean hardship) {
    }

    /** 会费 by department: members holding membership at the period's end, due, paid, outstanding. */
    @JsonPropertyOrder({"department", "members", "dueMembers", "dueFen", "paidMembers", "paidFen", "outstandingFen"})
    public record DuesSummary(String department, int members, int dueMembers, long dueFen, int paidMembers,
            long paidFen, long outstandingFen) {
    }

    /** 工会经费 of the period (no line when none was recorded). */
    @JsonPropertyOrder({"payrollTotalFen", "dueFen", "receivedFen", "remittedFen", "upperShareBp", "upperShareFen"})
    public record FundSummary(long payrollTotalFen, long dueFen, long receivedFen, long remittedFen, int upperShareBp,
            long upperShareFen) {
    }

    /** One aid payment (帮扶救助台账) of the period. */
    @JsonPropertyOrder({"caseNo", "type", "memberId", "amountFen", "paidOn", "status"})
    public record AidLedger(String caseNo, String type, long memberId, long amountFen, String paidOn, String status) {
    }
}
