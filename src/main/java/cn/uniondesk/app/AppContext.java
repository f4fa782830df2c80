package cn.uniondesk.app;

import cn.uniondesk.db.AccountRepository;
import cn.uniondesk.db.AttachmentStore;
import cn.uniondesk.db.AuditRepository;
import cn.uniondesk.db.CaseRepository;
import cn.uniondesk.db.HardshipRepository;
import cn.uniondesk.db.Database;
import cn.uniondesk.db.DepartmentRepository;
import cn.uniondesk.db.DuesRepository;
import cn.uniondesk.db.KeyVault;
import cn.uniondesk.db.MemberRepository;
import cn.uniondesk.db.UnionRepository;
import cn.uniondesk.domain.Account;
import cn.uniondesk.domain.Regions;
import cn.uniondesk.domain.Role;
import cn.uniondesk.service.AccountService;
import cn.uniondesk.service.AuditService;
import cn.uniondesk.service.BackupService;
import cn.uniondesk.service.CaseDocumentService;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.service.HardshipService;
import cn.uniondesk.service.DemoDataService;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.MemberExportService;
import cn.uniondesk.service.MemberImportService;
import cn.uniondesk.service.MemberService;
import cn.uniondesk.service.Session;
import cn.uniondesk.service.UnionService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * The composition root: opens the database in a data folder and wires repositories and services
 * by constructor. The GUI and the command line both start here, through {@link #unlock} (an
 * account's password unwraps the database key) or, on a new data folder, {@link #initialize}.
 */
public final class AppContext implements AutoCloseable {
    /** The demo union's account; README states the password; the app asks to change it. */
    public static final String DEMO_USER = "demo";
    public static final String DEMO_PASSWORD = "demo1234";

    private final Path dataDir;
    private final Database database;
    private final Session session;
    private final MemberService members;
    private final UnionService union;
    private final DemoDataService demo;
    private final AuditService audit;
    private final AccountService accounts;
    private final BackupService backups;
    private final DuesService dues;
    private final MemberImportService memberImport;
    private final MemberExportService memberExport;
    private final HardshipService hardship;
    private final CaseService cases;
    private final CaseDocumentService caseDocuments;
    private final cn.uniondesk.service.WageImportService wageImport;
    private final cn.uniondesk.service.BenchDataService benchData;
    private final cn.uniondesk.service.OfficeIdentityService identity;
    private final cn.uniondesk.service.BatchService batches;
    private final cn.uniondesk.service.OutboxService outbox;
    private final cn.uniondesk.service.report.ReportService reports;
    private final cn.uniondesk.service.report.DashboardService dashboard;

    private AppContext(Path dataDir, Database database, byte[] fileKey, KeyVault vault, Session session, Clock clock) {
        this.dataDir = dataDir;
        this.database = database;
        this.session = session;
        MemberRepository memberRepo = new MemberRepository(database);
        DepartmentRepository deptRepo = new DepartmentRepository(database);
        UnionRepository unionRepo = new UnionRepository(database);
        this.audit = new AuditService(new AuditRepository(database), session, clock);
        this.members = new MemberService(database, memberRepo, deptRepo, session, clock, Regions.standard(), audit);
        this.union = new UnionService(database, unionRepo, session, audit, Regions.standard());
        this.demo = new DemoDataService(database, unionRepo, deptRepo, memberRepo, clock, audit, session);
        this.accounts = new AccountService(database, new AccountRepository(database), vault, fileKey, session, audit,
                clock);
        this.backups = new BackupService(database, dataDir, session, audit, clock);
        DuesRepository duesRepo = new DuesRepository(database);
        this.dues = new DuesService(database, duesRepo, memberRepo, session, audit, clock);
        this.wageImport = new cn.uniondesk.service.WageImportService(database, duesRepo, memberRepo, dues, session);
        this.benchData = new cn.uniondesk.service.BenchDataService(database, memberRepo, deptRepo, duesRepo,
                new CaseRepository(database), audit, session, clock);
        this.demo.useDues(dues);
        this.memberImport = new MemberImportService(database, memberRepo, deptRepo, members, session, clock,
                Regions.standard(), audit);
        this.memberExport = new MemberExportService(memberRepo, deptRepo, session);
        HardshipRepository hardshipRepo = new HardshipRepository(database);
        this.hardship = new HardshipService(database, hardshipRepo, memberRepo, session, audit, clock,
                Regions.standard());
        this.cases = new CaseService(database, new CaseRepository(database), hardshipRepo, memberRepo,
                new AttachmentStore(dataDir, fileKey), session, audit, clock);
        this.caseDocuments = new CaseDocumentService(database, cases, hardship, members, union, session, audit, clock);
        this.demo.useCases(new cn.uniondesk.service.DemoCasesService(cases, hardship, members, accounts, session, clock,
                fileKey == null ? null : DEMO_PASSWORD.toCharArray()));
        cn.uniondesk.db.SyncRepository syncRepo = new cn.uniondesk.db.SyncRepository(database);
        this.identity = new cn.uniondesk.service.OfficeIdentityService(database, syncRepo, session, audit, clock,
                database.fileKey());
        this.batches = new cn.uniondesk.service.BatchService(database, syncRepo, dues, unionRepo, identity, session,
                audit, clock, dataDir.resolve("batches"), softwareVersion());
        this.outbox = new cn.uniondesk.service.OutboxService(database, syncRepo, batches, session, audit, clock,
                AppContext::uploader);
        // the monthly batch's aid ledger: the aid payments of the month, from the cases
        this.batches.useAidLedger((month, sink) -> {
            for (cn.uniondesk.domain.cases.LedgerRow r : cases.ledger(month.atDay(1), month.atEndOfMonth())) {
                cn.uniondesk.domain.cases.AidCase c = cases.get(r.caseId());
                sink.accept(new cn.uniondesk.service.AidLedgerSource.AidPayment(r.caseNo(), r.type().name(),
                        c.memberId(), r.paid().fen(), r.paidOn(), c.state()));
            }
        });
        cn.uniondesk.db.ReportRepository reportRepo = new cn.uniondesk.db.ReportRepository(database);
        this.reports = new cn.uniondesk.service.report.ReportService(database, reportRepo, dues, union,
                cn.uniondesk.service.report.CaseReportSources.ledger(cases), session, audit, clock);
        this.dashboard = new cn.uniondesk.service.report.DashboardService(reportRepo, reports,
                cn.uniondesk.service.report.CaseReportSources.figures(cases, hardship), session, clock);
    }

    /** "UnionDesk 0.1.0" from the jar's manifest ("dev" when run from classes). */
    public static String softwareVersion() {
        String v = AppContext.class.getPackage().getImplementationVersion();
        return "UnionDesk " + (v == null ? "dev" : v);
    }

    /** The HTTPS uploader for the saved settings (JDK trust plus the optional certificate, optional pin). */
    static cn.uniondesk.sync.Uploader uploader(cn.uniondesk.service.UploadSettings s) {
        java.security.PublicKey intakeKey;
        try {
            intakeKey = cn.uniondesk.sync.BatchJson.MAPPER.readValue(s.intakeKeyJson(), cn.uniondesk.sync.KeyFile.class)
                    .key();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return cn.uniondesk.sync.HttpsUploader.standard(java.net.URI.create(s.url()),
                cn.uniondesk.sync.Tls.clientContext(s.trustedCertPem(), s.pinSha256()), intakeKey,
                s.resumableThresholdBytes());
    }

    /** True when the data folder has been set up with accounts (and so an encrypted database). */
    public static boolean isInitialized(Path dataDir) {
        return new KeyVault(dataDir).exists();
    }

    /**
     * Opens an UNENCRYPTED database as the given session, without accounts: for tests and
     * throw-away tools only. The window and the command line use {@link #unlock}.
     */
    public static AppContext open(Path dataDir, Session session, Clock clock) {
        return new AppContext(dataDir, Database.open(dataDir), null, new KeyVault(dataDir), session, clock);
    }

    public static AppContext open(Path dataDir) {
        return open(dataDir, Session.ofSystemUser(), Clock.systemDefaultZone());
    }

    /**
     * Opens the data folder as {@code user}: the password unwraps the database key.
     *
     * @throws KeyVault.UnlockException for a wrong password, an unknown or locked account
     * @throws cn.uniondesk.db.DatabaseInUseException when another instance has it open
     */
    public static AppContext unlock(Path dataDir, String user, char[] password, Clock clock) {
        KeyVault vault = new KeyVault(dataDir);
        if (!vault.exists()) {
            throw new IllegalStateException("data folder not initialised: " + dataDir);
        }
        byte[] key = vault.unlock(user, password, clock.instant());
        Database db = Database.open(dataDir, key);
        try {
            Optional<Account> account = new AccountRepository(db).find(user);
            if (account.isEmpty() || !account.get().active()) {
                throw new KeyVault.UnlockException(KeyVault.Failure.UNKNOWN_USER, null);
            }
            return new AppContext(dataDir, db, key, vault, new Session(user, account.get().role()), clock);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Sets up a data folder: a new database key wrapped for the first administrator, the database
     * created (or an unencrypted one from an earlier release encrypted in place), the account
     * stored. {@code mustChange} asks the user to pick a new password at first login.
     */
    public static AppContext initialize(Path dataDir, String adminUser, char[] adminPassword, boolean mustChange,
            Clock clock) {
        return initialize(dataDir, adminUser, adminPassword, mustChange, clock, KeyVault.DEFAULT_ITERATIONS);
    }

    static AppContext initialize(Path dataDir, String adminUser, char[] adminPassword, boolean mustChange,
            Clock clock, int iterations) {
        if (adminPassword.length < AccountService.MIN_PASSWORD_LENGTH) {
            throw new cn.uniondesk.service.RuleViolationException("account.passwordTooShort",
                    AccountService.MIN_PASSWORD_LENGTH);
        }
        KeyVault vault = new KeyVault(dataDir, iterations);
        byte[] key = vault.create(adminUser, adminPassword);
        if (Database.exists(dataDir)) {
            Database.encryptExisting(dataDir, key);
        }
        Database db = Database.open(dataDir, key);
        AppContext ctx = new AppContext(dataDir, db, key, vault, new Session(adminUser, Role.ADMIN), clock);
        ctx.accounts.createFirstAdmin(adminUser, adminUser, mustChange);
        ctx.identity.ensure();
        return ctx;
    }

    /** A new data folder with the demo union and its demo account (password to be changed). */
    public static AppContext initializeDemo(Path dataDir, Clock clock) {
        AppContext ctx = initialize(dataDir, DEMO_USER, DEMO_PASSWORD.toCharArray(), true, clock);
        ctx.demo.loadDemo();
        return ctx;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Session session() {
        return session;
    }

    public MemberService members() {
        return members;
    }

    public UnionService union() {
        return union;
    }

    public AuditService audit() {
        return audit;
    }

    public AccountService accounts() {
        return accounts;
    }

    public DuesService dues() {
        return dues;
    }

    /** Wage bases from the office's wage sheet (dry run, then apply). */
    public cn.uniondesk.service.WageImportService wageImport() {
        return wageImport;
    }

    /** Generated members for the benchmark harness. */
    public cn.uniondesk.service.BenchDataService benchData() {
        return benchData;
    }

    public BackupService backups() {
        return backups;
    }

    public DemoDataService demo() {
        return demo;
    }

    /**
     * Restores the database from a backup zip: requires the restore permission, keeps the current
     * file, replaces it and closes this context (open a new one afterwards).
     */
    public Path restoreAndClose(Path zip, Clock clock) {
        session.require(cn.uniondesk.domain.Permission.RESTORE);
        byte[] key = database.fileKey();
        database.inTransaction(() -> {
            audit.record("RESTORE", "database", null, null, zip.getFileName().toString(), null);
        });
        database.close();
        String stamp = java.time.LocalDateTime.now(clock)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Database.restore(dataDir, zip, key, stamp);
    }

    public MemberImportService memberImport() {
        return memberImport;
    }

    public MemberExportService memberExport() {
        return memberExport;
    }

    /** Aid and cases (帮扶): cases, workflows, attachments, caps, ledger rows. */
    public CaseService cases() {
        return cases;
    }

    /** The approval form, the aid ledger and the public notice (帮扶审批表, 帮扶救助台账, 公示). */
    public CaseDocumentService caseDocuments() {
        return caseDocuments;
    }

    /** Hardship files (困难职工档案) and the 低保 lines. */
    public HardshipService hardship() {
        return hardship;
    }

    public cn.uniondesk.service.OfficeIdentityService identity() {
        return identity;
    }

    public cn.uniondesk.service.BatchService batches() {
        return batches;
    }

    public cn.uniondesk.service.OutboxService outbox() {
        return outbox;
    }

    public cn.uniondesk.service.report.ReportService reports() {
        return reports;
    }

    public cn.uniondesk.service.report.DashboardService dashboard() {
        return dashboard;
    }

    @Override
    public void close() {
        database.close();
    }

    static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
