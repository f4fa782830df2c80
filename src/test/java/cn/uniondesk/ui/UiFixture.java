package cn.uniondesk.ui;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import cn.uniondesk.ui.members.MemberListView;
import cn.uniondesk.ui.members.MemberListViewModel;
import cn.uniondesk.ui.shell.ShellView;
import cn.uniondesk.ui.shell.ShellViewModel;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window on the demo union, wired as the application wires it, for TestFX tests. */
public final class UiFixture implements AutoCloseable {
    public final AppContext ctx;
    public final FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    public final Messages messages;
    public final Scene scene;

    public UiFixture(Path dir, Stage stage) {
        this(dir, stage, Messages.chinese());
    }

    public UiFixture(Path dir, Stage stage, Messages messages) {
        this.messages = messages;
        ctx = TestData.demo(dir);
        ShellViewModel shellVm = new ShellViewModel(messages);
        ShellView shell = new ShellView(shellVm);
        shell.setMembersPage(new MemberListView(new MemberListViewModel(ctx.members(), executor, messages)));
        shellVm.ready(ctx.union().union().map(UnionInfo::name).orElse(null));
        scene = new Scene(shell, 1280, 800);
        stage.titleProperty().bind(shellVm.titleProperty());
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void close() {
        executor.close();
        ctx.close();
    }
}
