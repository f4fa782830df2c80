package cn.uniondesk.cli;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV lines; values that a spreadsheet would run as formulas are quote-prefixed. */
final class Csv {
    private Csv() {
    }

    static String line(List<String> values) {
        return values.stream().map(Csv::cell).collect(Collectors.joining(","));
    }

    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (cn.uniondesk.excel.SafeCells.looksLikeFormula(s)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
