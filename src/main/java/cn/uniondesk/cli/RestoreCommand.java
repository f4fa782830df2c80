package cn.uniondesk.cli;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code restore FILE [--yes]}: replaces the database with a backup, keeping the current one first. */
@Command(name = "restore", description = "replace the database with a backup (the current one is kept in backups/)")
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    UnionDeskCommand root;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        var m = root.messages();
        if (!Files.isRegularFile(file)) {
            throw new UsageException(m.get("restore.noFile", file));
        }
        if (!yes) {
            Console c = System.console();
            String answer = c == null ? null : c.readLine("%s", m.get("restore.confirm", file));
            if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
                throw new UsageException(m.get("restore.notConfirmed"));
            }
        }
        return root.withContext(ctx -> {
            try {
                // a fresh backup of the current state first, then the restore
                ctx.backups().backup(null);
                Path kept = ctx.restoreAndClose(file, root.clock());
                root.spec().commandLine().getOut().println(m.get("restore.done", file, kept));
            } catch (IllegalArgumentException e) {
                throw new UsageException(m.get("restore.bad", file, e.getMessage()));
            }
            return UnionDeskCommand.OK;
        });
    }
}
