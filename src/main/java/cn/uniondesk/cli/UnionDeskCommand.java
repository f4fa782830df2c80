package cn.uniondesk.cli;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.app.DataFolder;
import cn.uniondesk.db.DatabaseInUseException;
import cn.uniondesk.db.KeyVault;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.NotFoundException;
import cn.uniondesk.service.PermissionDeniedException;
import cn.uniondesk.service.RuleViolationException;
import cn.uniondesk.service.ValidationException;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uniondesk [--data DIR] [--user U] COMMAND}. Every command that opens the database
 * authenticates: the password comes from {@code UNIONDESK_PASSWORD}, {@code --password-file}, or
 * a prompt. Exit codes: 0 success, 2 bad usage or unusable input (one line on stderr), 3 data
 * rejected or found broken (import rows, audit chain), 1 unexpected failure (logged).
 */
@Command(name = "uniondesk", mixinStandardHelpOptions = true, versionProvider = UnionDeskCommand.Version.class,
        description = "UnionDesk 基层工会工作台 — command line", subcommands = {InitCommand.class, MembersCommand.class,
            SampleCommand.class, AuditCommand.class, BackupCommand.class, RestoreCommand.class,
            AccountsCommand.class, DuesCommand.class, BenchCommand.class, CasesCommand.class, BatchCommand.class,
            IdentityCommand.class, IntakeCommand.class, ReportCommand.class, UnionCommand.class})
public final class UnionDeskCommand {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int REJECTED = 3;
    public static final String ENV_USER = "UNIONDESK_USER";
    public static final String ENV_PASSWORD = "UNIONDESK_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(UnionDeskCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: $UNIONDESK_DATA or the OS data folder)")
    Path data;

    @Option(names = "--lang", paramLabel = "LANG", description = "zh or en (messages)")
    String lang;

    @Option(names = "--user", paramLabel = "U", description = "account name (default: $UNIONDESK_USER)")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "read the password from the first line of FILE (default: $UNIONDESK_PASSWORD, else a prompt)")
    Path passwordFile;

    private final Map<String, String> env;
    private final Clock clock;

    UnionDeskCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    CommandLine.Model.CommandSpec spec() {
        return spec;
    }

    Clock clock() {
        return clock;
    }

    /** An environment variable of this run (the map given to {@code run}, so tests can set it). */
    String env(String name) {
        return env.get(name);
    }

    Messages messages() {
        return lang == null ? Messages.forLocale(Messages.defaultLocale()) : Messages.forLocale(Locale.forLanguageTag(lang));
    }

    Path dataDir() {
        return DataFolder.resolve(data, env, System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    String userName() {
        String u = user != null ? user : env.get(ENV_USER);
        if (u == null || u.isBlank()) {
            throw new UsageException(messages().get("cli.auth.userRequired"));
        }
        return u.strip();
    }

    /** The password: {@code UNIONDESK_PASSWORD}, then {@code --password-file}, then a prompt on the console. */
    char[] password() {
        String fromEnv = env.get(ENV_PASSWORD);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (passwordFile != null) {
            return readPasswordFile(passwordFile);
        }
        Console console = System.console();
        if (console != null) {
            char[] pw = console.readPassword("%s", messages().get("cli.auth.prompt", userName()));
            if (pw != null) {
                return pw;
            }
        }
        throw new UsageException(messages().get("cli.auth.passwordRequired"));
    }

    char[] readPasswordFile(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            String line = (nl >= 0 ? s.substring(0, nl) : s).replace("\r", "");
            return line.toCharArray();
        } catch (IOException e) {
            throw new UsageException(messages().get("cli.auth.passwordFile", file));
        }
    }

    /** Opens the data folder as the authenticated user, runs {@code work}, closes it. */
    <T> T withContext(Function<AppContext, T> work) {
        Path dir = dataDir();
        if (!AppContext.isInitialized(dir)) {
            throw new UsageException(messages().get("cli.auth.notInitialized", dir));
        }
        String u = userName();
        char[] pw = password();
        AppContext ctx;
        try {
            ctx = AppContext.unlock(dir, u, pw, clock);
        } catch (KeyVault.UnlockException e) {
            throw new UsageException(unlockMessage(e));
        } catch (DatabaseInUseException e) {
            throw new UsageException(messages().get("db.inUse", e.dataDir()));
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
        try (ctx) {
            return work.apply(ctx);
        }
    }

    String unlockMessage(KeyVault.UnlockException e) {
        switch (e.failure()) {
            case LOCKED:
                return messages().get("login.locked", e.lockedUntil() == null ? ""
                        : DateTimeFormatter.ofPattern("HH:mm").format(e.lockedUntil().atZone(ZoneId.systemDefault())));
            case UNKNOWN_USER:
            case WRONG_PASSWORD:
            default:
                return messages().get("login.failed");
        }
    }

    /** The member with this ID number, card number or internal id; not found is a usage error (exit 2). */
    static cn.uniondesk.domain.Member member(AppContext ctx, String key) {
        return ctx.members().find(key).orElseThrow(() -> new NotFoundException("member.notFound", key));
    }

    /** Runs the command line with the process's environment; returns the exit code. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
                Clock.systemDefaultZone());
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
        UnionDeskCommand rootCmd = new UnionDeskCommand(env, clock);
        CommandLine cl = new CommandLine(rootCmd);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Messages m = rootCmd.messages();
            Throwable e = ex;
            if (e instanceof UsageException) {
                cmd.getErr().println(e.getMessage());
                return USAGE;
            }
            if (e instanceof NotFoundException) {
                cmd.getErr().println(m.get(((NotFoundException) e).messageKey(), ((NotFoundException) e).what()));
                return USAGE;
            }
            if (e instanceof ValidationException) {
                cmd.getErr().println(CliText.issues(m, ((ValidationException) e).issues()));
                return USAGE;
            }
            if (e instanceof RuleViolationException) {
                RuleViolationException r = (RuleViolationException) e;
                cmd.getErr().println(m.get(r.messageKey(), r.args().toArray()));
                return USAGE;
            }
            if (e instanceof cn.uniondesk.domain.cases.CaseRuleException) {
                cmd.getErr().println(CasesCommand.text(m, (cn.uniondesk.domain.cases.CaseRuleException) e));
                return REJECTED;
            }
            if (e instanceof PermissionDeniedException) {
                cmd.getErr().println(m.get("permission.denied", m.get("role." + ((PermissionDeniedException) e).role())));
                return USAGE;
            }
            LOG.error("Command failed", e);
            cmd.getErr().println(m.get("cli.unexpected", String.valueOf(e.getMessage())));
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
