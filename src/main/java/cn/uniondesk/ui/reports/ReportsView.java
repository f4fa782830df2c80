package cn.uniondesk.ui.reports;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** 报表: build the monthly set or the yearly summary, then open, print or open in Excel. */
public final class ReportsView extends VBox {
    public ReportsView(ReportsViewModel vm) {
        super(12);
        Messages messages = vm.messages();
        setId("reports");
        setPadding(new Insets(16));
        setStyle(Fonts.rootStyle());

        Label title = new Label(messages.get("ui.nav.reports"));
        title.setStyle(Styles.HEADING);
        Label intro = new Label(messages.get("ui.reports.intro"));
        intro.setWrapText(true);
        intro.setStyle(Styles.MUTED_TEXT);

        TextField month = new TextField();
        month.setId("reportMonth");
        month.setPrefColumnCount(8);
        month.textProperty().bindBidirectional(vm.monthProperty());
        month.setOnAction(e -> vm.buildMonthly());
        Button monthly = new Button(messages.get("ui.reports.buildMonthly"));
        monthly.setId("buildMonthly");
        monthly.setDefaultButton(true);
        monthly.disableProperty().bind(vm.busyProperty());
        monthly.setOnAction(e -> vm.buildMonthly());

        TextField year = new TextField();
        year.setId("reportYear");
        year.setPrefColumnCount(6);
        year.textProperty().bindBidirectional(vm.yearProperty());
        Button yearly = new Button(messages.get("ui.reports.buildYearly"));
        yearly.setId("buildYearly");
        yearly.disableProperty().bind(vm.busyProperty());
        yearly.setOnAction(e -> vm.buildYearly());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(messages.get("ui.reports.month")), month, monthly,
                new Label(messages.get("ui.reports.monthlyContents")));
        form.addRow(1, new Label(messages.get("ui.reports.year")), year, yearly,
                new Label(messages.get("ui.reports.yearlyContents")));

        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("reportStatus");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("reportError");
        error.setStyle(Styles.ERROR_TEXT);
        error.textProperty().bind(vm.errorProperty());
        HBox statusBar = new HBox(8, busy, status, error);
        statusBar.setAlignment(Pos.CENTER_LEFT);

        Button openPdf = new Button(messages.get("ui.reports.openPdf"));
        openPdf.setId("openPdf");
        openPdf.disableProperty().bind(vm.pdfProperty().isNull());
        openPdf.setOnAction(e -> vm.openPdf());
        Button print = new Button(messages.get("ui.reports.print"));
        print.setId("printPdf");
        print.disableProperty().bind(vm.pdfProperty().isNull());
        print.setOnAction(e -> vm.printPdf());
        Button openXlsx = new Button(messages.get("ui.reports.openXlsx"));
        openXlsx.setId("openXlsx");
        openXlsx.disableProperty().bind(vm.xlsxProperty().isNull());
        openXlsx.setOnAction(e -> vm.openXlsx());
        Label folder = new Label(messages.get("ui.reports.folder", vm.outDir().toAbsolutePath().toString()));
        folder.setStyle(Styles.MUTED_TEXT);
        folder.setWrapText(true);
        HBox actions = new HBox(8, openPdf, print, openXlsx);

        ListView<String> checks = new ListView<>(vm.checks());
        checks.setId("reportChecks");
        checks.setPrefHeight(120);
        checks.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.checks()));
        checks.managedProperty().bind(checks.visibleProperty());

        getChildren().addAll(title, intro, form, statusBar, actions, folder, checks);
    }
}
