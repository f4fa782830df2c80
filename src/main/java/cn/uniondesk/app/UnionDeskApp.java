package cn.uniondesk.app;

import cn.uniondesk.db.DatabaseInUseException;
import cn.uniondesk.domain.Account;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.login.IdleTimer;
import cn.uniondesk.ui.login.LockView;
import cn.uniondesk.ui.login.LockViewModel;
import cn.uniondesk.ui.login.LoginView;
import cn.uniondesk.ui.login.LoginViewModel;
import cn.uniondesk.ui.members.MemberListView;
import cn.uniondesk.ui.members.MemberListViewModel;
import cn.uniondesk.ui.settings.AccountsViewModel;
import cn.uniondesk.ui.settings.AuditViewModel;
import cn.uniondesk.ui.settings.BackupViewModel;
import cn.uniondesk.ui.settings.SettingsView;
import cn.uniondesk.ui.shell.ShellView;
import cn.uniondesk.ui.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application and the GUI's composition root. The window opens on the first-start
 * page (a data folder without accounts) or the login page; after login (and any forced password
 * change) it wires the member screen and the settings with the account's context. An idle timer
 * covers the window with the lock page; on exit a backup is made before the data is closed.
 */
public final class UnionDeskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(UnionDeskApp.class);
    /** Minutes without input before the window locks, unless {@code --idle-minutes N} says otherwise. */
    static final double DEFAULT_IDLE_MINUTES = 10;
    /** Show the window, print how long the start took, quit (start-up measurement, AppCDS training). */
    static final String EXIT_AFTER_START = "--exit-after-start";
    /** With {@link #EXIT_AFTER_START}: also save a PNG of the window (installer check under Xvfb). */
    static final String SCREENSHOT = "--screenshot";

    private final Clock clock = Clock.systemDefaultZone();
    private FxBackgroundExecutor executor;
    private Messages messages;
    private AppLoginGateway gateway;
    private Stage stage;
    private Scene scene;
    private StackPane root;
    private LoginViewModel loginVm;
    private LoginView loginView;
    private LockViewModel lockVm;
    private LockView lockView;
    private IdleTimer idle;
    private ShellViewModel shellVm;
    private Account account;

    @Override
    public void start(Stage stage) {
        start(stage, getParameters().getRaw().toArray(new String[0]));
    }

    /** Builds the window for the given command-line arguments ({@code --data}, {@code --lang}, {@code --idle-minutes}). */
    void start(Stage stage, String[] args) {
        this.stage = stage;
        String lang = Launcher.option(args, "--lang");
        Locale locale = lang == null || lang.isBlank() ? Messages.defaultLocale() : Locale.forLanguageTag(lang);
        messages = Messages.forLocale(locale);
        Fonts.loadBundled();
        executor = new FxBackgroundExecutor(2);
        try {
            Path dir = DataFolder.resolve(Launcher.dataOption(args));
            gateway = new AppLoginGateway(dir, clock);
            loginVm = new LoginViewModel(gateway, executor, messages);
            loginVm.setOnSignedIn(this::signedIn);
            loginView = new LoginView(loginVm);
            lockVm = new LockViewModel(gateway, executor, messages);
            lockVm.setOnUnlocked(() -> idle.start());
            lockView = new LockView(lockVm, this::logout);
            idle = new IdleTimer(Duration.minutes(idleMinutes(args)), this::lockNow);
        } catch (RuntimeException e) {
            startFailed(stage, e);
            return;
        }
        root = new StackPane(loginView);
        scene = new Scene(root, 1280, 800);
        idle.attach(scene);
        stage.titleProperty().unbind();
        stage.setTitle(messages.get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        if (Arrays.asList(args).contains(EXIT_AFTER_START)) {
            String shot = Launcher.option(args, SCREENSHOT);
            reportStartAndExit(shot == null ? null : Path.of(shot));
        }
    }

    private void saveScreenshot(Path file) {
        try {
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(scene.snapshot(null), null),
                    "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * For start-up measurement and the installer's class-data-sharing training run: once the first
     * frame of the window has been drawn, prints the time since the process started and quits.
     */
    private void reportStartAndExit(Path screenshot) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2) {
                    return;
                }
                stop();
                long ms = ProcessHandle.current().info().startInstant()
                        .map(t -> java.time.Duration.between(t, Instant.now()).toMillis()).orElse(-1L);
                if (screenshot != null) {
                    saveScreenshot(screenshot);
                }
                LOG.info("Window usable {} ms after the process started", ms);
                Platform.exit();
            }
        }.start();
    }

    /** {@code --idle-minutes N} (a decimal; tests use fractions of a minute), else the default. */
    static double idleMinutes(String[] args) {
        String v = Launcher.option(args, "--idle-minutes");
        if (v != null) {
            try {
                double d = Double.parseDouble(v.strip());
                if (d > 0) {
                    return d;
                }
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring --idle-minutes {}", v);
            }
        }
        return DEFAULT_IDLE_MINUTES;
    }

    /** An account has signed in: the main window with its context. */
    private void signedIn(Account a) {
        account = a;
        AppContext ctx = gateway.context();
        shellVm = new ShellViewModel(messages);
        ShellView shell = new ShellView(shellVm);
        MemberListViewModel membersVm = new MemberListViewModel(ctx.members(), executor, messages);
        MemberListView membersPage = new MemberListView(membersVm);
        if (ctx.session().may(cn.uniondesk.domain.Permission.MEMBER_WRITE)) {
            membersPage.setImportAction(afterClose -> {
                javafx.stage.Stage wizard = new cn.uniondesk.ui.importer.ImportWizardView(ctx.memberImport(),
                        messages, executor).showIn(stage);
                wizard.setOnHidden(e -> afterClose.run());
            });
        }
        shell.setMembersPage(membersPage);
        cn.uniondesk.ui.dues.DuesViewModel duesVm = new cn.uniondesk.ui.dues.DuesViewModel(ctx.dues(),
                ctx.members(), executor, messages, ctx.members().today());
        duesVm.setReadOnly(!ctx.session().may(cn.uniondesk.domain.Permission.MEMBER_WRITE));
        boolean duesReadOnly = !ctx.session().may(cn.uniondesk.domain.Permission.MEMBER_WRITE);
        cn.uniondesk.ui.dues.ReconciliationViewModel reconVm = new cn.uniondesk.ui.dues.ReconciliationViewModel(
                ctx.dues(), executor, messages, ctx.members().today());
        reconVm.setReadOnly(duesReadOnly);
        cn.uniondesk.ui.dues.ReceiptsViewModel receiptsVm = new cn.uniondesk.ui.dues.ReceiptsViewModel(ctx.dues(),
                ctx.union(), new HostDocumentOpener(this::getHostServices), ctx.dataDir().resolve("receipts"), executor,
                messages, ctx.members().today().getYear());
        receiptsVm.setReadOnly(duesReadOnly);
        cn.uniondesk.ui.dues.FundViewModel fundVm = new cn.uniondesk.ui.dues.FundViewModel(ctx.dues(), executor,
                messages, java.time.YearMonth.from(ctx.members().today()));
        fundVm.setReadOnly(duesReadOnly);
        cn.uniondesk.ui.dues.DuesView duesView = new cn.uniondesk.ui.dues.DuesView(duesVm, reconVm, receiptsVm,
                fundVm);
        shell.setDuesPage(duesView);
        cn.uniondesk.ui.dues.WageImportViewModel wageVm = new cn.uniondesk.ui.dues.WageImportViewModel(
                ctx.wageImport(), executor, messages, java.time.YearMonth.from(ctx.members().today()));
        wageVm.setReadOnly(duesReadOnly);
        cn.uniondesk.ui.dues.DuesTools.install(duesView, duesVm, wageVm,
                new cn.uniondesk.ui.dues.StatementExportViewModel(ctx.dues(), ctx.union(), executor, messages));
        shell.setAidPage(cn.uniondesk.ui.cases.CasesView.create(ctx.cases(), ctx.caseDocuments(), ctx.members(), ctx.session(), executor,
                messages, new HostDocumentOpener(this::getHostServices), HostDocumentOpener.viewFolder(),
                ctx.members().today()));
        cn.uniondesk.ui.cases.MemberAidViewModel aidVm = new cn.uniondesk.ui.cases.MemberAidViewModel(ctx.cases(),
                ctx.hardship(), ctx.session(), executor, messages, ctx.members().today());
        aidVm.memberProperty().bind(membersVm.selectedMemberProperty());
        membersPage.setAidPane(new cn.uniondesk.ui.cases.MemberAidPane(aidVm));
        cn.uniondesk.ui.upload.UploadViewModel uploadVm = new cn.uniondesk.ui.upload.UploadViewModel(ctx.batches(),
                ctx.outbox(), ctx.identity(), executor, messages, java.time.YearMonth.from(ctx.members().today()));
        uploadVm.readOnlyProperty().set(!ctx.session().may(Permission.MEMBER_WRITE));
        shell.setUploadPage(new cn.uniondesk.ui.upload.UploadView(uploadVm,
                new cn.uniondesk.ui.upload.UploadSettingsViewModel(ctx.batches(), ctx.outbox(), ctx.identity(),
                        ctx.union(), ctx.session(), executor, messages)));
        stopOutbox();
        outboxJob = new OutboxScheduler(ctx.outbox(), ctx.session());
        shell.setDashboardPage(new cn.uniondesk.ui.dashboard.DashboardView(new cn.uniondesk.ui.dashboard
                .DashboardViewModel(ctx.dashboard(), executor, messages, new cn.uniondesk.ui.dashboard
                .SectionNavigator(shellVm, membersVm, duesVm))));
        shell.setReportsPage(new cn.uniondesk.ui.reports.ReportsView(new cn.uniondesk.ui.reports.ReportsViewModel(
                ctx.reports(), executor, messages, new DesktopDocumentOpener(getHostServices()),
                ctx.dataDir().resolve("reports"), ctx.members().today())));
        BackupViewModel backup = new BackupViewModel(ctx.backups(), ctx.session(), executor, messages,
                gateway::restore);
        backup.setOnRestored(this::restored);
        cn.uniondesk.ui.settings.UnionInfoViewModel unionVm = new cn.uniondesk.ui.settings.UnionInfoViewModel(
                ctx.union(), ctx.session(), executor, messages);
        unionVm.setOnSaved(u -> shellVm.ready(u.name()));
        shell.setSettingsPage(new SettingsView(unionVm,
                new AuditViewModel(ctx.audit(), ctx.session(), executor, messages),
                backup, new AccountsViewModel(ctx.accounts(), ctx.session(), executor, messages), a.role()));
        shellVm.signedIn(a.username(), a.role());
        shellVm.setOnLock(this::lockNow);
        shellVm.setOnLogout(this::logout);
        stage.titleProperty().bind(shellVm.titleProperty());
        root.getChildren().setAll(shell, lockView);
        lockVm.clear();
        idle.start();
        executor.run(gateway::unionName, shellVm::ready, e -> {
            LOG.warn("Reading the union's name failed: {}", e.toString());
            shellVm.ready(null);
        });
        if (ctx.session().may(Permission.BACKUP)) {
            executor.run(() -> ctx.backups().backupIfDue(), p -> {
                if (p != null) {
                    LOG.info("Daily backup: {}", p);
                }
            }, e -> LOG.warn("Daily backup failed: {}", e.toString()));
        }
    }

    /** Covers the window until the same account's password is typed again. */
    private void lockNow() {
        if (account == null || lockVm.lockedProperty().get()) {
            return;
        }
        idle.stop();
        lockVm.lock(account.username());
        LOG.info("Window locked for {}", account.username());
    }

    private OutboxScheduler outboxJob;

    private void stopOutbox() {
        if (outboxJob != null) {
            outboxJob.close();
            outboxJob = null;
        }
    }

    /** Closes the data (after the exit backup, in the background) and returns to the login page. */
    private void logout() {
        stopOutbox();
        idle.stop();
        HostDocumentOpener.clean(HostDocumentOpener.viewFolder());
        lockVm.clear();
        account = null;
        stage.titleProperty().unbind();
        stage.setTitle(messages.get("app.title"));
        javafx.scene.control.Label closing = new javafx.scene.control.Label(messages.get("ui.sec.loggingOut"));
        closing.setStyle(Fonts.rootStyle());
        root.getChildren().setAll(new StackPane(closing));
        executor.run(() -> {
            gateway.closeSession(true);
            return Boolean.TRUE;
        }, ok -> {
            loginVm.reset();
            showLogin(null);
        }, e -> {
            loginVm.reset();
            showLogin(null);
        });
    }

    /** After a restore the session is closed: back to the login page with what happened. */
    private void restored(String text) {
        stopOutbox();
        idle.stop();
        lockVm.clear();
        account = null;
        loginVm.reset();
        showLogin(text);
    }

    private void showLogin(String notice) {
        stage.titleProperty().unbind();
        stage.setTitle(messages.get("app.title"));
        if (shellVm != null) {
            shellVm.signedOut();
        }
        root.getChildren().setAll(loginView);
        if (notice != null) {
            loginVm.notice(notice);
        }
    }

    /** The message shown when the data cannot be opened: in-use is explained, anything else points to the log. */
    static String startErrorText(Throwable error, Messages messages) {
        DatabaseInUseException inUse = inUse(error);
        if (inUse != null) {
            return messages.get("db.inUse", inUse.dataDir());
        }
        return messages.get("ui.error.startFailed", error.getClass().getSimpleName());
    }

    private void startFailed(Stage stage, Throwable error) {
        if (inUse(error) != null) {
            LOG.warn("Data folder in use: {}", inUse(error).dataDir());
        } else {
            LOG.error("Start failed", error);
        }
        String text = startErrorText(error, messages);
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle(messages.get("ui.error.title"));
        alert.setHeaderText(messages.get("ui.error.title"));
        alert.getDialogPane().setStyle(Fonts.rootStyle());
        alert.showAndWait();
        Platform.exit();
    }

    private static DatabaseInUseException inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseInUseException d) {
                return d;
            }
        }
        return null;
    }

    /** The gateway of this window (tests). */
    AppLoginGateway gateway() {
        return gateway;
    }

    /** Ends the app's work: the exit backup (failures logged), then the data is closed. */
    void shutdown() {
        HostDocumentOpener.clean(HostDocumentOpener.viewFolder());
        stopOutbox();
        if (idle != null) {
            idle.stop();
        }
        if (executor != null) {
            executor.close();
        }
        if (gateway != null) {
            gateway.closeSession(true);
        }
    }

    @Override
    public void stop() {
        shutdown();
    }
}
