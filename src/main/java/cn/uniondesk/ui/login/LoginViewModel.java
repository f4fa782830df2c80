package cn.uniondesk.ui.login;

import cn.uniondesk.domain.Account;
import cn.uniondesk.domain.Regions;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.domain.UnionInfoValidation;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.AccountService;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The pages before work starts: first start (the demo union or this union with its first
 * administrator), login, and the password change an account must make before it may work.
 * Opening the data (PBKDF2, about a second) runs through the {@link BackgroundExecutor}.
 */
public final class LoginViewModel {
    /** Which page is shown. */
    public enum Step { FIRST_START, LOGIN, CHANGE_PASSWORD, SIGNED_IN }

    private final LoginGateway gateway;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>();
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty unionName = new SimpleStringProperty("");
    private final StringProperty orgCode = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty repeatPassword = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Account> account = new ReadOnlyObjectWrapper<>();
    private Consumer<Account> onSignedIn = a -> { };
    private char[] currentPassword;

    public LoginViewModel(LoginGateway gateway, BackgroundExecutor executor, Messages messages) {
        this(gateway, executor, messages, ZoneId.systemDefault());
    }

    public LoginViewModel(LoginGateway gateway, BackgroundExecutor executor, Messages messages, ZoneId zone) {
        this.gateway = gateway;
        this.executor = executor;
        this.messages = messages;
        this.zone = zone;
        reset();
    }

    /** Called once an account has signed in and may work (after any forced password change). */
    public void setOnSignedIn(Consumer<Account> onSignedIn) {
        this.onSignedIn = onSignedIn;
    }

    /** Back to the first page (after logging out or a restore): the login, or the first start. */
    public void reset() {
        clearSecrets();
        error.set("");
        notice.set("");
        busy.set(false);
        account.set(null);
        if (gateway.initialized()) {
            if (gateway.demoAccount() && (user.get() == null || user.get().isBlank())) {
                user.set(gateway.demoUser());
            }
            hint.set(gateway.demoAccount() ? messages.get("ui.sec.login.demoHint", gateway.demoUser(),
                    gateway.demoPassword()) : "");
            step.set(Step.LOGIN);
        } else {
            hint.set("");
            step.set(Step.FIRST_START);
        }
    }

    /** Whether the first-start page must say that existing data will be encrypted. */
    public boolean legacyData() {
        return gateway.hasUnencryptedData();
    }

    public String dataFolder() {
        return gateway.dataFolder();
    }

    /** First start (a): the demo union; then the login page with the demo account filled in. */
    public void useDemo() {
        if (busy.get()) {
            return;
        }
        error.set("");
        busy.set(true);
        executor.run(() -> {
            gateway.createDemo();
            return Boolean.TRUE;
        }, ok -> {
            user.set(gateway.demoUser());
            reset();
        }, this::failed);
    }

    /** First start (b): this union, with its first administrator; signs in as them. */
    public void createUnion() {
        if (busy.get()) {
            return;
        }
        String name = trim(unionName.get());
        String admin = trim(user.get());
        String pw = newPassword.get() == null ? "" : newPassword.get();
        String problem = name.isEmpty() ? messages.get("ui.sec.first.unionRequired")
                : admin.isEmpty() ? messages.get("ui.sec.userRequired")
                : checkNewPassword(pw, repeatPassword.get());
        error.set(problem == null ? "" : problem);
        if (problem != null) {
            return;
        }
        // the code is optional here, but a wrong one would only show when the first batch is made
        var checked = new UnionInfoValidation(Regions.standard()).validate(new UnionInfo(name, orgCode.get(), null, null));
        var codeError = checked.first(UnionInfoValidation.Field.ORG_CODE).filter(UnionInfoValidation.Issue::isError);
        if (codeError.isPresent()) {
            error.set(messages.get(codeError.get().messageKey(), codeError.get().args().toArray()));
            return;
        }
        String code = checked.union().orgCode() == null ? "" : checked.union().orgCode();
        char[] secret = pw.toCharArray();
        busy.set(true);
        executor.run(() -> gateway.create(name, code.isEmpty() ? null : code, admin, secret), this::signedIn,
                this::failed);
    }

    /** Login with the account name and password typed. */
    public void login() {
        if (busy.get()) {
            return;
        }
        String u = trim(user.get());
        String pw = password.get() == null ? "" : password.get();
        if (u.isEmpty() || pw.isEmpty()) {
            error.set(messages.get("ui.sec.login.missing"));
            return;
        }
        error.set("");
        char[] secret = pw.toCharArray();
        busy.set(true);
        executor.run(() -> gateway.login(u, secret), a -> {
            busy.set(false);
            currentPassword = secret;
            password.set("");
            if (a.mustChangePassword()) {
                account.set(a);
                newPassword.set("");
                repeatPassword.set("");
                step.set(Step.CHANGE_PASSWORD);
            } else {
                signedIn(a);
            }
        }, e -> {
            password.set("");
            failed(e);
        });
    }

    /** The forced password change: the old password is the one just used to log in. */
    public void changePassword() {
        if (busy.get() || step.get() != Step.CHANGE_PASSWORD) {
            return;
        }
        String pw = newPassword.get() == null ? "" : newPassword.get();
        String problem = checkNewPassword(pw, repeatPassword.get());
        if (problem == null && currentPassword != null && pw.equals(new String(currentPassword))) {
            problem = messages.get("ui.sec.change.same");
        }
        error.set(problem == null ? "" : problem);
        if (problem != null) {
            return;
        }
        char[] old = currentPassword;
        char[] secret = pw.toCharArray();
        busy.set(true);
        executor.run(() -> {
            gateway.changePassword(old, secret);
            return Boolean.TRUE;
        }, ok -> {
            Account a = account.get();
            signedIn(new Account(a.username(), a.displayName(), a.role(), a.active(), false));
        }, this::failed);
    }

    private String checkNewPassword(String pw, String repeat) {
        if (pw.length() < AccountService.MIN_PASSWORD_LENGTH) {
            return messages.get("account.passwordTooShort", AccountService.MIN_PASSWORD_LENGTH);
        }
        if (!pw.equals(repeat == null ? "" : repeat)) {
            return messages.get("ui.sec.passwordsDiffer");
        }
        return null;
    }

    private void signedIn(Account a) {
        busy.set(false);
        error.set("");
        clearSecrets();
        if (currentPassword != null) {
            java.util.Arrays.fill(currentPassword, '\0');
            currentPassword = null;
        }
        account.set(a);
        step.set(Step.SIGNED_IN);
        onSignedIn.accept(a);
    }

    private void failed(Throwable e) {
        busy.set(false);
        error.set(errorText(e, messages, zone));
    }

    /** The words for a failed login or check: the same as the command line's. */
    static String errorText(Throwable e, Messages messages, ZoneId zone) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LoginException le) {
                return switch (le.kind()) {
                    case LOCKED -> messages.get("login.locked", le.lockedUntil() == null ? ""
                            : DateTimeFormatter.ofPattern("HH:mm").format(le.lockedUntil().atZone(zone)));
                    case IN_USE -> messages.get("db.inUse", le.dataDir());
                    case FAILED -> messages.get("login.failed");
                };
            }
        }
        return ErrorText.of(e, messages);
    }

    private void clearSecrets() {
        password.set("");
        newPassword.set("");
        repeatPassword.set("");
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty unionNameProperty() {
        return unionName;
    }

    public StringProperty orgCodeProperty() {
        return orgCode;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty repeatPasswordProperty() {
        return repeatPassword;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows a note on the login page (e.g. after a restore). */
    public void notice(String text) {
        notice.set(text == null ? "" : text);
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The signed-in account (also during the forced password change), else null. */
    public ReadOnlyObjectProperty<Account> accountProperty() {
        return account.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
