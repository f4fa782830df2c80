package cn.uniondesk.service;

import cn.uniondesk.db.AccountRepository;
import cn.uniondesk.db.Database;
import cn.uniondesk.db.KeyVault;
import cn.uniondesk.domain.Account;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.TextNormalizer;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Accounts: created, reset and deactivated by an administrator; each user changes their own
 * password. Every change is audited (never the password). A password only ever wraps the
 * database key (see {@link KeyVault}); it is neither logged nor stored.
 */
public final class AccountService {
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.\\-]{2,50}|[\\p{IsHan}A-Za-z0-9_]{2,20}");

    private final Database db;
    private final AccountRepository accounts;
    private final KeyVault vault;
    private final byte[] fileKey;
    private final Session session;
    private final AuditService audit;
    private final Clock clock;

    public AccountService(Database db, AccountRepository accounts, KeyVault vault, byte[] fileKey, Session session,
            AuditService audit, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.vault = vault;
        this.fileKey = fileKey;
        this.session = session;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Account> list() {
        session.require(Permission.ACCOUNT_ADMIN);
        return accounts.findAll();
    }

    public Account current() {
        return accounts.find(session.operator())
                .orElse(new Account(session.operator(), session.operator(), session.role(), true, false));
    }

    /** An administrator creates an account; the user must change the password at first login. */
    public Account create(String username, String displayName, Role role, char[] password) {
        session.require(Permission.ACCOUNT_ADMIN);
        String u = TextNormalizer.normalize(username);
        checkUsername(u);
        checkPassword(password);
        if (accounts.find(u).isPresent() || vault.hasAccount(u)) {
            throw new RuleViolationException("account.exists");
        }
        Account a = new Account(u, displayName == null || displayName.isBlank() ? u : displayName.strip(), role, true,
                true);
        db.inTransaction(() -> {
            accounts.insert(a);
            audit.record("ACCOUNT_CREATE", "account", u, null, "role=" + role + "; displayName=" + a.displayName(),
                    null);
        });
        vault.put(u, password, requireKey());
        return a;
    }

    /** The first administrator of a new database (no permission check: there is nobody yet). */
    public Account createFirstAdmin(String username, String displayName, boolean mustChange) {
        if (accounts.countActiveAdmins() > 0) {
            throw new IllegalStateException("an administrator exists already");
        }
        String u = TextNormalizer.normalize(username);
        checkUsername(u);
        Account a = new Account(u, displayName == null || displayName.isBlank() ? u : displayName.strip(), Role.ADMIN,
                true, mustChange);
        db.inTransaction(() -> {
            accounts.insert(a);
            audit.record("ACCOUNT_CREATE", "account", u, null, "role=ADMIN; first administrator", null);
        });
        return a;
    }

    /** The logged-in user changes their own password (the old one is checked). */
    public void changeOwnPassword(char[] oldPassword, char[] newPassword) {
        checkPassword(newPassword);
        String u = session.operator();
        byte[] key = vault.unlock(u, oldPassword, clock.instant());
        vault.put(u, newPassword, key);
        accounts.find(u).ifPresent(a -> db.inTransaction(() -> {
            accounts.update(new Account(a.username(), a.displayName(), a.role(), a.active(), false));
            audit.record("PASSWORD_CHANGE", "account", u, null, null, null);
        }));
    }

    /** An administrator sets a new password for someone who forgot theirs; they must change it at login. */
    public void resetPassword(String username, char[] newPassword) {
        session.require(Permission.ACCOUNT_ADMIN);
        checkPassword(newPassword);
        Account a = accounts.find(username).orElseThrow(() -> new NotFoundException("account.notFound", username));
        vault.put(username, newPassword, requireKey());
        db.inTransaction(() -> {
            accounts.update(new Account(a.username(), a.displayName(), a.role(), a.active(), true));
            audit.record("PASSWORD_RESET", "account", username, null, null, null);
        });
    }

    /** An administrator closes an account: it can no longer unlock the database. */
    public void deactivate(String username) {
        session.require(Permission.ACCOUNT_ADMIN);
        Account a = accounts.find(username).orElseThrow(() -> new NotFoundException("account.notFound", username));
        if (a.role() == Role.ADMIN && accounts.countActiveAdmins() <= 1) {
            throw new RuleViolationException("account.lastAdmin");
        }
        db.inTransaction(() -> {
            accounts.update(new Account(a.username(), a.displayName(), a.role(), false, a.mustChangePassword()));
            audit.record("ACCOUNT_DEACTIVATE", "account", username, "active=true", "active=false", null);
        });
        vault.remove(username);
    }

    private byte[] requireKey() {
        if (fileKey == null) {
            throw new IllegalStateException("the database is not encrypted: no key to wrap");
        }
        return fileKey;
    }

    static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new RuleViolationException("account.passwordTooShort", MIN_PASSWORD_LENGTH);
        }
    }

    static void checkUsername(String u) {
        if (!USERNAME.matcher(u).matches()) {
            throw new RuleViolationException("account.badUsername");
        }
    }
}
