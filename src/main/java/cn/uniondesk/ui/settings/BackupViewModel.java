package cn.uniondesk.ui.settings;

import cn.uniondesk.domain.Permission;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.BackupService;
import cn.uniondesk.service.Session;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The backup tab: back up now (verified), the list of backups, and restore (admins). */
public final class BackupViewModel {
    private final BackupService backups;
    private final Session session;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final Restorer restorer;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private Consumer<String> onRestored = s -> { };

    public BackupViewModel(BackupService backups, Session session, BackgroundExecutor executor, Messages messages,
            Restorer restorer) {
        this.backups = backups;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.restorer = restorer;
    }

    /** Called after a restore, with the message to show (the session is closed by then). */
    public void setOnRestored(Consumer<String> onRestored) {
        this.onRestored = onRestored;
    }

    public boolean allowed() {
        return session.may(Permission.BACKUP);
    }

    public boolean mayRestore() {
        return session.may(Permission.RESTORE);
    }

    public String folder() {
        return backups.backupFolder().toString();
    }

    /** Lists the backups in the data folder, newest first. */
    public void refresh() {
        executor.run(backups::listBackups, files::setAll, this::failed);
    }

    /** A verified backup into the data folder's backups, then rotation (as the command line does). */
    public void backupNow() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        status.set(messages.get("ui.sec.backup.running"));
        executor.run(() -> {
            BackupService.BackupResult r = backups.backup(null);
            backups.rotate();
            return r;
        }, r -> {
            busy.set(false);
            Map<String, Integer> counts = new TreeMap<>(r.counts());
            String detail = counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(messages.get("ui.listSeparator")));
            status.set(messages.get("backup.done", r.file(), counts.getOrDefault("member", 0)) + "\n"
                    + messages.get("ui.sec.backup.counts", detail));
            refresh();
        }, this::failed);
    }

    /** Replaces the database with {@code zip} (after the user confirmed); the current data is kept first. */
    public void restore(Path zip) {
        if (busy.get() || zip == null) {
            return;
        }
        busy.set(true);
        error.set("");
        status.set(messages.get("ui.sec.backup.restoring"));
        executor.run(() -> {
            session.require(Permission.RESTORE);
            return restorer.restore(zip);
        }, kept -> {
            busy.set(false);
            String done = messages.get("restore.done", zip, kept);
            status.set(done);
            onRestored.accept(done);
        }, e -> {
            if (ErrorText.refusal(e, messages) == null && e instanceof IllegalArgumentException) {
                busy.set(false);
                status.set("");
                error.set(messages.get("restore.bad", zip, e.getMessage()));
            } else {
                failed(e);
            }
        });
    }

    private void failed(Throwable e) {
        busy.set(false);
        status.set("");
        error.set(ErrorText.of(e, messages));
    }

    public ObservableList<Path> files() {
        return files;
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
