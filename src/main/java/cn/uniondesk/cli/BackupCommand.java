package cn.uniondesk.cli;

import cn.uniondesk.service.BackupService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code backup [--out FILE]}: a verified backup (encrypted like the database). */
@Command(name = "backup", description = "write a verified backup (default: into the data folder's backups/)")
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    UnionDeskCommand root;

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() {
        return root.withContext(ctx -> {
            BackupService.BackupResult r = ctx.backups().backup(out);
            if (out == null) {
                ctx.backups().rotate();
            }
            root.spec().commandLine().getOut().println(root.messages().get("backup.done", r.file(),
                    r.counts().getOrDefault("member", 0)));
            return UnionDeskCommand.OK;
        });
    }
}
