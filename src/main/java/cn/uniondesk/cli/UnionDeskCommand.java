package cn.uniondesk.cli;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.app.DataFolder;
import cn.uniondesk.db.DatabaseInUseException;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.NotFoundException;
import cn.uniondesk.service.ValidationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uniondesk [--data DIR] COMMAND}. Exit codes: 0 success, 2 bad usage or unusable input
 * (one line on stderr), 1 unexpected failure (logged).
 */
@Command(name = "uniondesk", mixinStandardHelpOptions = true, versionProvider = UnionDeskCommand.Version.class,
        description = "UnionDesk 基层工会工作台 — command line", subcommands = {InitCommand.class, MembersCommand.class,
            SampleCommand.class, BenchCommand.class})
public final class UnionDeskCommand {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(UnionDeskCommand.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: $UNIONDESK_DATA or the OS data folder)")
    Path data;

    @Option(names = "--lang", paramLabel = "LANG", description = "zh or en (messages)")
    String lang;

    picocli.CommandLine.Model.CommandSpec spec() {
        return spec;
    }

    Messages messages() {
        return lang == null ? Messages.forLocale(Messages.defaultLocale()) : Messages.forLocale(Locale.forLanguageTag(lang));
    }

    Path dataDir() {
        return DataFolder.resolve(data);
    }

    /** Opens the data folder, runs {@code work}, closes it; usage-type problems become {@link UsageException}. */
    <T> T withContext(Function<AppContext, T> work) {
        try (AppContext ctx = AppContext.open(dataDir())) {
            return work.apply(ctx);
        } catch (DatabaseInUseException e) {
            throw new UsageException(messages().get("db.inUse", e.dataDir()));
        }
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new UnionDeskCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            UnionDeskCommand root = cmd.getCommandSpec().root().userObject() instanceof UnionDeskCommand
                    ? (UnionDeskCommand) cmd.getCommandSpec().root().userObject() : new UnionDeskCommand();
            Messages m = root.messages();
            if (ex instanceof UsageException) {
                cmd.getErr().println(ex.getMessage());
                return USAGE;
            }
            if (ex instanceof NotFoundException) {
                cmd.getErr().println(m.get(((NotFoundException) ex).messageKey(), ((NotFoundException) ex).what()));
                return USAGE;
            }
            if (ex instanceof ValidationException) {
                cmd.getErr().println(CliText.issues(m, ((ValidationException) ex).issues()));
                return USAGE;
            }
            LOG.error("Command failed", ex);
            cmd.getErr().println(m.get("cli.unexpected", String.valueOf(ex.getMessage())));
            return FAILURE;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            return USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = UnionDeskCommand.class.getPackage().getImplementationVersion();
            return new String[] {"UnionDesk " + (v == null ? "dev" : v)};
        }
    }
}
