package cn.uniondesk.cli;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.db.DatabaseInUseException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code init [--admin-user U --admin-password-file F] [--demo]}: sets up a data folder (the
 * first administrator, the encrypted database) or, when set up, checks it opens. With
 * {@code --demo} and no administrator given, the demo account is created (its password is in the
 * README and must be changed at first login).
 */
@Command(name = "init", description = "set up the data folder (first administrator, encrypted database); --demo loads the demo union")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    UnionDeskCommand root;

    @Option(names = "--demo", description = "load the fictitious demo union (only into an empty database)")
    boolean demo;

    @Option(names = "--admin-user", paramLabel = "U", description = "the first administrator's account name")
    String adminUser;

    @Option(names = "--admin-password-file", paramLabel = "F", description = "file whose first line is the first administrator's password")
    Path adminPasswordFile;

    @Override
    public Integer call() {
        var out = root.spec().commandLine().getOut();
        var m = root.messages();
        Path dir = root.dataDir();
        if (!AppContext.isInitialized(dir)) {
            AppContext ctx;
            try {
                if (adminUser != null) {
                    if (adminPasswordFile == null) {
                        throw new UsageException(m.get("cli.init.passwordFileRequired"));
                    }
                    char[] pw = root.readPasswordFile(adminPasswordFile);
                    ctx = AppContext.initialize(dir, adminUser, pw, false, root.clock());
                    java.util.Arrays.fill(pw, '\0');
                } else if (demo) {
                    ctx = AppContext.initialize(dir, AppContext.DEMO_USER, AppContext.DEMO_PASSWORD.toCharArray(), true,
                            root.clock());
                } else {
                    throw new UsageException(m.get("cli.init.adminRequired"));
                }
            } catch (DatabaseInUseException e) {
                throw new UsageException(m.get("db.inUse", e.dataDir()));
            }
            try (ctx) {
                out.println(m.get("cli.init.created", dir, ctx.session().operator()));
                if (demo) {
                    out.println(m.get("cli.init.demoLoaded", ctx.demo().loadDemo(), dir));
                }
            }
            return UnionDeskCommand.OK;
        }
        return root.withContext(ctx -> {
            if (demo) {
                if (!ctx.demo().isEmpty()) {
                    throw new UsageException(m.get("cli.init.notEmpty", ctx.dataDir()));
                }
                out.println(m.get("cli.init.demoLoaded", ctx.demo().loadDemo(), ctx.dataDir()));
            } else {
                out.println(m.get("cli.init.ready", ctx.dataDir(), ctx.members().count()));
            }
            return UnionDeskCommand.OK;
        });
    }
}
