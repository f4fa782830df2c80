package cn.uniondesk.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Consumer;

/**
 * Where a monthly batch reads the aid ledger (帮扶救助台账) from: the aid payments made in a month.
 * The aid cases feature implements it; until it is wired, {@link #none()} gives an empty ledger
 * (the file is still in the package, with 0 records).
 */
@FunctionalInterface
public interface AidLedgerSource {
    /** One aid payment: case number, programme type (e.g. MEDICAL), member, amount in 分, date, case state. */
    record AidPayment(String caseNo, String type, long memberId, long amountFen, LocalDate paidOn, String status) {
    }

    /** Hands every aid payment dated in {@code month} to {@code sink}, in a stable order. */
    void forEachPayment(YearMonth month, Consumer<AidPayment> sink);

    static AidLedgerSource none() {
        return (month, sink) -> { };
    }
}
