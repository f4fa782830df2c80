package cn.uniondesk.ui.shell;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The main window: left navigation and the selected section; a loading state until the data is open. */
public final class ShellView extends BorderPane {
    private final ShellViewModel vm;
    private final Messages messages;
    private final Map<Section, Button> navButtons = new EnumMap<>(Section.class);
    private final Map<Section, Node> pages = new EnumMap<>(Section.class);
    private final StackPane content = new StackPane();

    public ShellView(ShellViewModel vm) {
        this.vm = vm;
        this.messages = vm.messages();
        setStyle(Fonts.rootStyle());
        setId("shell");

        VBox nav = new VBox(2);
        nav.setStyle(Styles.NAV);
        nav.setPadding(new Insets(12, 0, 12, 0));
        nav.setPrefWidth(130);
        nav.setMinWidth(110);
        Label brand = new Label(messages.get("app.title"));
        brand.setStyle("-fx-text-fill: white; -fx-font-size: 14px; -fx-font-weight: bold; -fx-padding: 4 12 14 16;");
        brand.setWrapText(true);
        nav.getChildren().add(brand);
        for (Section s : Section.values()) {
            Button b = new Button(messages.get(s.labelKey()));
            b.setId("nav-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> vm.sectionProperty().set(s));
            navButtons.put(s, b);
            nav.getChildren().add(b);
            if (s.comingKey() != null) {
                pages.put(s, new ComingSoonPage(messages, s));
            }
        }
        setLeft(nav);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label loadingText = new Label();
        loadingText.textProperty().bind(vm.statusProperty());
        VBox loadingBox = new VBox(12, spinner, loadingText);
        loadingBox.setAlignment(Pos.CENTER);
        loadingBox.setId("loading");
        pages.put(Section.MEMBERS, loadingBox);
        Label settingsLoading = new Label();
        settingsLoading.textProperty().bind(vm.statusProperty());
        pages.put(Section.SETTINGS, new StackPane(settingsLoading));
        Label duesLoading = new Label();
        duesLoading.textProperty().bind(vm.statusProperty());
        pages.put(Section.DUES, new StackPane(duesLoading));
        Label aidLoading = new Label();
        aidLoading.textProperty().bind(vm.statusProperty());
        pages.put(Section.AID, new StackPane(aidLoading));
        Label uploadLoading = new Label();
        uploadLoading.textProperty().bind(vm.statusProperty());
        pages.put(Section.UPLOAD, new StackPane(uploadLoading));
        Label dashboardLoading = new Label();
        dashboardLoading.textProperty().bind(vm.statusProperty());
        pages.put(Section.DASHBOARD, new StackPane(dashboardLoading));
        Label reportsLoading = new Label();
        reportsLoading.textProperty().bind(vm.statusProperty());
        pages.put(Section.REPORTS, new StackPane(reportsLoading));

        Label union = new Label();
        union.setId("unionName");
        union.textProperty().bind(vm.unionNameProperty());
        union.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label account = new Label();
        account.setId("accountLabel");
        account.textProperty().bind(vm.accountProperty());
        account.setStyle(Styles.MUTED_TEXT + "-fx-font-size: 13px;");
        Button lock = new Button(messages.get("ui.sec.lock"));
        lock.setId("lockButton");
        lock.setOnAction(e -> vm.lock());
        Button logout = new Button(messages.get("ui.sec.logout"));
        logout.setId("logoutButton");
        logout.setOnAction(e -> vm.logout());
        HBox accountBox = new HBox(8, account, lock, logout);
        accountBox.setAlignment(Pos.CENTER_RIGHT);
        accountBox.visibleProperty().bind(vm.accountProperty().isNotEmpty());
        accountBox.managedProperty().bind(accountBox.visibleProperty());
        HBox header = new HBox(8, union, spacer, accountBox);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 6, 12));
        header.setStyle("-fx-border-color: transparent transparent #d0d7de transparent;");
        header.visibleProperty().bind(vm.loadingProperty().not());
        header.managedProperty().bind(header.visibleProperty());
        VBox.setVgrow(content, Priority.ALWAYS);
        setCenter(new VBox(header, content));
        vm.sectionProperty().addListener((o, a, b) -> show(b));
        show(vm.sectionProperty().get());
    }

    /** Puts the member screen in place once the data is open. */
    public void setMembersPage(Node page) {
        pages.put(Section.MEMBERS, page);
        if (vm.sectionProperty().get() == Section.MEMBERS) {
            show(Section.MEMBERS);
        }
    }

    /** Puts the dues screen in place once an account has signed in. */
    public void setDuesPage(Node page) {
        pages.put(Section.DUES, page);
        if (vm.sectionProperty().get() == Section.DUES) {
            show(Section.DUES);
        }
    }

    /** Puts the 帮扶 (aid and cases) screen in place once an account has signed in. */
    public void setAidPage(Node page) {
        pages.put(Section.AID, page);
        if (vm.sectionProperty().get() == Section.AID) {
            show(Section.AID);
        }
    }

    /** Puts the 上报 screen in place once an account has signed in. */
    public void setUploadPage(Node page) {
        pages.put(Section.UPLOAD, page);
        if (vm.sectionProperty().get() == Section.UPLOAD) {
            show(Section.UPLOAD);
        }
    }

    /** Puts the dashboard (工作台) in place once an account has signed in. */
    public void setDashboardPage(Node page) {
        setPage(Section.DASHBOARD, page);
    }

    /** Puts the reports page (报表) in place once an account has signed in. */
    public void setReportsPage(Node page) {
        setPage(Section.REPORTS, page);
    }

    private void setPage(Section s, Node page) {
        pages.put(s, page);
        if (vm.sectionProperty().get() == s) {
            show(s);
        }
    }

    /** Puts the settings page in place once an account has signed in. */
    public void setSettingsPage(Node page) {
        pages.put(Section.SETTINGS, page);
        if (vm.sectionProperty().get() == Section.SETTINGS) {
            show(Section.SETTINGS);
        }
    }

    private void show(Section s) {
        content.getChildren().setAll(pages.get(s));
        navButtons.forEach((sec, b) -> b.setStyle(sec == s ? Styles.NAV_BUTTON_SELECTED : Styles.NAV_BUTTON));
    }
}
