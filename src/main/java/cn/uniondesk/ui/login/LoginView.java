package cn.uniondesk.ui.login;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The first-start, login and password-change pages, in the main window (no pop-ups). */
public final class LoginView extends StackPane {
    static final String CARD = "-fx-background-color: white; -fx-background-radius: 6; -fx-border-color: #d0d7de; "
            + "-fx-border-radius: 6; -fx-padding: 28 32 28 32;";
    static final String BACKGROUND = "-fx-background-color: #eef2f6;";

    private final LoginViewModel vm;
    private final Messages messages;
    private final VBox card = new VBox(12);
    private final Node firstStart;
    private final Node login;
    private final Node change;

    public LoginView(LoginViewModel vm) {
        this.vm = vm;
        this.messages = vm.messages();
        setStyle(Fonts.rootStyle() + BACKGROUND);
        setId("loginView");
        firstStart = firstStartPage();
        login = loginPage();
        change = changePage();
        card.setStyle(CARD);
        card.setMaxWidth(520);
        card.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(card);
        setPadding(new Insets(24));
        vm.stepProperty().addListener((o, a, b) -> show());
        sceneProperty().addListener((o, a, b) -> show());
        show();
    }

    private void show() {
        Node page = switch (vm.stepProperty().get()) {
            case FIRST_START -> firstStart;
            case CHANGE_PASSWORD -> change;
            default -> login;
        };
        Label brand = new Label(messages.get("app.title"));
        brand.setStyle("-fx-font-size: 20px; -fx-font-weight: bold; -fx-text-fill: #2f3e4e;");
        card.getChildren().setAll(brand, page, statusRow());
        if (page == login) {
            focusLater(vm.userProperty().get() == null || vm.userProperty().get().isBlank() ? "#login-user"
                    : "#login-password");
        }
    }

    private void focusLater(String id) {
        Node n = lookup(id);
        if (n != null) {
            n.requestFocus();
        }
    }

    private Node statusRow() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("login-busy");
        spinner.setMaxSize(22, 22);
        spinner.visibleProperty().bind(vm.busyProperty());
        Label busyText = new Label(messages.get("ui.sec.busy"));
        busyText.setStyle(Styles.MUTED_TEXT);
        busyText.visibleProperty().bind(vm.busyProperty());
        Label error = new Label();
        error.setId("login-error");
        error.setWrapText(true);
        error.setStyle(Styles.ERROR_TEXT + "-fx-font-size: 13px;");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label notice = new Label();
        notice.setId("login-notice");
        notice.setWrapText(true);
        notice.setStyle("-fx-text-fill: #1b5e20;");
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        HBox busy = new HBox(8, spinner, busyText);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.managedProperty().bind(vm.busyProperty());
        busy.visibleProperty().bind(vm.busyProperty());
        return new VBox(6, notice, error, busy);
    }

    private Node firstStartPage() {
        Label title = heading("ui.sec.first.title");
        Label intro = text("ui.sec.first.intro");
        Label demoTitle = subheading("ui.sec.first.demoTitle");
        Label demoText = text("ui.sec.first.demoText");
        Button demo = new Button(messages.get("ui.sec.first.useDemo"));
        demo.setId("useDemo");
        demo.disableProperty().bind(vm.busyProperty());
        demo.setOnAction(e -> vm.useDemo());

        Label ownTitle = subheading("ui.sec.first.ownTitle");
        VBox own = new VBox(8, ownTitle);
        if (vm.legacyData()) {
            Label legacy = text("ui.sec.first.legacy");
            legacy.setId("fs-legacy");
            legacy.setStyle(Styles.WARNING_TEXT + "-fx-font-size: 13px;");
            own.getChildren().add(legacy);
        }
        GridPane grid = grid();
        TextField union = field("fs-union", vm.unionNameProperty());
        TextField org = field("fs-orgCode", vm.orgCodeProperty());
        org.setPromptText(messages.get("ui.sec.optional"));
        TextField admin = field("fs-user", vm.userProperty());
        PasswordField pw = password("fs-password", vm.newPasswordProperty());
        pw.setPromptText(messages.get("ui.sec.passwordRule"));
        PasswordField repeat = password("fs-repeat", vm.repeatPasswordProperty());
        row(grid, 0, "ui.sec.first.unionName", union);
        row(grid, 1, "ui.sec.first.orgCode", org);
        row(grid, 2, "ui.sec.first.adminUser", admin);
        row(grid, 3, "ui.sec.password", pw);
        row(grid, 4, "ui.sec.repeatPassword", repeat);
        Button create = new Button(messages.get("ui.sec.first.create"));
        create.setId("createUnion");
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.busyProperty());
        create.setOnAction(e -> vm.createUnion());
        own.getChildren().addAll(grid, create);

        Label folder = text("ui.sec.dataFolder", vm.dataFolder());
        folder.setStyle(Styles.MUTED_TEXT + "-fx-font-size: 12px;");
        VBox page = new VBox(10, title, intro, demoTitle, demoText, demo, new Separator(), own, folder);
        page.setId("firstStartPage");
        return page;
    }

    private Node loginPage() {
        Label title = heading("ui.sec.login.title");
        GridPane grid = grid();
        TextField user = field("login-user", vm.userProperty());
        PasswordField pw = password("login-password", vm.passwordProperty());
        pw.setOnAction(e -> vm.login());
        user.setOnAction(e -> pw.requestFocus());
        row(grid, 0, "ui.sec.user", user);
        row(grid, 1, "ui.sec.password", pw);
        Button ok = new Button(messages.get("ui.sec.login.button"));
        ok.setId("login-button");
        ok.setDefaultButton(true);
        ok.disableProperty().bind(vm.busyProperty());
        ok.setOnAction(e -> vm.login());
        Label hint = new Label();
        hint.setId("login-hint");
        hint.setWrapText(true);
        hint.setStyle(Styles.MUTED_TEXT);
        hint.textProperty().bind(vm.hintProperty());
        hint.visibleProperty().bind(vm.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        Label folder = text("ui.sec.dataFolder", vm.dataFolder());
        folder.setStyle(Styles.MUTED_TEXT + "-fx-font-size: 12px;");
        VBox page = new VBox(12, title, grid, ok, hint, folder);
        page.setId("loginPage");
        return page;
    }

    private Node changePage() {
        Label title = heading("ui.sec.change.title");
        Label why = new Label();
        why.setWrapText(true);
        why.textProperty().bind(vm.accountProperty().map(a -> messages.get("ui.sec.change.why", a.username()))
                .orElse(""));
        GridPane grid = grid();
        PasswordField pw = password("cp-new", vm.newPasswordProperty());
        pw.setPromptText(messages.get("ui.sec.passwordRule"));
        PasswordField repeat = password("cp-repeat", vm.repeatPasswordProperty());
        repeat.setOnAction(e -> vm.changePassword());
        row(grid, 0, "ui.sec.newPassword", pw);
        row(grid, 1, "ui.sec.repeatPassword", repeat);
        Button ok = new Button(messages.get("ui.sec.change.button"));
        ok.setId("cp-ok");
        ok.setDefaultButton(true);
        ok.disableProperty().bind(vm.busyProperty());
        ok.setOnAction(e -> vm.changePassword());
        VBox page = new VBox(12, title, why, grid, ok);
        page.setId("changePasswordPage");
        return page;
    }

    private GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }

    private void row(GridPane g, int r, String key, Node field) {
        Label l = new Label(messages.get(key));
        l.setMinWidth(USE_PREF_SIZE);
        g.add(l, 0, r);
        g.add(field, 1, r);
    }

    private TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(22);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private PasswordField password(String id, javafx.beans.property.StringProperty p) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.setPrefColumnCount(22);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private Label heading(String key) {
        Label l = new Label(messages.get(key));
        l.setStyle(Styles.HEADING);
        return l;
    }

    private Label subheading(String key) {
        Label l = new Label(messages.get(key));
        l.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
        return l;
    }

    private Label text(String key, Object... args) {
        Label l = new Label(messages.get(key, args));
        l.setWrapText(true);
        l.setMaxWidth(456);
        return l;
    }
}
