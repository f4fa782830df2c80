package cn.uniondesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code init [--demo]}: creates (or upgrades) the database; with --demo loads the demo union into an empty one. */
@Command(name = "init", description = "create or upgrade the database in the data folder; --demo loads the demo union")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    UnionDeskCommand root;

    @Option(names = "--demo", description = "load the fictitious demo union (only into an empty database)")
    boolean demo;

    @Override
    public Integer call() {
        return root.withContext(ctx -> {
            var out = root.spec().commandLine().getOut();
            if (demo) {
                if (!ctx.demo().isEmpty()) {
                    throw new UsageException(root.messages().get("cli.init.notEmpty", ctx.dataDir()));
                }
                int n = ctx.demo().loadDemo();
                out.println(root.messages().get("cli.init.demoLoaded", n, ctx.dataDir()));
            } else {
                out.println(root.messages().get("cli.init.ready", ctx.dataDir(), ctx.members().count()));
            }
            return UnionDeskCommand.OK;
        });
    }
}
