package cn.uniondesk.ui.members;

import cn.uniondesk.domain.Department;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberField;
import cn.uniondesk.domain.Vocabulary;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Choice;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.IsoDateConverter;
import cn.uniondesk.ui.common.Styles;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The add / edit member dialog; each issue is shown in red under its field. */
final class MemberFormView {
    private final MemberFormViewModel vm;
    private final Messages messages;
    private final Map<MemberField, Control> controls = new EnumMap<>(MemberField.class);
    private final Map<MemberField, Label> issueLabels = new EnumMap<>(MemberField.class);
    private final GridPane grid = new GridPane();
    private int cell;
    private final MapChangeListener<MemberField, String> issuesListener = c -> showIssues();

    MemberFormView(MemberFormViewModel vm) {
        this.vm = vm;
        this.messages = vm.messages();
    }

    void show(Window owner, Consumer<Long> onSaved) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get(vm.isNew() ? "ui.form.titleNew" : "ui.form.titleEdit"));
        dialog.setResizable(true);
        ButtonType saveType = new ButtonType(messages.get("ui.form.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("ui.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(saveType, cancelType);
        dialog.getDialogPane().setContent(buildContent());
        dialog.getDialogPane().setStyle(Fonts.rootStyle());
        dialog.getDialogPane().setPrefSize(860, 660);
        dialog.getDialogPane().setId("memberForm");

        Button save = (Button) dialog.getDialogPane().lookupButton(saveType);
        save.setId("form-save");
        save.disableProperty().bind(vm.validProperty().not().or(vm.savingProperty()));
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save(id -> {
                dialog.setResult(saveType);
                dialog.close();
                onSaved.accept(id);
            });
        });
        ((Button) dialog.getDialogPane().lookupButton(cancelType)).setId("form-cancel");

        vm.errors().addListener(issuesListener);
        vm.warnings().addListener(issuesListener);
        dialog.setOnHidden(e -> {
            vm.errors().removeListener(issuesListener);
            vm.warnings().removeListener(issuesListener);
        });
        vm.load();
        showIssues();
        dialog.show();
    }

    private Node buildContent() {
        grid.setHgap(16);
        grid.setVgap(2);
        grid.setPadding(new Insets(8));

        TextField name = text(vm.nameProperty(), "form-name");
        add(MemberField.NAME, name);
        TextField id = text(vm.idNumberProperty(), "form-idNumber");
        add(MemberField.ID_NUMBER, id);

        ComboBox<Choice<String>> gender = codeChoice(vm.genderProperty(), List.of(
                new Choice<>("M", messages.get("gender.M")), new Choice<>("F", messages.get("gender.F"))));
        gender.setId("form-gender");
        add(MemberField.GENDER, gender);
        DatePicker birth = date("form-birthDate");
        birth.valueProperty().bindBidirectional(vm.birthDateProperty());
        add(MemberField.BIRTH_DATE, birth);

        add(MemberField.ETHNICITY, choice(vm.ethnicityProperty(), Vocabulary.ETHNICITIES, "form-ethnicity"));
        add(MemberField.MOBILE, text(vm.mobileProperty(), "form-mobile"));
        add(MemberField.EDUCATION, choice(vm.educationProperty(), Vocabulary.EDUCATION, "form-education"));
        add(MemberField.POLITICAL_STATUS,
                choice(vm.politicalStatusProperty(), Vocabulary.POLITICAL_STATUS, "form-politicalStatus"));

        ComboBox<Department> dept = new ComboBox<>();
        dept.setId("form-department");
        dept.setItems(vm.departments());
        dept.setConverter(new StringConverter<>() {
            @Override
            public String toString(Department d) {
                return d == null ? "" : d.name();
            }

            @Override
            public Department fromString(String s) {
                return null;
            }
        });
        dept.valueProperty().bindBidirectional(vm.departmentProperty());
        add(MemberField.DEPARTMENT, dept);
        add(MemberField.JOB, text(vm.jobProperty(), "form-job"));
        add(MemberField.EMPLOYMENT_TYPE,
                choice(vm.employmentTypeProperty(), Vocabulary.EMPLOYMENT_TYPES, "form-employmentType"));
        ComboBox<Choice<String>> household = codeChoice(vm.householdTypeProperty(), List.of(
                new Choice<>("URBAN", messages.get("ui.household.urban")),
                new Choice<>("RURAL", messages.get("ui.household.rural"))));
        household.setId("form-householdType");
        add(MemberField.HOUSEHOLD_TYPE, household);

        CheckBox migrant = new CheckBox(messages.get("ui.yes"));
        migrant.setId("form-migrantWorker");
        migrant.selectedProperty().bindBidirectional(vm.migrantWorkerProperty());
        add(MemberField.MIGRANT_WORKER, migrant);
        DatePicker join = date("form-joinDate");
        join.valueProperty().bindBidirectional(vm.joinDateProperty());
        add(MemberField.JOIN_DATE, join);

        add(MemberField.CARD_NO, text(vm.cardNoProperty(), "form-cardNo"));
        add(MemberField.MONTHLY_WAGE, text(vm.monthlyWageProperty(), "form-monthlyWage"));

        CheckBox hardship = new CheckBox(messages.get("ui.yes"));
        hardship.setId("form-hardship");
        hardship.selectedProperty().bindBidirectional(vm.hardshipProperty());
        add(MemberField.HARDSHIP, hardship);
        ComboBox<String> level = choice(vm.hardshipLevelProperty(), Vocabulary.HARDSHIP_LEVELS, "form-hardshipLevel");
        level.disableProperty().bind(vm.hardshipProperty().not());
        add(MemberField.HARDSHIP_LEVEL, level);

        TextArea notes = new TextArea();
        notes.setId("form-notes");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.notesProperty());
        Label notesLabel = new Label(messages.get("member.field.NOTES"));
        Label notesIssue = issueLabel();
        issueLabels.put(MemberField.NOTES, notesIssue);
        controls.put(MemberField.NOTES, notes);
        int notesRow = (cell + 1) / 2;
        cell = notesRow * 2 + 2;
        grid.add(new VBox(2, notesLabel, notes, notesIssue), 0, notesRow, 2, 1);

        VBox box = new VBox(8, grid);
        if (vm.isNew()) {
            box.getChildren().add(0, entrySection());
        }
        Label summary = new Label();
        summary.setId("form-summary");
        summary.setStyle(Styles.ERROR_TEXT);
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        BorderPane pane = new BorderPane(scroll);
        pane.setBottom(summary);
        BorderPane.setMargin(summary, new Insets(6, 8, 0, 8));
        return pane;
    }

    /** How a new member enters the register: 入会, or 转入 with the sending union and its reference. */
    private Node entrySection() {
        ComboBox<Choice<MemberEventType>> how = new ComboBox<>();
        how.setId("form-entry");
        how.getItems().addAll(new Choice<>(MemberEventType.JOIN, messages.get("event.JOIN")),
                new Choice<>(MemberEventType.TRANSFER_IN, messages.get("event.TRANSFER_IN")));
        how.getSelectionModel().selectFirst();
        how.valueProperty().addListener((o, a, b) -> vm.entryProperty().set(b.value()));
        TextField counterpart = text(vm.counterpartUnionProperty(), "form-counterpart");
        counterpart.setPromptText(messages.get("ui.form.sendingUnion"));
        TextField ref = text(vm.referenceNoProperty(), "form-reference");
        ref.setPromptText(messages.get("ui.form.referenceNo"));
        Label counterpartIssue = issueLabel();
        counterpartIssue.textProperty().bind(vm.counterpartErrorProperty());
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(2);
        g.setPadding(new Insets(8, 8, 0, 8));
        g.addRow(0, new Label(messages.get("ui.form.entry")), new Label(messages.get("ui.form.sendingUnion")),
                new Label(messages.get("ui.form.referenceNo")));
        g.addRow(1, how, counterpart, ref);
        g.add(counterpartIssue, 1, 2);
        counterpart.disableProperty().bind(vm.entryProperty().isNotEqualTo(MemberEventType.TRANSFER_IN));
        ref.disableProperty().bind(vm.entryProperty().isNotEqualTo(MemberEventType.TRANSFER_IN));
        return g;
    }

    private void add(MemberField f, Control control) {
        Label label = new Label(messages.get(f.labelKey()));
        Label issue = issueLabel();
        issue.setId("issue-" + f.name());
        controls.put(f, control);
        issueLabels.put(f, issue);
        control.setMaxWidth(Double.MAX_VALUE);
        control.setPrefWidth(380);
        VBox block = new VBox(2, label, control, issue);
        grid.add(block, cell % 2, cell / 2);
        cell++;
    }

    private static Label issueLabel() {
        Label l = new Label();
        l.setStyle(Styles.ERROR_TEXT);
        l.setWrapText(true);
        l.setMinHeight(16);
        return l;
    }

    private void showIssues() {
        issueLabels.forEach((f, label) -> {
            String error = vm.errors().get(f);
            String warning = vm.warnings().get(f);
            Control c = controls.get(f);
            if (error != null) {
                label.setText(error);
                label.setStyle(Styles.ERROR_TEXT);
                c.setStyle(Styles.ERROR_FIELD);
            } else {
                label.setText(warning == null ? "" : warning);
                label.setStyle(Styles.WARNING_TEXT);
                c.setStyle("");
            }
        });
    }

    private static TextField text(StringProperty p, String id) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private DatePicker date(String id) {
        DatePicker d = new DatePicker();
        d.setId(id);
        IsoDateConverter converter = new IsoDateConverter();
        d.setConverter(converter);
        d.setPromptText(messages.get("ui.datePrompt"));
        // a complete date typed in the editor counts at once, not only when the field loses focus
        d.getEditor().textProperty().addListener((o, a, text) -> {
            java.time.LocalDate typed = converter.fromString(text);
            if (typed != null && !typed.equals(d.getValue())) {
                d.setValue(typed);
            }
        });
        return d;
    }

    private static ComboBox<String> choice(StringProperty p, List<String> values, String id) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(values);
        c.setVisibleRowCount(12);
        c.valueProperty().bindBidirectional(p);
        return c;
    }

    /** A choice of coded values (M/F, URBAN/RURAL) kept in step with the ViewModel's code. */
    private static ComboBox<Choice<String>> codeChoice(StringProperty code, List<Choice<String>> choices) {
        ComboBox<Choice<String>> c = new ComboBox<>();
        c.getItems().setAll(choices);
        Runnable fromVm = () -> {
            Choice<String> match = choices.stream().filter(ch -> ch.value().equals(code.get())).findFirst().orElse(null);
            if (c.getValue() != match) {
                c.setValue(match);
            }
        };
        fromVm.run();
        code.addListener((o, a, b) -> fromVm.run());
        c.valueProperty().addListener((o, a, b) -> {
            String v = b == null ? "" : b.value();
            if (!v.equals(code.get())) {
                code.set(v);
            }
        });
        c.getItems().addListener((ListChangeListener<Choice<String>>) ch -> fromVm.run());
        return c;
    }
}
