package cn.uniondesk.service.report;

import cn.uniondesk.domain.cases.AidCase;
import cn.uniondesk.domain.cases.CaseRow;
import cn.uniondesk.domain.cases.LedgerRow;
import cn.uniondesk.domain.cases.WorkflowBook;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.service.HardshipService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The aid cases as the reports and the dashboard see them: the ledger of a period, the open cases. */
public final class CaseReportSources {
    private CaseReportSources() {
    }

    /** 帮扶救助台账 figures: the cases paid in the period, by type and department. */
    public static AidLedgerSource ledger(CaseService cases) {
        return (from, to) -> {
            Map<List<String>, long[]> sums = new LinkedHashMap<>();
            Map<List<String>, Set<String>> people = new LinkedHashMap<>();
            WorkflowBook book = cases.workflows();
            for (LedgerRow r : cases.ledger(from, to)) {
                List<String> key = List.of(book.type(r.type()).label().zh(),
                        r.department() == null ? "" : r.department());
                long[] s = sums.computeIfAbsent(key, k -> new long[2]);
                s[0]++;
                s[1] += r.paid() == null ? 0 : r.paid().fen();
                people.computeIfAbsent(key, k -> new HashSet<>()).add(r.cardNo() + "|" + r.memberName());
            }
            List<AidLedgerSource.Row> rows = new ArrayList<>();
            sums.forEach((k, s) -> rows.add(new AidLedgerSource.Row(k.get(0), k.get(1), (int) s[0],
                    people.get(k).size(), s[1])));
            return new AidLedgerSource.AidLedger(from, to, true, rows);
        };
    }

    /** The dashboard's case figures: open cases by state, waiting for me, aid paid this year, reviews due. */
    public static CaseFigures figures(CaseService cases, HardshipService hardship) {
        return (operator, today) -> {
            WorkflowBook book = cases.workflows();
            Map<String, Integer> open = new LinkedHashMap<>();
            for (CaseRow r : cases.list(CaseService.CaseQuery.all())) {
                AidCase c = r.aidCase();
                var state = book.workflowOf(c.type()).state(c.state());
                if (state.isPresent() && !state.get().terminal()) {
                    open.merge(state.get().label().zh(), 1, Integer::sum);
                }
            }
            int waiting = cases.list(new CaseService.CaseQuery(null, null, null, null, null, true, null)).size();
            Map<String, Long> paid = new LinkedHashMap<>();
            for (LedgerRow r : cases.ledger(LocalDate.of(today.getYear(), 1, 1), today)) {
                paid.merge(book.type(r.type()).label().zh(), r.paid() == null ? 0 : r.paid().fen(), Long::sum);
            }
            var due = hardship.dueForReview(30);
            LocalDate next = due.stream().map(f -> f.nextReviewDue()).filter(d -> d != null).min(LocalDate::compareTo)
                    .orElse(null);
            return new CaseFigures.Summary(true, open, waiting, paid, due.size(), next);
        };
    }
}
