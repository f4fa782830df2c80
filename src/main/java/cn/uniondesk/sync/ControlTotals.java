package cn.uniondesk.sync;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Control totals: figures the upper level books, each recomputable from the data files. The writer
 * and the verifier both compute them with {@link Accumulator}: the writer from the records it
 * writes ({@link Accumulator#acceptRecord}), the verifier from the JSON of each line read back.
 * {@code snapshotMembers} is null when the package has no snapshot.
 */
@JsonPropertyOrder({"memberCount", "memberChanges", "joined", "left", "snapshotMembers", "duesDueFen", "duesPaidFen",
    "duesOutstandingFen", "fundPayrollFen", "fundReceivedFen", "fundRemittedFen", "aidCases", "aidPaidFen"})
public record ControlTotals(long memberCount, long memberChanges, long joined, long left, Long snapshotMembers,
        long duesDueFen, long duesPaidFen, long duesOutstandingFen, long fundPayrollFen, long fundReceivedFen,
        long fundRemittedFen, long aidCases, long aidPaidFen) {

    static final Set<String> JOIN_TYPES = Set.of("JOIN", "TRANSFER_IN");
    static final Set<String> LEAVE_TYPES = Set.of("TRANSFER_OUT", "LEAVE", "DECEASE");

    /** Adds up lines as they are written or read. */
    public static final class Accumulator {
        private long memberCount;
        private long memberChanges;
        private long joined;
        private long left;
        private long snapshot;
        private boolean hasSnapshot;
        private long due;
        private long paid;
        private long outstanding;
        private long payroll;
        private long received;
        private long remitted;
        private long aidCases;
        private long aidPaid;

        /** Marks that the package carries a snapshot file (even an empty one). */
        public void snapshotPresent() {
            hasSnapshot = true;
        }

        /**
         * @throws IllegalArgumentException when a line lacks a field the totals need
         */
        public void accept(String file, JsonNode line) {
            switch (file) {
                case BatchRecords.MEMBER_CHANGES:
                    memberChanges++;
                    String type = text(line, "type");
                    if (JOIN_TYPES.contains(type)) {
                        joined++;
                    } else if (LEAVE_TYPES.contains(type)) {
                        left++;
                    }
                    break;
                case BatchRecords.MEMBER_SNAPSHOT:
                    hasSnapshot = true;
                    snapshot++;
                    break;
                case BatchRecords.DUES_SUMMARY:
                    memberCount += number(line, "members");
                    due += number(line, "dueFen");
                    paid += number(line, "paidFen");
                    outstanding += number(line, "outstandingFen");
                    break;
                case BatchRecords.FUND_SUMMARY:
                    payroll += number(line, "payrollTotalFen");
                    received += number(line, "receivedFen");
                    remitted += number(line, "remittedFen");
                    break;
                case BatchRecords.AID_LEDGER:
                    aidCases++;
                    aidPaid += number(line, "amountFen");
                    break;
                default:
                    break;
            }
        }

        /**
         * The same sums from a record as it is written into {@code file} (its fields are what its
         * JSON line says), so the writer needs no JSON tree per line. A record of another type than
         * the file holds is read through its JSON, as the verifier will read it.
         */
        public void acceptRecord(String file, Object record) {
            switch (file) {
                case BatchRecords.MEMBER_CHANGES:
                    if (record instanceof BatchRecords.MemberChange c && c.type() != null) {
                        memberChanges++;
                        if (JOIN_TYPES.contains(c.type())) {
                            joined++;
                        } else if (LEAVE_TYPES.contains(c.type())) {
                            left++;
                        }
                        return;
                    }
                    break;
                case BatchRecords.MEMBER_SNAPSHOT:
                    hasSnapshot = true;
                    snapshot++;
                    return;
                case BatchRecords.DUES_SUMMARY:
                    if (record instanceof BatchRecords.DuesSummary d) {
                        memberCount += d.members();
                        due += d.dueFen();
                        paid += d.paidFen();
                        outstanding += d.outstandingFen();
                        return;
                    }
                    break;
                case BatchRecords.FUND_SUMMARY:
                    if (record instanceof BatchRecords.FundSummary f) {
                        payroll += f.payrollTotalFen();
                        received += f.receivedFen();
                        remitted += f.remittedFen();
                        return;
                    }
                    break;
                case BatchRecords.AID_LEDGER:
                    if (record instanceof BatchRecords.AidLedger a) {
                        aidCases++;
                        aidPaid += a.amountFen();
                        return;
                    }
                    break;
                default:
                    return;
            }
            accept(file, BatchJson.MAPPER.valueToTree(record));
        }

        public ControlTotals totals() {
            return new ControlTotals(memberCount, memberChanges, joined, left, hasSnapshot ? snapshot : null, due,
                    paid, outstanding, payroll, received, remitted, aidCases, aidPaid);
        }

        private static String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.isTextual()) {
                throw new IllegalArgumentException("field " + field + " missing or not text");
            }
            return v.asText();
        }

        private static long number(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException("field " + field + " missing or not an integer");
            }
            return v.asLong();
        }
    }
}
