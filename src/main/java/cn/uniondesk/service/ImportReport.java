package cn.uniondesk.service;

import cn.uniondesk.domain.FieldIssue;
import cn.uniondesk.domain.MemberField;
import java.nio.file.Path;
import cn.uniondesk.excel.MemberColumn;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of a dry run or a commit: one {@link RowResult} per data row and the counts.
 * {@code imported}, {@code updated} and {@code skipped} are what was written (0 for a dry run
 * or a rejected import); {@code committed} says whether anything was written. {@code columns}:
 * where each recognised column is in the file (0-based).
 */
public record ImportReport(
        Path file,
        String format,
        List<String> sheets,
        String sheet,
        int headerRow,
        Map<MemberColumn, Integer> columns,
        List<RowResult> rows,
        Set<String> newDepartments,
        boolean committed,
        int imported,
        int updated,
        int skipped) {

    public enum Status { OK, WARNING, ERROR }

    /** What the commit does (or did) with a row. */
    public enum Action {
        /** a new member */
        NEW,
        /** a member already registered, changed fields updated */
        UPDATE,
        /** already registered and nothing differs */
        UNCHANGED,
        /** already registered with differences, left as it is (update not chosen) */
        SKIP,
        /** the row has an error */
        REJECT
    }

    /** One problem in a row: the column (letter and heading as in the file) and the reason (bundle key). */
    public record RowIssue(MemberField field, String column, String heading, FieldIssue.Severity severity,
            String messageKey, List<Object> args) {
        public boolean isError() {
            return severity == FieldIssue.Severity.ERROR;
        }
    }

    public record RowResult(int rowNumber, String name, Status status, Action action, List<RowIssue> issues,
            List<MemberField> changedFields) {
    }

    public int total() {
        return rows.size();
    }

    public long count(Status s) {
        return rows.stream().filter(r -> r.status() == s).count();
    }

    public long count(Action a) {
        return rows.stream().filter(r -> r.action() == a).count();
    }

    public int ok() {
        return (int) count(Status.OK);
    }

    public int warnings() {
        return (int) count(Status.WARNING);
    }

    public int errors() {
        return (int) count(Status.ERROR);
    }

    /** Rows that would change the register (new members and updates). */
    public int changes() {
        return (int) (count(Action.NEW) + count(Action.UPDATE));
    }

    /** The one-line summary of the command line. */
    public String summaryLine() {
        return "rows=" + total() + " ok=" + ok() + " warnings=" + warnings() + " errors=" + errors() + " imported="
                + imported + " updated=" + updated + " skipped=" + skipped;
    }
}
