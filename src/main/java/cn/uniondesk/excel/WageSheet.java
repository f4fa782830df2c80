package cn.uniondesk.excel;

import cn.uniondesk.domain.TextNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a wage sheet (工资表 / 缴费基数表) as offices keep it, with the same tolerant reader as the
 * member import ({@link SpreadsheetFiles}: .xlsx, .xls, CSV in UTF-8 or GBK; title rows above the
 * heading skipped; columns in any order). The heading row is the first of the first
 * {@value HeaderRow#SCAN_ROWS} rows that names the wage column and 身份证号 or 会员编号. Cells are
 * handed over as found; the service decides what they mean.
 */
public final class WageSheet {
    /** Headings of the wage base column, besides the member template's 月工资 headings. */
    static final Set<String> WAGE = Set.of("基本工资", "缴费基数", "会费基数", "计缴基数", "工资", "月工资", "工资基数",
            "月基本工资", "岗位工资", "应发工资", "月工资额", "月工资元", "月缴费基数");
    /** Headings of the month the wage applies from. */
    static final Set<String> MONTH = Set.of("生效月份", "月份", "起始月份", "执行月份", "生效年月", "调整月份", "起算月份",
            "所属月份", "工资月份", "生效日期");

    /** One data row: where it is and its cells as found (null cell: the column is absent). */
    public record Line(int rowNumber, String name, String idNumber, boolean idLostDigits, String cardNo,
            RawCell wage, RawCell month) {
    }

    /** What was read: the format, the heading row, whether a month column exists, the rows. */
    public record Content(String format, int headerRow, boolean hasMonthColumn, List<Line> lines) {
    }

    private WageSheet() {
    }

    /**
     * The data rows of the first sheet with a wage heading row. Blank rows and total rows
     * (合计/总计) are skipped.
     *
     * @throws UnusableFileException when the file cannot be read or has no usable heading row
     */
    public static Content read(Path file, long maxBytes) {
        try (TabularFile f = SpreadsheetFiles.open(file, maxBytes)) {
            for (String sheet : f.sheetNames()) {
                Content c = read(f, sheet);
                if (c != null) {
                    return c;
                }
            }
        }
        throw new UnusableFileException("dues.wage.noHeader", String.valueOf(HeaderRow.SCAN_ROWS));
    }

    private static Content read(TabularFile f, String sheet) {
        List<Line> out = new ArrayList<>();
        int[][] found = new int[1][];
        int[] headerRow = {0};
        f.read(sheet, row -> {
            if (found[0] == null) {
                if (row.rowNumber() > HeaderRow.SCAN_ROWS) {
                    return false;
                }
                found[0] = header(row);
                headerRow[0] = row.rowNumber();
                return true;
            }
            if (row.isBlank()) {
                return true;
            }
            int[] c = found[0];
            String name = c[0] < 0 ? "" : TextNormalizer.normalize(CellValues.text(row.cell(c[0])));
            String id = c[1] < 0 ? "" : TextNormalizer.compact(CellValues.code(row.cell(c[1])));
            boolean lost = c[1] >= 0 && CellValues.idLostDigits(row.cell(c[1]));
            String card = c[2] < 0 ? "" : TextNormalizer.compact(CellValues.code(row.cell(c[2])));
            if (name.replace(" ", "").contains("合计") || name.replace(" ", "").contains("总计")) {
                return true;
            }
            out.add(new Line(row.rowNumber(), name, id, lost, card, row.cell(c[3]),
                    c[4] < 0 ? null : row.cell(c[4])));
            return true;
        });
        if (found[0] == null) {
            return null;
        }
        return new Content(f.format(), headerRow[0], found[0][4] >= 0, List.copyOf(out));
    }

    /** Column indexes {name, id, card, wage, month} when this row is a wage sheet heading, else null. */
    static int[] header(SheetRow row) {
        int[] c = {-1, -1, -1, -1, -1};
        for (int i = 0; i < row.cells().size(); i++) {
            RawCell cell = row.cell(i);
            if (cell.isNumeric() || cell.isBlank()) {
                continue;
            }
            String h = cell.text();
            String key = MemberColumn.key(h).replaceAll("\\(.*\\)$", "").toLowerCase(Locale.ROOT);
            MemberColumn mc = MemberColumn.forHeading(h);
            if (c[3] < 0 && (WAGE.contains(key) || mc == MemberColumn.MONTHLY_WAGE)) {
                c[3] = i;
            } else if (c[4] < 0 && MONTH.contains(key)) {
                c[4] = i;
            } else if (c[0] < 0 && mc == MemberColumn.NAME) {
                c[0] = i;
            } else if (c[1] < 0 && mc == MemberColumn.ID_NUMBER) {
                c[1] = i;
            } else if (c[2] < 0 && mc == MemberColumn.CARD_NO) {
                c[2] = i;
            }
        }
        return c[3] >= 0 && (c[1] >= 0 || c[2] >= 0) ? c : null;
    }
}
