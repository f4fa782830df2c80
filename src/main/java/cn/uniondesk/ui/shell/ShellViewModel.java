package cn.uniondesk.ui.shell;

import cn.uniondesk.domain.Role;
import cn.uniondesk.i18n.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** The main window's state: title, which section is shown, and the start-up loading state. */
public final class ShellViewModel {
    private final Messages messages;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper unionName = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.MEMBERS);
    private final ReadOnlyStringWrapper account = new ReadOnlyStringWrapper("");
    private String baseTitle;
    private Runnable onLock = () -> { };
    private Runnable onLogout = () -> { };

    public ShellViewModel(Messages messages) {
        this.messages = messages;
        title.set(messages.get("app.title"));
        status.set(messages.get("ui.loading"));
    }

    /** The database is open: the title shows the union's name. */
    public void ready(String unionName) {
        baseTitle = unionName == null || unionName.isBlank() ? messages.get("app.title")
                : messages.get("ui.title.withUnion", unionName, messages.get("app.title"));
        updateTitle();
        this.unionName.set(unionName == null ? "" : unionName);
        status.set("");
        loading.set(false);
    }

    /** The signed-in account and role, shown in the header and the title, e.g. demo（管理员）. */
    public void signedIn(String user, Role role) {
        account.set(messages.get("ui.sec.account", user, messages.get("role." + role.name())));
        updateTitle();
    }

    /** Nobody is signed in (the login page is shown). */
    public void signedOut() {
        account.set("");
        updateTitle();
    }

    private void updateTitle() {
        String base = baseTitle == null ? messages.get("app.title") : baseTitle;
        title.set(account.get().isEmpty() ? base : messages.get("ui.sec.title", base, account.get()));
    }

    public void setOnLock(Runnable onLock) {
        this.onLock = onLock;
    }

    public void setOnLogout(Runnable onLogout) {
        this.onLogout = onLogout;
    }

    /** 锁定: cover the window until the password is typed again. */
    public void lock() {
        onLock.run();
    }

    /** 退出登录: close the data and return to the login page. */
    public void logout() {
        onLogout.run();
    }

    public ReadOnlyStringProperty accountProperty() {
        return account.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unionNameProperty() {
        return unionName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public Messages messages() {
        return messages;
    }
}
