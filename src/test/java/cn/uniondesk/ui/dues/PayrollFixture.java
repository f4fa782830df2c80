package cn.uniondesk.ui.dues;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.dues.Charge;
import cn.uniondesk.excel.PayrollSheet;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A payroll deduction sheet for a rolled month of the demo union, written with {@link PayrollSheet}
 * as payroll would send it, holding one of each mismatch: {@code less} deducted 1 yuan short,
 * {@code more} 1 yuan over, {@code missing} left out, {@code twice} listed twice, and a person who
 * is not a member.
 */
record PayrollFixture(Path file, long less, long more, long missing, long twice, long matchedFen, int matchedCount,
        long lessDeductedFen, long moreDeductedFen, long strangerFen, long twiceFen) {
    static final String STRANGER = "外包人员";
    static final String STRANGER_ID = IdNumber.parse(cn.uniondesk.ui.TestData.validId("11010519900101001"))
            .value();

    static PayrollFixture write(AppContext ctx, YearMonth month, Path file) {
        Map<Long, Long> due = new TreeMap<>();
        for (Charge c : ctx.dues().monthCharges(month)) {
            due.merge(c.memberId(), c.amountFen(), Long::sum);
        }
        List<Long> payers = due.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        List<Long> picks = due.entrySet().stream().filter(e -> e.getValue() > 200).map(Map.Entry::getKey).toList();
        long less = picks.get(0);
        long more = picks.get(1);
        long missing = picks.get(2);
        long twice = picks.get(3);
        List<PayrollSheet.Line> lines = new ArrayList<>();
        long matched = 0;
        int matchedCount = 0;
        for (long id : payers) {
            if (id == missing) {
                continue;
            }
            Member m = ctx.members().get(id);
            long fen = due.get(id);
            if (id == less) {
                fen -= 100;
            } else if (id == more) {
                fen += 100;
            } else {
                matched += fen;
                matchedCount++;
            }
            lines.add(new PayrollSheet.Line(0, m.name(), m.idNumber().value(), m.cardNo(), fen));
            if (id == twice) {
                lines.add(new PayrollSheet.Line(0, m.name(), m.idNumber().value(), m.cardNo(), fen));
            }
        }
        lines.add(new PayrollSheet.Line(0, STRANGER, STRANGER_ID, "", 2000));
        PayrollSheet.write(month + " 工资代扣会费明细", lines, file);
        return new PayrollFixture(file, less, more, missing, twice, matched, matchedCount, due.get(less) - 100,
                due.get(more) + 100, 2000, due.get(twice));
    }
}
