package cn.uniondesk.service.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the monthly report upward holds, since provinces differ: the reports in the set (in order),
 * the columns hidden per report, the union's 统计代码 and 行政区划代码 for the yearly summary, and
 * the day of the next month by which the monthly report is due.
 */
public record ReportConfig(List<String> monthlySheets, Map<String, Set<String>> hiddenColumns, String statCode,
        String regionCode, int dueDay) {
    public static final int DEFAULT_DUE_DAY = 10;

    public ReportConfig {
        monthlySheets = List.copyOf(monthlySheets);
        Map<String, Set<String>> h = new LinkedHashMap<>();
        hiddenColumns.forEach((k, v) -> {
            if (!v.isEmpty()) {
                h.put(k, java.util.Collections.unmodifiableSet(new TreeSet<>(v)));
            }
        });
        hiddenColumns = java.util.Collections.unmodifiableMap(h);
    }

    /** Every report, every column, codes from the union's record, due on the 10th. */
    public static ReportConfig defaults() {
        return new ReportConfig(ReportCatalog.MONTHLY_IDS, Map.of(), null, null, DEFAULT_DUE_DAY);
    }

    public Set<String> hidden(String sheetId) {
        return hiddenColumns.getOrDefault(sheetId, Set.of());
    }
}
