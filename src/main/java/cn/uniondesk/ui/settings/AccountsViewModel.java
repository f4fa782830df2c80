package cn.uniondesk.ui.settings;

import cn.uniondesk.domain.Account;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.Role;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.AccountService;
import cn.uniondesk.service.Session;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The accounts tab (administrators): list, add with a role and an initial password, reset a
 * password, deactivate. The service checks the permission too; its refusal is shown as text.
 */
public final class AccountsViewModel {
    private final AccountService accounts;
    private final Session session;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final ObservableList<Account> rows = FXCollections.observableArrayList();
    private final StringProperty newUser = new SimpleStringProperty("");
    private final StringProperty newName = new SimpleStringProperty("");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(Role.CLERK);
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public AccountsViewModel(AccountService accounts, Session session, BackgroundExecutor executor,
            Messages messages) {
        this.accounts = accounts;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
    }

    public boolean allowed() {
        return session.may(Permission.ACCOUNT_ADMIN);
    }

    public void load() {
        executor.run(accounts::list, list -> {
            rows.setAll(list);
        }, this::failed);
    }

    /** Adds the account typed in the form; the user changes the password at first login. */
    public void add() {
        String u = newUser.get() == null ? "" : newUser.get().strip();
        if (u.isEmpty()) {
            error.set(messages.get("ui.sec.userRequired"));
            return;
        }
        char[] pw = (newPassword.get() == null ? "" : newPassword.get()).toCharArray();
        String name = newName.get();
        Role role = newRole.get() == null ? Role.CLERK : newRole.get();
        act(() -> accounts.create(u, name, role, pw), messages.get("accounts.created", u), true);
    }

    /** Sets a new password for {@code username}, to be changed at their next login. */
    public void resetPassword(String username, String password) {
        char[] pw = (password == null ? "" : password).toCharArray();
        act(() -> {
            accounts.resetPassword(username, pw);
            return null;
        }, messages.get("accounts.reset", username), false);
    }

    public void deactivate(String username) {
        act(() -> {
            accounts.deactivate(username);
            return null;
        }, messages.get("accounts.deactivated", username), false);
    }

    private void act(Callable<?> work, String done, boolean clearForm) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        status.set("");
        executor.run(() -> {
            work.call();
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            status.set(done);
            if (clearForm) {
                newUser.set("");
                newName.set("");
                newPassword.set("");
            }
            load();
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        error.set(ErrorText.of(e, messages));
    }

    public String roleName(Role r) {
        return messages.get("role." + r.name());
    }

    public ObservableList<Account> rows() {
        return rows;
    }

    public StringProperty newUserProperty() {
        return newUser;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
