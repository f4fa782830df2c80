package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.cases.HardshipEnums.Category;
import cn.uniondesk.domain.cases.HardshipEnums.Cause;
import cn.uniondesk.domain.cases.HardshipEnums.Health;
import cn.uniondesk.domain.cases.HardshipEnums.Housing;
import cn.uniondesk.domain.cases.HardshipEnums.WorkStatus;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.cases.HardshipFormViewModel.HouseholdInput;
import cn.uniondesk.ui.common.Choice;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.IsoDateConverter;
import cn.uniondesk.ui.common.Styles;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The hardship file form: situation, household (own ID numbers, incomes), causes, bank account; eligibility live. */
final class HardshipFormView {
    private final HardshipFormViewModel vm;
    private final Messages messages;

    HardshipFormView(HardshipFormViewModel vm) {
        this.vm = vm;
        this.messages = vm.messages();
    }

    private <E extends Enum<E>> ComboBox<Choice<E>> enumBox(String id, E[] values, Function<E, String> key,
            ObjectProperty<E> prop) {
        ComboBox<Choice<E>> box = new ComboBox<>();
        box.setId(id);
        for (E v : values) {
            box.getItems().add(new Choice<>(v, messages.get(key.apply(v))));
        }
        box.getItems().stream().filter(c -> c.value() == prop.get()).findFirst().ifPresent(box::setValue);
        box.valueProperty().addListener((o, a, b) -> prop.set(b == null ? null : b.value()));
        return box;
    }

    private static TextField field(String id, StringProperty p, int cols) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(cols);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private Label label(String key) {
        return new Label(messages.get(key));
    }

    void show(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(vm.title());
        dialog.setResizable(true);
        ButtonType okType = new ButtonType(messages.get("ui.hardship.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("ui.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(okType, cancelType);
        dialog.getDialogPane().setStyle(Fonts.rootStyle());
        dialog.getDialogPane().setId("hardshipForm");
        dialog.getDialogPane().setPrefSize(860, 680);

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        int r = 0;
        g.addRow(r++, label("hardship.field.category"), enumBox("hf-category", Category.values(), Category::key,
                vm.categoryProperty()), label("hardship.field.health"),
                enumBox("hf-health", Health.values(), Health::key, vm.healthProperty()));
        g.addRow(r++, label("hardship.field.workStatus"), enumBox("hf-work", WorkStatus.values(), WorkStatus::key,
                vm.workStatusProperty()), label("hardship.field.housing"),
                enumBox("hf-housing", Housing.values(), Housing::key, vm.housingProperty()));
        g.addRow(r++, label("ui.hardship.disability"), field("hf-disability", vm.disabilityProperty(), 14),
                label("hardship.field.city"), field("hf-city", vm.cityProperty(), 14));
        g.addRow(r++, label("hardship.field.memberIncome"), field("hf-income", vm.memberIncomeProperty(), 10),
                label("hardship.field.mainCause"), enumBox("hf-mainCause", Cause.values(), Cause::key,
                        vm.mainCauseProperty()));
        FlowPane secondary = new FlowPane(8, 4);
        for (Cause c : Cause.values()) {
            CheckBox cb = new CheckBox(messages.get(c.key()));
            cb.setId("hf-cause-" + c.name());
            cb.setSelected(vm.secondaryCauses().contains(c));
            cb.selectedProperty().addListener((o, a, b) -> {
                if (b && !vm.secondaryCauses().contains(c)) {
                    vm.secondaryCauses().add(c);
                } else if (!b) {
                    vm.secondaryCauses().remove(c);
                }
            });
            secondary.getChildren().add(cb);
        }
        g.add(label("ui.hardship.secondaryCauses"), 0, r);
        g.add(secondary, 1, r++, 3, 1);
        g.addRow(r++, label("ui.hardship.bankName"), field("hf-bank", vm.bankNameProperty(), 14),
                label("ui.hardship.bankAccount"), field("hf-account", vm.bankAccountProperty(), 18));
        DatePicker filedOn = new DatePicker();
        filedOn.setId("hf-filedOn");
        filedOn.setConverter(new IsoDateConverter());
        filedOn.valueProperty().bindBidirectional(vm.filedOnProperty());
        g.addRow(r++, label("ui.hardship.accountHolder"), field("hf-holder", vm.accountHolderProperty(), 10),
                label("ui.hardship.filedBy"), field("hf-filedBy", vm.filedByProperty(), 10));
        g.addRow(r++, label("hardship.field.filedOn"), filedOn, label("ui.hardship.notes"),
                field("hf-notes", vm.notesProperty(), 18));

        VBox householdBox = new VBox(6);
        householdBox.setId("hf-household");
        Runnable fill = () -> {
            householdBox.getChildren().clear();
            HBox head = new HBox(6, width(label("ui.hardship.hh.name"), 80), width(label("ui.hardship.hh.relation"), 60),
                    width(label("ui.hardship.hh.id"), 170), width(label("ui.hardship.hh.health"), 100),
                    width(label("ui.hardship.hh.income"), 80), width(label("ui.hardship.hh.occupation"), 90));
            head.setStyle(Styles.MUTED_TEXT);
            householdBox.getChildren().add(head);
            int i = 0;
            for (HouseholdInput h : vm.household()) {
                householdBox.getChildren().add(householdRow(h, i++));
            }
        };
        vm.household().addListener((ListChangeListener<HouseholdInput>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    fill.run();
                    return;
                }
            }
        });
        fill.run();
        Button add = new Button(messages.get("ui.hardship.hh.add"));
        add.setId("hf-addHousehold");
        add.setOnAction(e -> vm.addHouseholdMember());

        Label income = new Label();
        income.setId("hf-incomeText");
        income.textProperty().bind(vm.incomeTextProperty());
        Label eligibility = new Label();
        eligibility.setId("hf-eligibility");
        eligibility.setWrapText(true);
        eligibility.textProperty().bind(vm.eligibilityTextProperty());
        eligibility.styleProperty().bind(javafx.beans.binding.Bindings.when(vm.eligibleProperty())
                .then("-fx-text-fill: #1b5e20; -fx-font-weight: bold;").otherwise("-fx-text-fill: #b26a00;"));
        TextField comment = field("hf-comment", vm.commentProperty(), 30);
        HBox commentRow = new HBox(8, label("ui.cases.step.comment"), comment);
        commentRow.setAlignment(Pos.CENTER_LEFT);
        commentRow.setVisible(!vm.isNew());
        commentRow.setManaged(!vm.isNew());
        Label error = new Label();
        error.setId("hf-error");
        error.setStyle(Styles.ERROR_TEXT);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());

        Label heading = new Label(vm.title());
        heading.setStyle(Styles.HEADING);
        Label hhTitle = label("ui.hardship.household");
        hhTitle.setStyle("-fx-font-weight: bold;");
        VBox content = new VBox(10, heading, g, hhTitle, householdBox, add, income, eligibility, commentRow, error);
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        dialog.getDialogPane().setContent(scroll);

        Button ok = (Button) dialog.getDialogPane().lookupButton(okType);
        ok.setId("hf-ok");
        ok.disableProperty().bind(vm.busyProperty());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save(() -> {
                dialog.setResult(okType);
                dialog.close();
            });
        });
        dialog.show();
    }

    private static <T extends javafx.scene.layout.Region> T width(T n, double w) {
        n.setPrefWidth(w);
        n.setMinWidth(w);
        return n;
    }

    private HBox householdRow(HouseholdInput h, int i) {
        TextField name = width(field("hh-name-" + i, h.nameProperty(), 6), 80);
        TextField rel = width(field("hh-relation-" + i, h.relationProperty(), 4), 60);
        TextField id = width(field("hh-id-" + i, h.idNumberProperty(), 18), 170);
        ComboBox<Choice<Health>> health = width(enumBox("hh-health-" + i, Health.values(), Health::key,
                h.healthProperty()), 100);
        TextField inc = width(field("hh-income-" + i, h.incomeProperty(), 7), 80);
        TextField occ = width(field("hh-occupation-" + i, h.occupationProperty(), 8), 90);
        Button remove = new Button(messages.get("ui.hardship.hh.remove"));
        remove.setId("hh-remove-" + i);
        remove.setOnAction(e -> vm.removeHouseholdMember(h));
        HBox row = new HBox(6, name, rel, id, health, inc, occ, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
