package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.cases.FieldDef;
import cn.uniondesk.ui.common.Choice;
import cn.uniondesk.ui.common.IsoDateConverter;
import cn.uniondesk.ui.common.Styles;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Builds a form's controls from {@link FieldInput}s: text, amount, date or choice, by the field's kind. */
final class FieldControls {
    private FieldControls() {
    }

    /** Adds one row per input (label with * when required, the control, its problem) from {@code row}. */
    static int addRows(GridPane grid, int row, List<FieldInput> inputs, CaseText text) {
        for (FieldInput in : inputs) {
            Label l = new Label(in.required() ? text.messages().get("ui.cases.requiredLabel", in.label()) : in.label());
            Label err = new Label();
            err.setStyle(Styles.ERROR_TEXT);
            err.setWrapText(true);
            err.textProperty().bind(in.errorProperty());
            err.managedProperty().bind(err.textProperty().isNotEmpty());
            err.visibleProperty().bind(err.managedProperty());
            VBox cell = new VBox(2, control(in, text), err);
            grid.addRow(row++, l, cell);
        }
        return row;
    }

    static Node control(FieldInput in, CaseText text) {
        String id = "field-" + in.name();
        switch (in.kind()) {
            case CHOICE: {
                ComboBox<Choice<String>> box = new ComboBox<>();
                box.setId(id);
                box.getItems().add(new Choice<>(null, ""));
                for (FieldDef.Option o : in.def().options()) {
                    box.getItems().add(new Choice<>(o.code(), text.label(o.label())));
                }
                box.getItems().stream().filter(c -> c.value() != null && c.value().equals(in.value())).findFirst()
                        .ifPresent(box::setValue);
                box.valueProperty().addListener((o, a, b) -> in.valueProperty().set(b == null || b.value() == null
                        ? "" : b.value()));
                return box;
            }
            case DATE: {
                DatePicker picker = new DatePicker();
                picker.setId(id);
                picker.setConverter(new IsoDateConverter());
                try {
                    picker.setValue(in.value().isEmpty() ? null : LocalDate.parse(in.value()));
                } catch (DateTimeParseException e) {
                    picker.setValue(null);
                }
                picker.valueProperty().addListener((o, a, b) -> in.valueProperty().set(b == null ? "" : b.toString()));
                picker.getEditor().textProperty().addListener((o, a, b) -> in.valueProperty().set(b));
                return picker;
            }
            case MONEY: {
                TextField f = new TextField();
                f.setId(id);
                f.setPromptText(text.messages().get("ui.cases.yuanPrompt"));
                f.setPrefColumnCount(10);
                f.textProperty().bindBidirectional(in.valueProperty());
                return f;
            }
            case TEXT:
            default: {
                TextField f = new TextField();
                f.setId(id);
                f.setPrefColumnCount(24);
                f.textProperty().bindBidirectional(in.valueProperty());
                return f;
            }
        }
    }
}
