package cn.uniondesk.app;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.DatabaseInUseException;
import cn.uniondesk.db.KeyVault;
import cn.uniondesk.domain.Account;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.ui.login.LoginException;
import cn.uniondesk.ui.login.LoginGateway;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's way into a data folder: sets it up, opens it as an account (holding the open
 * {@link AppContext} until logout), checks a password again at the idle lock, restores a backup.
 * Translates the data layer's failures into {@link LoginException}s the login pages can word.
 */
public final class AppLoginGateway implements LoginGateway {
    private static final Logger LOG = LoggerFactory.getLogger(AppLoginGateway.class);

    private final Path dir;
    private final Clock clock;
    private volatile AppContext current;

    public AppLoginGateway(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    @Override
    public boolean initialized() {
        return AppContext.isInitialized(dir);
    }

    @Override
    public boolean demoAccount() {
        KeyVault vault = new KeyVault(dir);
        return vault.exists() && vault.hasAccount(AppContext.DEMO_USER);
    }

    @Override
    public boolean hasUnencryptedData() {
        return !initialized() && Database.exists(dir);
    }

    @Override
    public String demoUser() {
        return AppContext.DEMO_USER;
    }

    @Override
    public String demoPassword() {
        return AppContext.DEMO_PASSWORD;
    }

    @Override
    public String dataFolder() {
        return dir.toString();
    }

    @Override
    public void createDemo() {
        try (AppContext ctx = translate(() -> AppContext.initializeDemo(dir, clock))) {
            LOG.info("Data folder {} set up with the demo union", dir);
        }
    }

    @Override
    public Account create(String unionName, String orgCode, String adminUser, char[] password) {
        AppContext ctx = translate(() -> AppContext.initialize(dir, adminUser, password, false, clock));
        try {
            ctx.union().save(new UnionInfo(unionName, orgCode, null, null));
            ctx.members().ensureIndex();
            LOG.info("Data folder {} set up for {} with administrator {}", dir, unionName, adminUser);
            return signIn(ctx);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    @Override
    public Account login(String user, char[] password) {
        AppContext ctx = translate(() -> AppContext.unlock(dir, user, password, clock));
        try {
            ctx.members().ensureIndex();
            LOG.info("{} logged in ({})", ctx.session().operator(), ctx.session().role());
            return signIn(ctx);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    private Account signIn(AppContext ctx) {
        AppContext old = current;
        current = ctx;
        if (old != null && old != ctx) {
            old.close();
        }
        return ctx.accounts().current();
    }

    @Override
    public void changePassword(char[] oldPassword, char[] newPassword) {
        AppContext ctx = requireContext();
        translate(() -> {
            ctx.accounts().changeOwnPassword(oldPassword, newPassword);
            return null;
        });
    }

    @Override
    public void verify(String user, char[] password) {
        translate(() -> new KeyVault(dir).unlock(user, password, clock.instant()));
    }

    /** The open context of the signed-in account. */
    public AppContext context() {
        return requireContext();
    }

    private AppContext requireContext() {
        AppContext ctx = current;
        if (ctx == null) {
            throw new IllegalStateException("nobody is signed in");
        }
        return ctx;
    }

    /** The union's name, for the title (null when not set). */
    public String unionName() {
        return requireContext().union().union().map(UnionInfo::name).orElse(null);
    }

    /** Keeps the current data in a fresh backup, restores {@code zip} and closes the session. */
    public Path restore(Path zip) {
        AppContext ctx = requireContext();
        ctx.backups().backup(null);
        Path kept = ctx.restoreAndClose(zip, clock);
        current = null;
        LOG.info("Restored {}; previous database kept as {}", zip, kept);
        return kept;
    }

    /**
     * Ends the session: a backup first when the role may make one (a failure is logged, never
     * thrown), then the data is closed.
     */
    public void closeSession(boolean backup) {
        AppContext ctx = current;
        current = null;
        if (ctx == null) {
            return;
        }
        if (backup && ctx.session().may(Permission.BACKUP)) {
            try {
                Path p = ctx.backups().backupOnExit();
                LOG.info("Backup on exit: {}", p);
            } catch (RuntimeException e) {
                LOG.warn("Backup on exit failed: {}", e.toString());
            }
        }
        try {
            ctx.close();
            LOG.info("Data closed");
        } catch (RuntimeException e) {
            LOG.warn("Closing the data failed: {}", e.toString());
        }
    }

    private <T> T translate(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (KeyVault.UnlockException e) {
            throw new LoginException(e.failure() == KeyVault.Failure.LOCKED ? LoginException.Kind.LOCKED
                    : LoginException.Kind.FAILED, e.lockedUntil(), dir.toString(), e);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DatabaseInUseException d) {
                    throw new LoginException(LoginException.Kind.IN_USE, null, d.dataDir().toString(), e);
                }
            }
            throw e;
        }
    }
}
