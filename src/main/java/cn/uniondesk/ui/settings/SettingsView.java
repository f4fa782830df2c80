package cn.uniondesk.ui.settings;

import cn.uniondesk.domain.Account;
import cn.uniondesk.domain.AuditEntry;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.UnionInfoValidation;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * 设置: tabs for the union's details (本单位; read-only for roles that may not change them), the
 * audit trail, backups and accounts; tabs the role may not use are disabled, with a note.
 */
public final class SettingsView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages messages;
    private final TabPane tabs = new TabPane();

    public SettingsView(UnionInfoViewModel union, AuditViewModel audit, BackupViewModel backup,
            AccountsViewModel accounts, Role role) {
        super(8);
        this.messages = audit.messages();
        setId("settings");
        setStyle(Fonts.rootStyle());
        setPadding(new Insets(12, 16, 12, 16));
        Label title = new Label(messages.get("ui.nav.settings"));
        title.setStyle(Styles.HEADING);
        getChildren().add(title);

        Tab unionTab = tab("tab-union", "ui.sec.tab.union", unionPane(union), true);
        Tab auditTab = tab("tab-audit", "ui.sec.tab.audit", auditPane(audit), audit.allowed());
        Tab backupTab = tab("tab-backup", "ui.sec.tab.backup", backupPane(backup), backup.allowed());
        Tab accountsTab = tab("tab-accounts", "ui.sec.tab.accounts", accountsPane(accounts), accounts.allowed());
        tabs.getTabs().addAll(unionTab, auditTab, backupTab, accountsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        List<String> denied = new ArrayList<>();
        for (Tab t : tabs.getTabs()) {
            if (t.isDisable()) {
                denied.add(t.getText());
            }
        }
        if (!denied.isEmpty()) {
            Label note = new Label(messages.get("ui.sec.tabsDenied", messages.get("role." + role.name()),
                    String.join(messages.get("ui.listSeparator"), denied)));
            note.setId("settings-denied");
            note.setStyle(Styles.MUTED_TEXT);
            note.setWrapText(true);
            getChildren().add(note);
        }
        tabs.getTabs().stream().filter(t -> !t.isDisable()).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == auditTab) {
                audit.load();
            } else if (t == backupTab) {
                backup.refresh();
            } else if (t == accountsTab) {
                accounts.load();
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().add(tabs);
        union.load(); // once: only this tab changes the details while the window holds the data
        if (audit.allowed()) {
            audit.load();
        }
        if (backup.allowed()) {
            backup.refresh();
        }
        if (accounts.allowed()) {
            accounts.load();
        }
    }

    /** Selects a tab by its id (tab-union, tab-audit, tab-backup, tab-accounts). */
    public void select(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private Tab tab(String id, String key, Node content, boolean allowed) {
        Tab t = new Tab(messages.get(key), content);
        t.setId(id);
        t.setDisable(!allowed);
        return t;
    }

    private Node unionPane(UnionInfoViewModel vm) {
        boolean editable = vm.editable();
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints(360, 420, 520);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        row = unionField(grid, row, vm, UnionInfoValidation.Field.NAME, "union-name", vm.nameProperty(), editable,
                null);
        Label codeNote = new Label();
        codeNote.setId("union-orgCode-note");
        codeNote.setWrapText(true);
        codeNote.setStyle(Styles.MUTED_TEXT + "-fx-text-fill: #b26a00;");
        codeNote.textProperty().bind(vm.orgCodeNoteProperty());
        codeNote.visibleProperty().bind(codeNote.textProperty().isNotEmpty());
        codeNote.managedProperty().bind(codeNote.visibleProperty());
        Label codeHint = new Label(messages.get("ui.union.orgCodeHint"));
        codeHint.setWrapText(true);
        codeHint.setStyle(Styles.MUTED_TEXT);
        row = unionField(grid, row, vm, UnionInfoValidation.Field.ORG_CODE, "union-orgCode", vm.orgCodeProperty(),
                editable, new VBox(2, codeNote, codeHint));
        row = unionField(grid, row, vm, UnionInfoValidation.Field.UPPER_UNION, "union-upper",
                vm.upperUnionProperty(), editable, null);
        Label regionName = new Label();
        regionName.setId("union-region-name");
        regionName.textProperty().bind(vm.regionNameProperty());
        regionName.managedProperty().bind(regionName.textProperty().isNotEmpty());
        Label regionHint = new Label(messages.get("ui.union.regionHint"));
        regionHint.setStyle(Styles.MUTED_TEXT);
        regionHint.visibleProperty().bind(regionName.textProperty().isEmpty());
        regionHint.managedProperty().bind(regionHint.visibleProperty());
        unionField(grid, row, vm, UnionInfoValidation.Field.REGION_CODE, "union-region", vm.regionCodeProperty(),
                editable, new HBox(6, regionName, regionHint));

        Label intro = new Label(messages.get("ui.union.intro"));
        intro.setWrapText(true);
        intro.setStyle(Styles.MUTED_TEXT);
        Label status = new Label();
        status.setId("union-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        VBox box = new VBox(10, intro, grid);
        if (editable) {
            Button save = new Button(messages.get("ui.union.save"));
            save.setId("union-save");
            save.disableProperty().bind(vm.busyProperty());
            save.setOnAction(e -> vm.save());
            HBox bar = new HBox(10, save, status);
            bar.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(bar);
        } else {
            Label note = new Label(vm.readOnlyNote());
            note.setId("union-readonly");
            note.setWrapText(true);
            note.setStyle(Styles.MUTED_TEXT);
            box.getChildren().add(note);
        }
        box.getChildren().add(errorLabel(vm.errorProperty(), "union-error"));
        box.setPadding(new Insets(12, 0, 0, 0));
        box.setMaxWidth(760);
        return box;
    }

    /** One labelled field of the 本单位 form with its message below; returns the next free row. */
    private int unionField(GridPane grid, int row, UnionInfoViewModel vm, UnionInfoValidation.Field field, String id,
            javafx.beans.property.StringProperty value, boolean editable, Node hint) {
        Label label = new Label(messages.get(field.labelKey()));
        TextField text = new TextField();
        text.setId(id);
        text.textProperty().bindBidirectional(value);
        text.setEditable(editable);
        text.setFocusTraversable(editable);
        if (!editable) {
            text.setStyle("-fx-background-color: transparent; -fx-border-color: #d0d0d0; -fx-border-radius: 3;");
        }
        label.setLabelFor(text);
        grid.add(label, 0, row);
        grid.add(text, 1, row);
        Label error = errorLabel(vm.errorProperty(field), id + "-error");
        grid.add(error, 1, row + 1);
        int next = row + 2;
        if (hint != null) {
            GridPane.setMargin(hint, new Insets(0, 0, 6, 0));
            grid.add(hint, 1, next);
            next++;
        }
        return next;
    }

    private Node auditPane(AuditViewModel vm) {
        TextField actor = new TextField();
        actor.setId("audit-actor");
        actor.setPromptText(messages.get("audit.actor"));
        actor.textProperty().bindBidirectional(vm.actorFilterProperty());
        actor.setOnAction(e -> vm.load());
        TextField entity = new TextField();
        entity.setId("audit-entity");
        entity.setPromptText(messages.get("audit.entity"));
        entity.textProperty().bindBidirectional(vm.entityFilterProperty());
        entity.setOnAction(e -> vm.load());
        Button filter = new Button(messages.get("ui.sec.audit.filter"));
        filter.setId("audit-filter");
        filter.setOnAction(e -> vm.load());
        Button verify = new Button(messages.get("ui.sec.audit.verify"));
        verify.setId("audit-verify");
        verify.setOnAction(e -> vm.verify());
        verify.disableProperty().bind(vm.busyProperty());
        Label result = new Label();
        result.setId("audit-result");
        result.textProperty().bind(vm.verifyTextProperty());
        result.styleProperty().bind(vm.intactProperty().map(ok -> ok ? "-fx-text-fill: #1b5e20; -fx-font-weight: bold;"
                : "-fx-text-fill: #d32f2f; -fx-font-weight: bold;"));
        HBox bar = new HBox(8, new Label(messages.get("audit.actor")), actor, new Label(messages.get("audit.entity")),
                entity, filter, verify, result);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<AuditEntry> table = new TableView<>(vm.rows());
        table.setId("auditTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ZoneId zone = ZoneId.systemDefault();
        table.getColumns().add(column("#", e -> Long.toString(e.id()), 60));
        table.getColumns().add(column(messages.get("audit.at"), e -> TIME.format(e.at().atZone(zone)), 150));
        table.getColumns().add(column(messages.get("audit.actor"), AuditEntry::actor, 90));
        table.getColumns().add(column(messages.get("audit.action"), AuditEntry::action, 150));
        table.getColumns().add(column(messages.get("audit.entity"), AuditEntry::entity, 100));
        table.getColumns().add(column(messages.get("audit.entityId"), e -> nz(e.entityId()), 90));
        table.getColumns().add(column(messages.get("ui.sec.audit.change"), e -> change(e), 260));
        table.getColumns().add(column(messages.get("audit.reason"), e -> nz(e.reason()), 120));
        table.setPlaceholder(new Label(messages.get("ui.sec.audit.empty")));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label limit = new Label(messages.get("ui.sec.audit.limit", AuditViewModel.LIMIT));
        limit.setStyle(Styles.MUTED_TEXT);
        VBox box = new VBox(8, bar, errorLabel(vm.errorProperty(), "audit-error"), table, limit);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private static String change(AuditEntry e) {
        String before = nz(e.before());
        String after = nz(e.after());
        if (before.isEmpty()) {
            return after;
        }
        return before + " \u2192 " + after;
    }

    private Node backupPane(BackupViewModel vm) {
        Button now = new Button(messages.get("ui.sec.backup.now"));
        now.setId("backup-now");
        now.disableProperty().bind(vm.busyProperty());
        now.setOnAction(e -> vm.backupNow());
        ListView<Path> list = new ListView<>(vm.files());
        list.setId("backupList");
        list.setPrefHeight(260);
        list.setPlaceholder(new Label(messages.get("ui.sec.backup.none")));
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName().toString());
            }
        });
        Button restore = new Button(messages.get("ui.sec.backup.restore"));
        restore.setId("backup-restore");
        restore.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()).or(new javafx.beans.property.SimpleBooleanProperty(!vm.mayRestore())));
        restore.setOnAction(e -> confirmRestore(vm, list.getSelectionModel().getSelectedItem()));
        Label status = new Label();
        status.setId("backup-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label folder = new Label(messages.get("ui.sec.backup.folder", vm.folder()));
        folder.setStyle(Styles.MUTED_TEXT);
        folder.setWrapText(true);
        Label auto = new Label(messages.get("ui.sec.backup.auto"));
        auto.setStyle(Styles.MUTED_TEXT);
        auto.setWrapText(true);
        VBox box = new VBox(10, new HBox(8, now), status, errorLabel(vm.errorProperty(), "backup-error"),
                new Label(messages.get("ui.sec.backup.list")), list, restore, folder, auto);
        if (!vm.mayRestore()) {
            Label note = new Label(messages.get("ui.sec.backup.restoreDenied"));
            note.setStyle(Styles.MUTED_TEXT);
            box.getChildren().add(note);
        }
        box.setPadding(new Insets(10, 0, 0, 0));
        box.setMaxWidth(760);
        return box;
    }

    private void confirmRestore(BackupViewModel vm, Path zip) {
        if (zip == null) {
            return;
        }
        ButtonType yes = new ButtonType(messages.get("ui.sec.backup.restoreYes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("ui.sec.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                messages.get("ui.sec.backup.restoreConfirm", zip.getFileName().toString()), yes, no);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setTitle(messages.get("ui.sec.backup.restore"));
        alert.setHeaderText(messages.get("ui.sec.backup.restore"));
        alert.getDialogPane().setStyle(Fonts.rootStyle());
        alert.getDialogPane().setId("restoreConfirm");
        alert.showAndWait().filter(b -> b == yes).ifPresent(b -> vm.restore(zip));
    }

    private Node accountsPane(AccountsViewModel vm) {
        TableView<Account> table = new TableView<>(vm.rows());
        table.setId("accountTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(messages.get("accounts.username"), Account::username, 140));
        table.getColumns().add(column(messages.get("accounts.displayName"), Account::displayName, 140));
        table.getColumns().add(column(messages.get("accounts.role"), a -> vm.roleName(a.role()), 100));
        table.getColumns().add(column(messages.get("accounts.state"), a -> (a.active() ? messages.get("accounts.active")
                : messages.get("accounts.inactive")) + (a.mustChangePassword() ? messages.get("ui.sec.accounts.mustChange") : ""), 200));
        table.setPrefHeight(240);

        Button reset = new Button(messages.get("ui.sec.accounts.reset"));
        reset.setId("account-reset");
        reset.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        reset.setOnAction(e -> {
            Account a = table.getSelectionModel().getSelectedItem();
            TextInputDialog d = new TextInputDialog();
            d.setTitle(messages.get("ui.sec.accounts.reset"));
            d.setHeaderText(messages.get("ui.sec.accounts.resetPrompt", a.username()));
            d.getDialogPane().setStyle(Fonts.rootStyle());
            PasswordField pf = new PasswordField();
            pf.setPromptText(messages.get("ui.sec.passwordRule"));
            d.getDialogPane().setContent(pf);
            d.initOwner(getScene() == null ? null : getScene().getWindow());
            d.setResultConverter(b -> b == ButtonType.OK ? pf.getText() : null);
            d.showAndWait().ifPresent(pw -> vm.resetPassword(a.username(), pw));
        });
        Button deactivate = new Button(messages.get("ui.sec.accounts.deactivate"));
        deactivate.setId("account-deactivate");
        deactivate.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        deactivate.setOnAction(e -> {
            Account a = table.getSelectionModel().getSelectedItem();
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                    messages.get("ui.sec.accounts.deactivateConfirm", a.username()), ButtonType.OK, ButtonType.CANCEL);
            alert.initOwner(getScene() == null ? null : getScene().getWindow());
            alert.getDialogPane().setStyle(Fonts.rootStyle());
            alert.setHeaderText(messages.get("ui.sec.accounts.deactivate"));
            alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.deactivate(a.username()));
        });

        TextField user = new TextField();
        user.setId("account-user");
        user.setPromptText(messages.get("accounts.username"));
        user.textProperty().bindBidirectional(vm.newUserProperty());
        TextField name = new TextField();
        name.setId("account-name");
        name.setPromptText(messages.get("accounts.displayName"));
        name.textProperty().bindBidirectional(vm.newNameProperty());
        ComboBox<Role> role = new ComboBox<>();
        role.setId("account-role");
        role.getItems().setAll(Role.values());
        role.valueProperty().bindBidirectional(vm.newRoleProperty());
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : vm.roleName(r);
            }

            @Override
            public Role fromString(String s) {
                return null;
            }
        });
        PasswordField pw = new PasswordField();
        pw.setId("account-password");
        pw.setPromptText(messages.get("ui.sec.accounts.initialPassword"));
        pw.textProperty().bindBidirectional(vm.newPasswordProperty());
        Button add = new Button(messages.get("ui.sec.accounts.add"));
        add.setId("account-add");
        add.disableProperty().bind(vm.busyProperty());
        add.setOnAction(e -> vm.add());
        HBox form = new HBox(8, user, name, role, pw, add);
        form.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("account-status");
        status.textProperty().bind(vm.statusProperty());
        VBox box = new VBox(10, table, new HBox(8, reset, deactivate),
                new Label(messages.get("ui.sec.accounts.addTitle")), form, status,
                errorLabel(vm.errorProperty(), "account-error"));
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private Label errorLabel(javafx.beans.value.ObservableStringValue text, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setStyle(Styles.ERROR_TEXT + "-fx-font-size: 13px;");
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
