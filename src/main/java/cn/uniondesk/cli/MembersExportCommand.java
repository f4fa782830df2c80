package cn.uniondesk.cli;

import cn.uniondesk.i18n.Messages;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code members export --out FILE [--unmasked]}: the roster as .xlsx, ID and mobile numbers masked by default. */
@Command(name = "export", description = "write the roster (.xlsx, template columns); ID and mobile masked unless --unmasked")
final class MembersExportCommand implements Callable<Integer> {
    @ParentCommand
    MembersCommand parent;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--unmasked", description = "full ID and mobile numbers (sensitive: keep the file safe)")
    boolean unmasked;

    @Option(names = "--reason", paramLabel = "WHY", description = "why the unmasked roster is needed (required with --unmasked; recorded in the audit trail)")
    String reason;

    @Override
    public Integer call() {
        UnionDeskCommand root = parent.root;
        Messages m = root.messages();
        int n = root.withContext(ctx -> {
            if (unmasked) {
                ctx.members().recordSensitiveAccess("members export: " + out.getFileName(), reason);
            }
            return ctx.memberExport().exportRoster(out, unmasked, m);
        });
        root.spec().commandLine().getOut().println(m.get("cli.export.written", n, out,
                m.get(unmasked ? "export.unmasked" : "export.masked")));
        return UnionDeskCommand.OK;
    }
}
