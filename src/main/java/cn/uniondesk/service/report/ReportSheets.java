package cn.uniondesk.service.report;

import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.report.AgeBand;
import cn.uniondesk.domain.report.PeriodCounts;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.report.ReportSheet.Block;
import cn.uniondesk.service.report.ReportSheet.Check;
import cn.uniondesk.service.report.ReportSheet.Checks;
import cn.uniondesk.service.report.ReportSheet.Column;
import cn.uniondesk.service.report.ReportSheet.Fields;
import cn.uniondesk.service.report.ReportSheet.Note;
import cn.uniondesk.service.report.ReportSheet.Table;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns report figures into sheets (Chinese, as the forms upward are). */
final class ReportSheets {
    static final String NO_DEPARTMENT = "（未分部门）";

    private ReportSheets() {
    }

    static String period(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    static String deptLabel(String d) {
        return d == null || d.isEmpty() ? NO_DEPARTMENT : d;
    }

    // --- 会员统计 -----------------------------------------------------------------------------------

    static List<Object> membershipRow(String label, PeriodCounts c) {
        List<Object> r = new ArrayList<>(List.of(label, c.start(), c.joined(), c.transferredIn(), c.transferredOut(),
                c.left(), c.deceased(), c.end(), c.women(), c.migrantWorkers()));
        for (AgeBand b : AgeBand.values()) {
            r.add(c.ageBand(b));
        }
        return r;
    }

    static Table membershipTable(String caption, MembershipReport m) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, PeriodCounts> e : m.departments().entrySet()) {
            rows.add(membershipRow(deptLabel(e.getKey()), e.getValue()));
        }
        return new Table(caption, ReportCatalog.MEMBERSHIP_COLUMNS, rows, membershipRow("合计", m.total()));
    }

    static List<Check> membershipChecks(MembershipReport m, String startWord, String endWord) {
        PeriodCounts t = m.total();
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(startWord + " + 入会 + 转入 − 转出 − 退会 − 去世 = " + endWord,
                t.start() + " + " + t.joined() + " + " + t.transferredIn() + " − " + t.transferredOut() + " − "
                        + t.left() + " − " + t.deceased() + " = " + t.expectedEnd() + "；" + endWord + " " + t.end(),
                t.balanced()));
        List<String> bad = m.unbalancedDepartments();
        checks.add(new Check("各部门：" + startWord + " + 变动 = " + endWord,
                bad.isEmpty() ? "全部相符" : "不相符：" + String.join("、", bad.stream().map(ReportSheets::deptLabel).toList()),
                bad.isEmpty()));
        checks.add(new Check("各年龄段之和 = " + endWord, t.ageBandTotal() + " = " + t.end(), t.ageBandTotal() == t.end()));
        checks.add(new Check("女性、农民工不多于" + endWord, t.women() + "、" + t.migrantWorkers() + " ≤ " + t.end(),
                t.women() <= t.end() && t.migrantWorkers() <= t.end()));
        return checks;
    }

    static ReportSheet membership(String union, String period, MembershipReport m) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(membershipTable(null, m));
        blocks.add(new Checks(membershipChecks(m, "期初", "期末")));
        blocks.add(new Note("说明：期初为上月末在册会员（含退休保留会籍），期末为本月末；按会员事件的日期统计；"
                + "部门为会员当前所在部门；年龄按本月末计算。"));
        return new ReportSheet(ReportCatalog.MEMBERSHIP, "会员统计月报", union, "统计期：" + period, true, blocks, true);
    }

    // --- 会费收缴 -----------------------------------------------------------------------------------

    static ReportSheet dues(String union, String period, DuesService.MonthlyReport r) {
        List<List<Object>> rows = new ArrayList<>();
        long due = 0;
        long paid = 0;
        long outstanding = 0;
        int dueMembers = 0;
        int paidMembers = 0;
        for (DuesService.DepartmentTotals d : r.departments()) {
            rows.add(List.of(deptLabel(d.department()), d.dueMembers(), Money.ofFen(d.dueFen()), d.paidMembers(),
                    Money.ofFen(d.paidFen()), Money.ofFen(d.outstandingFen()), new Percent(d.rateBp())));
            due += d.dueFen();
            paid += d.paidFen();
            outstanding += d.outstandingFen();
            dueMembers += d.dueMembers();
            paidMembers += d.paidMembers();
        }
        DuesService.Collection c = r.totals();
        // the total row is the sum of the rows (what the workbook's formulas compute); the checks
        // below compare it with the month's totals read on their own
        List<Object> totals = List.of("合计", dueMembers, Money.ofFen(due), paidMembers, Money.ofFen(paid),
                Money.ofFen(outstanding), Percent.of(Math.min(paid, due), due));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(null, ReportCatalog.DUES_COLUMNS, rows, totals));
        blocks.add(new Checks(List.of(
                new Check("各部门应缴之和 = 应缴合计", Money.ofFen(due).toYuanString() + " = "
                        + Money.ofFen(c.dueFen()).toYuanString(), due == c.dueFen()),
                new Check("各部门实缴之和 = 实缴合计", Money.ofFen(paid).toYuanString() + " = "
                        + Money.ofFen(c.paidFen()).toYuanString(), paid == c.paidFen()))));
        blocks.add(new Note("说明：应缴为本月会费（含补交）；实缴为本月内收到的会费；累计欠缴截至本月末，为本月有应缴或实缴的会员所欠；"
                + "收缴率 = 实缴 ÷ 应缴。"));
        return new ReportSheet(ReportCatalog.DUES, "会费收缴月报", union, "统计期：" + period, false, blocks, true);
    }

    // --- 工会经费 -----------------------------------------------------------------------------------

    static ReportSheet fund(String union, String period, YearMonth month, List<DuesService.Fund> months) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> wrongDue = new ArrayList<>();
        long[] t = new long[6];
        for (DuesService.Fund f : months) {
            boolean recorded = f.payrollTotalFen() != 0 || f.receivedFen() != 0 || f.dueFen() != 0;
            if (!recorded) {
                missing.add(f.month().getMonthValue() + "月");
            }
            if (f.dueFen() != f.payrollTotalFen() * 2 / 100) {
                wrongDue.add(f.month().getMonthValue() + "月");
            }
            long upper = f.upperShareFen();
            rows.add(List.of(period(f.month()), Money.ofFen(f.payrollTotalFen()), Money.ofFen(f.dueFen()),
                    Money.ofFen(f.receivedFen()), recorded ? new Percent(f.upperShareBp()).toString() : "未录入",
                    Money.ofFen(upper), Money.ofFen(f.remittedFen()), Money.ofFen(f.receivedFen() - upper)));
            t[0] += f.payrollTotalFen();
            t[1] += f.dueFen();
            t[2] += f.receivedFen();
            t[3] += upper;
            t[4] += f.remittedFen();
            t[5] += f.receivedFen() - upper;
        }
        List<Object> totals = new ArrayList<>(List.of(month.getYear() + "年累计", Money.ofFen(t[0]), Money.ofFen(t[1]),
                Money.ofFen(t[2])));
        totals.add(null);
        totals.addAll(List.of(Money.ofFen(t[3]), Money.ofFen(t[4]), Money.ofFen(t[5])));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(null, ReportCatalog.FUND_COLUMNS, rows, totals));
        blocks.add(new Checks(List.of(
                new Check("应拨缴 = 工资总额 × 2%", wrongDue.isEmpty() ? "各月相符" : "不相符：" + String.join("、", wrongDue),
                        wrongDue.isEmpty()),
                new Check("已上解不多于实收", Money.ofFen(t[4]).toYuanString() + " ≤ " + Money.ofFen(t[2]).toYuanString(),
                        t[4] <= t[2]))));
        if (!missing.isEmpty()) {
            blocks.add(new Note("未录入工会经费的月份：" + String.join("、", missing) + "（按 0 计）。"));
        }
        blocks.add(new Note("说明：工会经费按全部职工工资总额的 2% 拨缴；上解比例按本省规定；留成 = 实收 − 应上解。"));
        return new ReportSheet(ReportCatalog.FUND, "工会经费收缴情况", union, "统计期：" + month.getYear() + "年1月至"
                + month.getMonthValue() + "月", true, blocks, true);
    }

    // --- 帮扶救助台账 -------------------------------------------------------------------------------

    static ReportSheet aid(String union, String period, AidLedgerSource.AidLedger ledger) {
        List<List<Object>> rows = new ArrayList<>();
        for (AidLedgerSource.Row r : ledger.rows()) {
            rows.add(List.of(r.type(), deptLabel(r.department()), r.cases(), r.people(), Money.ofFen(r.amountFen())));
        }
        List<Block> blocks = new ArrayList<>();
        if (!ledger.recorded()) {
            blocks.add(new Note("尚无帮扶救助案件记录（no cases recorded）：本单位帮扶救助案件尚未在本系统登记。"));
        } else if (ledger.rows().isEmpty()) {
            blocks.add(new Note("本期无帮扶救助发放。"));
        }
        blocks.add(new Table(null, ReportCatalog.AID_COLUMNS, rows, List.of("合计", "", ledger.cases(), ledger.people(),
                Money.ofFen(ledger.amountFen()))));
        return new ReportSheet(ReportCatalog.AID, "帮扶救助台账", union, "统计期：" + period, false, blocks, true);
    }

    // --- 年报 ---------------------------------------------------------------------------------------

    static final List<Column> YEARLY_COLUMNS = List.of(
            Column.text("name", "指标名称", 34),
            Column.text("line", "行次", 7),
            Column.text("unit", "计量单位", 9),
            Column.text("value", "本年数值", 18));

    static ReportSheet yearlyForm(String union, int year, String period, String statCode, String regionCode,
            String upperUnion, List<YearlySummary.Item> items, List<Check> checks) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Fields(List.of(
                new String[] {"单位名称", union == null ? "" : union},
                new String[] {"统计代码", statCode == null ? "（未设置）" : statCode},
                new String[] {"行政区划代码", regionCode == null ? "（未设置）" : regionCode},
                new String[] {"上级工会", upperUnion == null ? "" : upperUnion},
                new String[] {"统计年度", year + "年（" + period + "）"})));
        List<List<Object>> rows = new ArrayList<>();
        for (YearlySummary.Item i : items) {
            rows.add(List.of(i.name(), i.line(), i.unit(), i.value()));
        }
        blocks.add(new Table(null, YEARLY_COLUMNS, rows, null));
        blocks.add(new Checks(checks));
        blocks.add(new Note("说明：按工会统计年报口径，统计年度为上年10月1日至本年9月30日；本表填列本单位数据能够回答的指标。"));
        return new ReportSheet("yearly", "基层工会调查表（" + year + "年度）", union, "统计年度：" + period, false,
                blocks, true);
    }

    static ReportSheet yearlyMembership(String union, int year, String period, MembershipReport m) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(membershipTable(null, m));
        blocks.add(new Checks(membershipChecks(m, "年初", "年末")));
        return new ReportSheet("yearlyMembership", "会员分部门年度统计（" + year + "年度）", union,
                "统计年度：" + period, true, blocks, false);
    }
}
