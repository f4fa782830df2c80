package cn.uniondesk.cli;

import cn.uniondesk.db.DatabaseInUseException;
import cn.uniondesk.db.IntakeDatabase;
import cn.uniondesk.db.KeyVault;
import cn.uniondesk.db.IntakeRepository;
import cn.uniondesk.domain.Money;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.IntakeService;
import cn.uniondesk.sync.IntakeServer;
import cn.uniondesk.sync.Tls;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code intake serve|import|offices|summary|key}: the upper level's side, in the same jar. Works on a
 * store folder ({@code --store DIR}: its own H2 database, the received packages, the intake's signing
 * key), not on an office's data folder.
 */
@Command(name = "intake", description = "the upper level's intake: receive, verify, store, sum up", subcommands = {
    IntakeCommand.Serve.class, IntakeCommand.Import.class, IntakeCommand.Offices.class, IntakeCommand.Summary.class,
    IntakeCommand.Key.class})
final class IntakeCommand {
    @ParentCommand
    UnionDeskCommand root;

    /** The environment variable that holds the password of {@code --db-url}'s account. */
    static final String ENV_DB_PASSWORD = "UNIONDESK_INTAKE_DB_PASSWORD";

    /**
     * The store folder and its database: embedded H2 in the folder (optionally encrypted with a
     * password from an environment variable), or PostgreSQL by {@code --db-url}. Passwords never
     * travel on the command line.
     */
    static final class StoreOptions {
        @Option(names = "--store", required = true, paramLabel = "DIR", description = "the intake's folder: signing key, packages, and (by default) its H2 database")
        Path store;

        @Option(names = "--db-url", paramLabel = "JDBC-URL", description = "another database for the store, e.g. jdbc:postgresql://db.example:5432/intake (default: H2 in the store); the password comes from $" + ENV_DB_PASSWORD)
        String dbUrl;

        @Option(names = "--db-user", paramLabel = "U", description = "the database account for --db-url")
        String dbUser;

        @Option(names = "--db-password-file", paramLabel = "FILE", description = "read the --db-url password from FILE instead of $" + ENV_DB_PASSWORD)
        Path dbPasswordFile;

        @Option(names = "--store-password-env", paramLabel = "VAR", description = "encrypt the store at rest (its H2 database, packages and signing key; with --db-url the packages and key) with the password in environment variable VAR")
        String storePasswordEnv;
    }

    /** Opens the intake the options name; every failure to open becomes one clear line (exit 2). */
    static IntakeService open(UnionDeskCommand root, StoreOptions o) {
        Messages m = root.messages();
        try {
            char[] storePassword = null;
            if (o.storePasswordEnv != null) {
                String pw = root.env(o.storePasswordEnv);
                if (pw == null || pw.isEmpty()) {
                    throw new UsageException(m.get("cli.intake.storePasswordMissing", o.storePasswordEnv));
                }
                storePassword = pw.toCharArray();
            } else if (IntakeDatabase.isEncrypted(o.store)) {
                throw new UsageException(m.get("cli.intake.storeEncrypted", o.store));
            }
            if (o.dbUrl != null) {
                String url = o.dbUrl.strip();
                if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
                    throw new UsageException(m.get("cli.intake.passwordInUrl", ENV_DB_PASSWORD));
                }
                try {
                    IntakeDatabase.dialectOf(url);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(m.get("cli.intake.badDbUrl", url));
                }
                String pw = root.env(ENV_DB_PASSWORD);
                if ((pw == null || pw.isEmpty()) && o.dbPasswordFile != null) {
                    pw = new String(root.readPasswordFile(o.dbPasswordFile));
                }
                return storePassword == null ? IntakeService.open(o.store, url, o.dbUser, pw, root.clock())
                        : IntakeService.openWithSealedStore(o.store, url, o.dbUser, pw, storePassword, root.clock());
            }
            return storePassword == null ? IntakeService.open(o.store, root.clock())
                    : IntakeService.openEncrypted(o.store, storePassword, root.clock());
        } catch (DatabaseInUseException e) {
            throw new UsageException(m.get("db.inUse", o.store));
        } catch (IntakeDatabase.UnavailableException e) {
            throw new UsageException(m.get("cli.intake.dbUnavailable", e.url(), e.reason()));
        } catch (KeyVault.UnlockException e) {
            throw new UsageException(e.failure() == KeyVault.Failure.LOCKED ? root.unlockMessage(e)
                    : m.get("cli.intake.storePasswordWrong", o.store));
        }
    }

    static <T> T withIntake(UnionDeskCommand root, StoreOptions o, Function<IntakeService, T> work) {
        try (IntakeService s = open(root, o)) {
            return work.apply(s);
        }
    }

    static void printAnswer(Messages m, PrintWriter out, PrintWriter err, Path file, IntakeServer.Answer a) {
        switch (a.status()) {
            case "ACCEPTED":
                out.println(m.get("cli.intake.accepted", file.getFileName(), a.receipt().receiptNo()));
                break;
            case "HELD":
                out.println(m.get("cli.intake.held", file.getFileName(), m.get(a.problem().messageKey(),
                        a.detail() == null ? "" : a.detail())));
                break;
            default:
                err.println(m.get("cli.batch.refused", file.getFileName(), a.problem().name(),
                        m.get(a.problem().messageKey(), a.detail() == null ? "" : a.detail())));
        }
    }

    @Command(name = "serve", description = "the HTTPS receiver (a self-signed certificate is made in the store when no key store is given)")
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        IntakeCommand parent;

        @Mixin
        StoreOptions store;

        @Option(names = "--port", required = true, paramLabel = "P")
        int port;

        @Option(names = "--bind", paramLabel = "ADDRESS", description = "default 0.0.0.0")
        String bind = "0.0.0.0";

        @Option(names = "--host", paramLabel = "NAME", description = "host names/IPs for a generated certificate")
        List<String> hosts;

        @Option(names = "--tls-keystore", paramLabel = "FILE.p12")
        Path keystore;

        @Option(names = "--tls-password-file", paramLabel = "FILE")
        Path keystorePassword;

        @Override
        public Integer call() throws Exception {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            PrintWriter out = root.spec().commandLine().getOut();
            Path ks = keystore;
            char[] pw;
            if (ks == null) {
                ks = store.store.resolve("tls").resolve("intake-tls.p12");
                Path pwFile = store.store.resolve("tls").resolve("password");
                if (!Files.exists(ks)) {
                    byte[] r = new byte[18];
                    new SecureRandom().nextBytes(r);
                    cn.uniondesk.sync.BatchWriter.writeAtomically(pwFile,
                            HexFormat.of().formatHex(r).getBytes(StandardCharsets.US_ASCII));
                    Tls.generateSelfSigned(ks, HexFormat.of().formatHex(r).toCharArray(),
                            hosts == null || hosts.isEmpty() ? List.of("localhost", "127.0.0.1") : hosts, 825);
                }
                pw = Files.readString(pwFile, StandardCharsets.US_ASCII).strip().toCharArray();
            } else {
                if (keystorePassword == null) {
                    throw new UsageException(m.get("cli.intake.keystorePassword"));
                }
                pw = root.readPasswordFile(keystorePassword);
            }
            java.security.cert.X509Certificate cert;
            javax.net.ssl.SSLContext ssl;
            try {
                cert = Tls.certificate(ks, pw);
                ssl = Tls.serverContext(ks, pw);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            Path pem = store.store.resolve("intake-tls-certificate.pem");
            cn.uniondesk.sync.BatchWriter.writeAtomically(pem, Tls.toPem(cert).getBytes(StandardCharsets.US_ASCII));
            IntakeService intake = open(root, store);
            CountDownLatch stop = new CountDownLatch(1);
            try (intake; IntakeServer server = IntakeServer.start(new InetSocketAddress(bind, port), ssl,
                    store.store.resolve("work"), intake)) {
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "intake-stop"));
                out.println(m.get("cli.intake.serving", String.valueOf(server.port()), pem, Tls.spkiSha256(cert),
                        intake.publicKey().fingerprint()));
                out.flush();
                stop.await();
            }
            return UnionDeskCommand.OK;
        }
    }

    @Command(name = "import", description = "take a package from a USB stick; the receipt file is written beside it (or to --receipt-out)")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        IntakeCommand parent;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--receipt-out", paramLabel = "DIR")
        Path receiptOut;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            if (!Files.isRegularFile(file)) {
                throw new UsageException(root.messages().get("cli.batch.noFile", file));
            }
            return withIntake(root, store, intake -> {
                Path dir = receiptOut != null ? receiptOut : file.toAbsolutePath().getParent();
                IntakeService.Imported r = intake.importFile(file, dir);
                printAnswer(root.messages(), root.spec().commandLine().getOut(), root.spec().commandLine().getErr(),
                        file, r.answer());
                if (r.receiptFile() != null) {
                    root.spec().commandLine().getOut().println(r.receiptFile());
                }
                return "REFUSED".equals(r.answer().status()) ? UnionDeskCommand.REJECTED : UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "offices", description = "registered offices; add --key FILE registers one")
    static final class Offices implements Callable<Integer> {
        @ParentCommand
        IntakeCommand parent;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "add", arity = "0..1")
        String action;

        @Option(names = "--key", paramLabel = "FILE", description = "the office's public key file (identity export)")
        Path key;

        @Option(names = "--org-code", paramLabel = "CODE")
        String orgCode;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            PrintWriter out = root.spec().commandLine().getOut();
            if (action != null && !action.equals("add")) {
                throw new UsageException(m.get("cli.intake.officesUsage"));
            }
            return withIntake(root, store, intake -> {
                if ("add".equals(action)) {
                    if (key == null) {
                        throw new UsageException(m.get("cli.intake.officesUsage"));
                    }
                    try {
                        intake.registerOffice(key, orgCode);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(m.get("cli.batch.badKeyFile", key));
                    }
                }
                for (IntakeRepository.Office o : intake.offices()) {
                    out.println(m.get("cli.intake.office", o.orgCode(), o.name() == null ? "" : o.name(),
                            cn.uniondesk.sync.Ed25519.group(o.fingerprint())));
                }
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "summary", description = "the month's figures across offices; --xlsx FILE exports them")
    static final class Summary implements Callable<Integer> {
        @ParentCommand
        IntakeCommand parent;

        @Mixin
        StoreOptions store;

        @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
        String month;

        @Option(names = "--xlsx", paramLabel = "FILE")
        Path xlsx;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            YearMonth ym = DuesCommand.month(root, month);
            PrintWriter out = root.spec().commandLine().getOut();
            return withIntake(root, store, intake -> {
                IntakeService.Summary s = intake.summary(ym);
                out.println(m.get("cli.intake.summaryHead", ym.toString(), s.reported(), s.offices()));
                for (IntakeService.SummaryLine l : s.lines()) {
                    if (l.figures() == null) {
                        out.println(m.get("cli.intake.notReported", l.orgCode(), l.name() == null ? "" : l.name()));
                    } else {
                        out.println(line(m, l.orgCode() + " " + (l.name() == null ? "" : l.name()), l.figures()));
                    }
                }
                out.println(line(m, m.get("cli.intake.total"), s.totals()));
                if (xlsx != null) {
                    cn.uniondesk.excel.IntakeSummaryXlsx.write(s, xlsx);
                    out.println(xlsx);
                }
                return UnionDeskCommand.OK;
            });
        }

        static String line(Messages m, String who, IntakeRepository.Figures f) {
            return m.get("cli.intake.summaryLine", who, f.memberCount(), f.joined(), f.left(),
                    Money.ofFen(f.duesDueFen()).toYuanString(), Money.ofFen(f.duesPaidFen()).toYuanString(),
                    Money.ofFen(f.fundRemittedFen()).toYuanString(), f.aidCases(),
                    Money.ofFen(f.aidPaidFen()).toYuanString());
        }
    }

    @Command(name = "key", description = "export the intake's public key file (offices need it to check receipts)")
    static final class Key implements Callable<Integer> {
        @ParentCommand
        IntakeCommand parent;

        @Mixin
        StoreOptions store;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            return withIntake(root, store, intake -> {
                intake.publicKey().write(out);
                root.spec().commandLine().getOut().println(root.messages().get("cli.identity.exported", out,
                        intake.publicKey().fingerprint()));
                return UnionDeskCommand.OK;
            });
        }
    }

}
