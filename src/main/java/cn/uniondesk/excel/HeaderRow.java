package cn.uniondesk.excel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the heading row is and which column holds what. The heading row is the first of the
 * first {@value #SCAN_ROWS} rows that names both 姓名 and 公民身份号码 (title rows and merged title
 * cells above it are skipped); columns may come in any order, unknown columns are ignored.
 */
public final class HeaderRow {
    public static final int SCAN_ROWS = 30;

    private final int rowNumber;
    private final Map<MemberColumn, Integer> columns;
    private final Map<MemberColumn, String> headings;

    private HeaderRow(int rowNumber, Map<MemberColumn, Integer> columns, Map<MemberColumn, String> headings) {
        this.rowNumber = rowNumber;
        this.columns = Collections.unmodifiableMap(columns);
        this.headings = Collections.unmodifiableMap(headings);
    }

    /** The heading row when {@code row} is one, else empty. The first of two columns with the same meaning wins. */
    public static Optional<HeaderRow> detect(SheetRow row) {
        Map<MemberColumn, Integer> cols = new EnumMap<>(MemberColumn.class);
        Map<MemberColumn, String> heads = new EnumMap<>(MemberColumn.class);
        for (int i = 0; i < row.cells().size(); i++) {
            RawCell c = row.cell(i);
            if (c.isNumeric()) {
                continue;
            }
            MemberColumn mc = MemberColumn.forHeading(c.text());
            if (mc != null && !cols.containsKey(mc)) {
                cols.put(mc, i);
                heads.put(mc, cn.uniondesk.domain.TextNormalizer.normalize(c.text()));
            }
        }
        if (cols.containsKey(MemberColumn.NAME) && cols.containsKey(MemberColumn.ID_NUMBER)) {
            return Optional.of(new HeaderRow(row.rowNumber(), cols, heads));
        }
        return Optional.empty();
    }

    public int rowNumber() {
        return rowNumber;
    }

    public boolean has(MemberColumn c) {
        return columns.containsKey(c);
    }

    /** 0-based column index, or -1. */
    public int index(MemberColumn c) {
        return columns.getOrDefault(c, -1);
    }

    /** The heading as written in the file. */
    public String heading(MemberColumn c) {
        return headings.getOrDefault(c, c.heading());
    }

    public Map<MemberColumn, Integer> columns() {
        return columns;
    }

    public RawCell cell(SheetRow row, MemberColumn c) {
        int i = index(c);
        return i < 0 ? RawCell.EMPTY : row.cell(i);
    }

    /** A, B, … Z, AA … for a 0-based index. */
    public static String columnLetter(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }
}
