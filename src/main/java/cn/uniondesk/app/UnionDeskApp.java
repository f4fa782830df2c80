package cn.uniondesk.app;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.DatabaseInUseException;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.members.MemberListView;
import cn.uniondesk.ui.members.MemberListViewModel;
import cn.uniondesk.ui.shell.ShellView;
import cn.uniondesk.ui.shell.ShellViewModel;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application and the GUI's composition root: shows the main window at once in a
 * loading state, opens the data folder in the background (loading the demo union into a new
 * database), then wires the member screen by constructor.
 */
public final class UnionDeskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(UnionDeskApp.class);

    private FxBackgroundExecutor executor;
    private Messages messages;
    private AppContext context;

    /** What the background start produced. */
    private record Opened(AppContext context, String unionName) {
    }

    @Override
    public void start(Stage stage) {
        String[] args = getParameters().getRaw().toArray(new String[0]);
        String lang = Launcher.option(args, "--lang");
        Locale locale = lang == null || lang.isBlank() ? Messages.defaultLocale() : Locale.forLanguageTag(lang);
        messages = Messages.forLocale(locale);
        Fonts.loadBundled();
        executor = new FxBackgroundExecutor(2);

        ShellViewModel shellVm = new ShellViewModel(messages);
        ShellView shell = new ShellView(shellVm);
        stage.titleProperty().bind(shellVm.titleProperty());
        stage.setScene(new Scene(shell, 1280, 800));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();

        Path dataOption = Launcher.dataOption(args);
        executor.run(() -> open(dataOption), opened -> {
            context = opened.context();
            MemberListViewModel members = new MemberListViewModel(context.members(), executor, messages);
            shell.setMembersPage(new MemberListView(members));
            shellVm.ready(opened.unionName());
        }, error -> startFailed(stage, error));
    }

    /** Runs in the background: resolves and opens the data folder; a new database gets the demo union. */
    private static Opened open(Path dataOption) {
        Path dir = DataFolder.resolve(dataOption);
        boolean existed = Database.exists(dir);
        AppContext ctx = AppContext.open(dir);
        try {
            if (!existed) {
                int n = ctx.demo().loadDemo();
                LOG.info("New database in {}: demo union loaded ({} members)", dir, n);
            }
            ctx.members().ensureIndex();
            String name = ctx.union().union().map(UnionInfo::name).orElse(null);
            return new Opened(ctx, name);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
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

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
        if (context != null) {
            context.close();
            LOG.info("Data closed");
        }
    }
}
