package cn.uniondesk.ui.login;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Covers the whole window while locked; asks the same account's password again. */
public final class LockView extends StackPane {
    public LockView(LockViewModel vm, Runnable onLogout) {
        Messages messages = vm.messages();
        setId("lockPage");
        setStyle(Fonts.rootStyle() + LoginView.BACKGROUND);
        Label title = new Label(messages.get("ui.sec.lock.title"));
        title.setStyle(Styles.HEADING);
        Label prompt = new Label();
        prompt.setWrapText(true);
        prompt.textProperty().bind(vm.promptProperty());
        PasswordField pw = new PasswordField();
        pw.setId("lock-password");
        pw.setPrefColumnCount(22);
        pw.textProperty().bindBidirectional(vm.passwordProperty());
        pw.setOnAction(e -> vm.unlock());
        Button unlock = new Button(messages.get("ui.sec.lock.unlock"));
        unlock.setId("lock-unlock");
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(vm.busyProperty());
        unlock.setOnAction(e -> vm.unlock());
        Button logout = new Button(messages.get("ui.sec.logout"));
        logout.setId("lock-logout");
        logout.disableProperty().bind(vm.busyProperty());
        logout.setOnAction(e -> onLogout.run());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(22, 22);
        spinner.visibleProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(10, unlock, logout, spinner);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("lock-error");
        error.setWrapText(true);
        error.setStyle(Styles.ERROR_TEXT + "-fx-font-size: 13px;");
        error.textProperty().bind(vm.errorProperty());
        VBox card = new VBox(12, title, prompt, pw, buttons, error);
        card.setStyle(LoginView.CARD);
        card.setMaxWidth(440);
        card.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(card);
        visibleProperty().bind(vm.lockedProperty());
        vm.lockedProperty().addListener((o, a, locked) -> {
            if (locked) {
                pw.requestFocus();
            }
        });
    }
}
