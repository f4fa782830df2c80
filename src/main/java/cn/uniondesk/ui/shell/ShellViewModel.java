package cn.uniondesk.ui.shell;

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

    public ShellViewModel(Messages messages) {
        this.messages = messages;
        title.set(messages.get("app.title"));
        status.set(messages.get("ui.loading"));
    }

    /** The database is open: the title shows the union's name. */
    public void ready(String unionName) {
        title.set(unionName == null || unionName.isBlank() ? messages.get("app.title")
                : messages.get("ui.title.withUnion", unionName, messages.get("app.title")));
        this.unionName.set(unionName == null ? "" : unionName);
        status.set("");
        loading.set(false);
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
