package cn.uniondesk.service.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The yearly summary for the 工会统计年报 (基层工会调查表) of statistical year {@code year}:
 * 1 October of the year before to 30 September. Items carry the form's line numbers (行次);
 * checks are the form's logic checks (totals match their parts).
 */
public record YearlySummary(int year, LocalDate from, LocalDate to, String unionName, String statCode,
        String regionCode, List<Item> items, List<ReportSheet.Check> checks, MembershipReport membership,
        List<ReportSheet> sheets) {

    /** One line of the form: 行次, 指标, 计量单位, value (Integer, Money or Percent). */
    public record Item(String line, String name, String unit, Object value) {
    }

    public Object value(String line) {
        return items.stream().filter(i -> i.line().equals(line)).findFirst().map(Item::value)
                .orElseThrow(() -> new IllegalArgumentException("no line " + line));
    }

    public boolean allChecksPass() {
        return checks.stream().allMatch(ReportSheet.Check::ok);
    }

    /** The statistical year a date falls in: 1 Oct 2025 – 30 Sep 2026 is year 2026. */
    public static int statisticalYearOf(LocalDate d) {
        return d.getMonthValue() >= 10 ? d.getYear() + 1 : d.getYear();
    }
}
