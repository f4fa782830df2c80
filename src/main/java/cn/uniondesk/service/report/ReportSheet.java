package cn.uniondesk.service.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One report as the Excel and PDF writers draw it: a title, the union and the period, then blocks
 * (lines of fields, tables, logic checks, notes), and the signature lines when the form needs them.
 * Cell values are {@link String} (text), {@link Integer}/{@link Long} (counts),
 * {@link cn.uniondesk.domain.Money} (yuan, 2 decimals) or {@link Percent}. Column keys are stable
 * and are what the report configuration hides.
 */
public record ReportSheet(String id, String title, String unionName, String period, boolean landscape,
        List<Block> blocks, boolean signatures) {

    public ReportSheet {
        blocks = List.copyOf(blocks);
    }

    /** How a table's total row is made for a column. */
    public enum Total { NONE, SUM, RATIO, LABEL }

    /**
     * A column: {@code width} in characters; {@code total} SUM adds the column up (a formula in
     * Excel), RATIO divides the total of {@code numerator} by the total of {@code denominator} (keys
     * of other columns; each row's value is the same ratio, a formula in Excel while both columns are
     * shown), LABEL holds the word 合计.
     */
    public record Column(String key, String header, int width, Total total, String numerator, String denominator) {
        public static Column text(String key, String header, int width) {
            return new Column(key, header, width, Total.NONE, null, null);
        }

        public static Column label(String key, String header, int width) {
            return new Column(key, header, width, Total.LABEL, null, null);
        }

        public static Column sum(String key, String header, int width) {
            return new Column(key, header, width, Total.SUM, null, null);
        }

        public static Column ratio(String key, String header, int width, String numerator, String denominator) {
            return new Column(key, header, width, Total.RATIO, numerator, denominator);
        }
    }

    public sealed interface Block permits Fields, Table, Checks, Note {
    }

    /** Label–value lines above a table (统计代码, 行政区划代码 …). */
    public record Fields(List<String[]> pairs) implements Block {
        public Fields {
            pairs = List.copyOf(pairs);
        }
    }

    /**
     * A table; {@code totals} is the computed total row (values in column order; null cells stay
     * empty), or null for no total row. The PDF prints the computed totals; Excel writes formulas.
     */
    public record Table(String caption, List<Column> columns, List<List<Object>> rows, List<Object> totals)
            implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            if (totals != null) {
                totals = java.util.Collections.unmodifiableList(new ArrayList<>(totals));
            }
        }

        public int indexOf(String key) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).key().equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        /** The table without the columns whose keys are in {@code hidden}. */
        public Table without(Set<String> hidden) {
            if (hidden.isEmpty()) {
                return this;
            }
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (!hidden.contains(columns.get(i).key())) {
                    keep.add(i);
                }
            }
            List<List<Object>> r = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                r.add(pick(row, keep));
            }
            return new Table(caption, keep.stream().map(columns::get).toList(), r,
                    totals == null ? null : pick(totals, keep));
        }

        private static List<Object> pick(List<Object> row, List<Integer> keep) {
            List<Object> out = new ArrayList<>(keep.size());
            for (int i : keep) {
                out.add(row.get(i));
            }
            return out;
        }
    }

    /** One logic check: what is checked, the figures, and whether it holds. */
    public record Check(String rule, String figures, boolean ok) {
    }

    public record Checks(List<Check> checks) implements Block {
        public Checks {
            checks = List.copyOf(checks);
        }

        public boolean allOk() {
            return checks.stream().allMatch(Check::ok);
        }
    }

    /** A line of text (e.g. why a ledger is empty). */
    public record Note(String text) implements Block {
    }

    /** The sheet with hidden columns removed from every table. */
    public ReportSheet without(Set<String> hidden) {
        if (hidden.isEmpty()) {
            return this;
        }
        return new ReportSheet(id, title, unionName, period, landscape,
                blocks.stream().map(b -> b instanceof Table t ? (Block) t.without(hidden) : b).toList(), signatures);
    }

    /** Every check of the sheet that fails. */
    public List<Check> failedChecks() {
        List<Check> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Checks c) {
                c.checks().stream().filter(x -> !x.ok()).forEach(out::add);
            }
        }
        return out;
    }
}
