package cn.uniondesk.ui.login;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.BackgroundExecutor;
import java.time.ZoneId;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The idle lock: covers the window until the same account's password is typed again. The
 * check (PBKDF2) runs through the {@link BackgroundExecutor}; wrong passwords count towards the
 * account's lockout like a login.
 */
public final class LockViewModel {
    private final LoginGateway gateway;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final ZoneId zone;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringProperty password = new SimpleStringProperty("");
    private Runnable onUnlocked = () -> { };

    public LockViewModel(LoginGateway gateway, BackgroundExecutor executor, Messages messages) {
        this(gateway, executor, messages, ZoneId.systemDefault());
    }

    public LockViewModel(LoginGateway gateway, BackgroundExecutor executor, Messages messages, ZoneId zone) {
        this.gateway = gateway;
        this.executor = executor;
        this.messages = messages;
        this.zone = zone;
    }

    public void setOnUnlocked(Runnable onUnlocked) {
        this.onUnlocked = onUnlocked;
    }

    /** Locks the window for {@code account}: only their password opens it again. */
    public void lock(String account) {
        user.set(account);
        prompt.set(messages.get("ui.sec.lock.prompt", account));
        password.set("");
        error.set("");
        locked.set(true);
    }

    /** Checks the typed password; the window opens when it is right. */
    public void unlock() {
        if (!locked.get() || busy.get()) {
            return;
        }
        String pw = password.get() == null ? "" : password.get();
        if (pw.isEmpty()) {
            error.set(messages.get("ui.sec.login.missing"));
            return;
        }
        char[] secret = pw.toCharArray();
        String u = user.get();
        busy.set(true);
        error.set("");
        executor.run(() -> {
            try {
                gateway.verify(u, secret);
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            password.set("");
            locked.set(false);
            onUnlocked.run();
        }, e -> {
            busy.set(false);
            password.set("");
            error.set(LoginViewModel.errorText(e, messages, zone));
        });
    }

    /** Drops the lock without a password (the user logged out instead). */
    public void clear() {
        password.set("");
        error.set("");
        locked.set(false);
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userProperty() {
        return user.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public Messages messages() {
        return messages;
    }
}
