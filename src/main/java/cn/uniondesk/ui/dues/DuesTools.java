package cn.uniondesk.ui.dues;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService.ReportLine;
import java.io.File;
import java.util.function.Supplier;
import javafx.scene.Node;
import cn.uniondesk.ui.common.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * Two buttons on the dues screen's top bar: 工资表导入… (opens {@link WageImportDialog}) and 年度对账单…
 * (the statement of the member selected in the table, or of every member when none is, for the
 * year of the month shown; a save dialog picks .xlsx or .pdf).
 */
public final class DuesTools {
    private DuesTools() {
    }

    /** Adds the buttons to {@code view}'s top bar, before the month's figures. */
    public static void install(DuesView view, DuesViewModel dues, WageImportViewModel wages,
            StatementExportViewModel statements) {
        Messages m = dues.messages();
        Supplier<ReportLine> selected = view::selectedLine;

        Button wageButton = new Button(m.get("ui.dues.wage.open"));
        wageButton.setId("duesWageImport");
        wageButton.setOnAction(e -> {
            wages.monthTextProperty().set(dues.monthProperty().get().toString());
            WageImportDialog.show(view.getScene() == null ? null : view.getScene().getWindow(), wages);
        });
        wages.setOnApplied(dues::refresh);

        Button statementButton = new Button(m.get("ui.dues.statement.open"));
        statementButton.setId("duesStatement");
        statementButton.setTooltip(new Tooltip(m.get("ui.dues.statement.tip")));
        statementButton.disableProperty().bind(statements.busyProperty());
        statementButton.setOnAction(e -> {
            int year = dues.monthProperty().get().getYear();
            ReportLine line = selected.get();
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(m.get("ui.dues.statement.xlsx"), "*.xlsx"));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(m.get("ui.dues.statement.pdf"), "*.pdf"));
            fc.setInitialFileName(statements.suggestedName(year, line == null ? null : line.name()) + ".xlsx");
            File f = fc.showSaveDialog(view.getScene() == null ? null : view.getScene().getWindow());
            if (f != null) {
                statements.export(year, line == null ? null : line.memberId(), f.toPath());
            }
        });
        Label note = new Label();
        note.setId("duesStatementNote");
        note.setMaxWidth(240);
        note.setWrapText(true);
        note.textProperty().bind(javafx.beans.binding.Bindings.when(statements.errorProperty().isEmpty())
                .then(statements.messageProperty()).otherwise(statements.errorProperty()));
        note.styleProperty().bind(javafx.beans.binding.Bindings.when(statements.errorProperty().isEmpty())
                .then(Styles.MUTED_TEXT).otherwise(Styles.ERROR_TEXT));

        if (view.getTop() instanceof HBox bar) {
            int at = Math.max(0, bar.getChildren().size() - 2);
            bar.getChildren().addAll(at, java.util.List.<Node>of(wageButton, statementButton, note));
        }
    }
}
