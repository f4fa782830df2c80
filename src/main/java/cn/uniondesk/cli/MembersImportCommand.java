package cn.uniondesk.cli;

import cn.uniondesk.excel.UnusableFileException;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.ImportOptions;
import cn.uniondesk.service.ImportProgress;
import cn.uniondesk.service.ImportReport;
import cn.uniondesk.service.MemberImportService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code members import FILE [--sheet NAME] [--dry-run] [--valid-only] [--update-existing]
 * [--create-departments] [--report OUT.xlsx]}. Prints one summary line; exit 0 when no row was
 * rejected, 3 when rows were rejected (nothing written unless {@code --valid-only}), 2 when the
 * file is unusable.
 */
@Command(name = "import", description = "import members from .xlsx, .xls or .csv (dry run with --dry-run)")
final class MembersImportCommand implements Callable<Integer> {
    /** Exit code: some rows were rejected. */
    static final int REJECTED = 3;
    private static final int MAX_LISTED = 50;

    @ParentCommand
    MembersCommand parent;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--sheet", paramLabel = "NAME", description = "sheet to read (default: the first with data)")
    String sheet;

    @Option(names = "--dry-run", description = "check every row and write nothing")
    boolean dryRun;

    @Option(names = "--valid-only", description = "import the valid rows even when others are rejected")
    boolean validOnly;

    @Option(names = "--update-existing", description = "update changed fields of members already registered (default: skip them)")
    boolean updateExisting;

    @Option(names = "--create-departments", description = "create departments that do not exist yet (default: reject such rows)")
    boolean createDepartments;

    @Option(names = "--report", paramLabel = "OUT.xlsx", description = "write the per-row report workbook")
    Path report;

    @Override
    public Integer call() {
        UnionDeskCommand root = parent.root;
        Messages m = root.messages();
        PrintWriter out = root.spec().commandLine().getOut();
        PrintWriter err = root.spec().commandLine().getErr();
        ImportOptions options = new ImportOptions(validOnly, updateExisting, createDepartments);
        return root.withContext(ctx -> {
            MemberImportService svc = ctx.memberImport();
            ImportReport r;
            try {
                r = dryRun ? svc.dryRun(file, sheet, options)
                        : svc.commit(file, sheet, options, -1, ImportProgress.NONE, () -> false);
                if (report != null) {
                    svc.writeReport(r, m, report);
                }
            } catch (UnusableFileException e) {
                throw new UsageException(m.get("cli.import.unusable", file.getFileName(),
                        m.get(e.messageKey(), e.args().toArray())));
            }
            int listed = 0;
            for (ImportReport.RowResult row : r.rows()) {
                if (row.status() == ImportReport.Status.ERROR && listed++ < MAX_LISTED) {
                    err.println(m.get("cli.import.rowIssue", String.valueOf(row.rowNumber()),
                            MemberImportService.describe(row, m)));
                }
            }
            if (listed > MAX_LISTED) {
                err.println(m.get("cli.import.more", listed - MAX_LISTED));
            }
            if (r.errors() > 0 && !r.committed() && !dryRun) {
                err.println(m.get("cli.import.rejected", r.errors()));
            }
            if (report != null) {
                err.println(m.get("cli.import.reportWritten", report));
            }
            out.println(r.summaryLine());
            return r.errors() > 0 ? REJECTED : UnionDeskCommand.OK;
        });
    }
}
