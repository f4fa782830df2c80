package cn.uniondesk.service.report;

import cn.uniondesk.domain.report.AgeBand;
import cn.uniondesk.service.report.ReportSheet.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reports of the monthly set and their columns, with stable keys: what the configuration may
 * include or hide. The first column of each table (the row label) cannot be hidden.
 */
public final class ReportCatalog {
    public static final String MEMBERSHIP = "membership";
    public static final String DUES = "dues";
    public static final String FUND = "fund";
    public static final String AID = "aid";
    public static final List<String> MONTHLY_IDS = List.of(MEMBERSHIP, DUES, FUND, AID);

    /** A report of the monthly set. */
    public record Definition(String id, String title, List<Column> columns) {
        /** Keys that may be hidden (every column but the first). */
        public List<String> hideable() {
            return columns.subList(1, columns.size()).stream().map(Column::key).toList();
        }
    }

    public static final List<Column> MEMBERSHIP_COLUMNS;

    static {
        List<Column> c = new ArrayList<>(List.of(
                Column.label("department", "部门/车间", 18),
                Column.sum("start", "期初会员数", 11),
                Column.sum("joined", "入会", 7),
                Column.sum("transferIn", "转入", 7),
                Column.sum("transferOut", "转出", 7),
                Column.sum("left", "退会", 7),
                Column.sum("deceased", "去世", 7),
                Column.sum("end", "期末会员数", 11),
                Column.sum("women", "其中女性", 10),
                Column.sum("migrant", "其中农民工", 12)));
        for (AgeBand b : AgeBand.values()) {
            c.add(Column.sum(b.key(), b.zh(), 11));
        }
        MEMBERSHIP_COLUMNS = List.copyOf(c);
    }

    public static final List<Column> DUES_COLUMNS = List.of(
            Column.label("department", "部门/车间", 22),
            Column.sum("dueMembers", "应缴人数", 10),
            Column.sum("due", "应缴金额（元）", 15),
            Column.sum("paidMembers", "实缴人数", 10),
            Column.sum("paid", "实缴金额（元）", 15),
            Column.sum("outstanding", "累计欠缴（元）", 15),
            Column.ratio("rate", "收缴率", 10, "paid", "due"));

    public static final List<Column> FUND_COLUMNS = List.of(
            Column.label("month", "月份", 12),
            Column.sum("payroll", "工资总额（元）", 17),
            Column.sum("due", "应拨缴经费 2%（元）", 17),
            Column.sum("received", "实收经费（元）", 16),
            Column.text("share", "上解比例", 9),
            Column.sum("upper", "应上解（元）", 15),
            Column.sum("remitted", "已上解（元）", 15),
            Column.sum("kept", "留成（元）", 15));

    public static final List<Column> AID_COLUMNS = List.of(
            Column.label("type", "救助类型", 16),
            Column.text("department", "部门/车间", 20),
            Column.sum("cases", "件数", 8),
            Column.sum("people", "人次", 8),
            Column.sum("amount", "金额（元）", 15));

    public static final List<Definition> MONTHLY = List.of(
            new Definition(MEMBERSHIP, "会员统计月报", MEMBERSHIP_COLUMNS),
            new Definition(DUES, "会费收缴月报", DUES_COLUMNS),
            new Definition(FUND, "工会经费收缴情况", FUND_COLUMNS),
            new Definition(AID, "帮扶救助台账", AID_COLUMNS));

    private ReportCatalog() {
    }

    public static Optional<Definition> find(String id) {
        return MONTHLY.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
