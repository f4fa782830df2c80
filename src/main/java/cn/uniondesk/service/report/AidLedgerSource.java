package cn.uniondesk.service.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the 帮扶救助台账 gets its figures: the aid cases of a period, by type and department.
 * The cases module provides the real source; until it is wired, {@link #NONE} says that no cases
 * are recorded, and the ledger sheet says so.
 */
@FunctionalInterface
public interface AidLedgerSource {
    AidLedger ledger(LocalDate from, LocalDate to);

    /** No cases module: an empty ledger marked as not recorded. */
    AidLedgerSource NONE = (from, to) -> new AidLedger(from, to, false, List.of());

    /**
     * The aid paid in a period. {@code recorded} is false when no case data exists at all (the
     * module is not in use), as opposed to a period in which no aid was paid.
     */
    record AidLedger(LocalDate from, LocalDate to, boolean recorded, List<Row> rows) {
        public AidLedger {
            rows = List.copyOf(rows);
        }

        public int cases() {
            return rows.stream().mapToInt(Row::cases).sum();
        }

        public int people() {
            return rows.stream().mapToInt(Row::people).sum();
        }

        public long amountFen() {
            return rows.stream().mapToLong(Row::amountFen).sum();
        }
    }

    /** One line of the ledger: a programme type (e.g. 生活救助) in a department. */
    record Row(String type, String department, int cases, int people, long amountFen) {
    }
}
