package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.ACCOUNT;

import cn.uniondesk.domain.Account;
import cn.uniondesk.domain.Role;
import java.util.List;
import java.util.Optional;

/** Accounts and their roles. */
public final class AccountRepository {
    private final Database db;

    public AccountRepository(Database db) {
        this.db = db;
    }

    public void insert(Account a) {
        db.dsl().insertInto(ACCOUNT)
                .set(ACCOUNT.USERNAME, a.username())
                .set(ACCOUNT.DISPLAY_NAME, a.displayName())
                .set(ACCOUNT.ROLE, a.role().name())
                .set(ACCOUNT.ACTIVE, a.active())
                .set(ACCOUNT.MUST_CHANGE_PASSWORD, a.mustChangePassword())
                .execute();
    }

    public void update(Account a) {
        db.dsl().update(ACCOUNT)
                .set(ACCOUNT.DISPLAY_NAME, a.displayName())
                .set(ACCOUNT.ROLE, a.role().name())
                .set(ACCOUNT.ACTIVE, a.active())
                .set(ACCOUNT.MUST_CHANGE_PASSWORD, a.mustChangePassword())
                .where(ACCOUNT.USERNAME.eq(a.username()))
                .execute();
    }

    public Optional<Account> find(String username) {
        return db.dsl().selectFrom(ACCOUNT).where(ACCOUNT.USERNAME.eq(username)).fetchOptional(
                r -> new Account(r.getUsername(), r.getDisplayName(), Role.valueOf(r.getRole()), r.getActive(),
                        r.getMustChangePassword()));
    }

    public List<Account> findAll() {
        return db.dsl().selectFrom(ACCOUNT).orderBy(ACCOUNT.USERNAME).fetch(
                r -> new Account(r.getUsername(), r.getDisplayName(), Role.valueOf(r.getRole()), r.getActive(),
                        r.getMustChangePassword()));
    }

    public int countActiveAdmins() {
        return db.dsl().fetchCount(ACCOUNT, ACCOUNT.ROLE.eq(Role.ADMIN.name()).and(ACCOUNT.ACTIVE.isTrue()));
    }
}
