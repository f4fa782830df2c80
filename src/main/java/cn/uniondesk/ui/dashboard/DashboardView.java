package cn.uniondesk.ui.dashboard;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.report.DashboardService.DepartmentRate;
import cn.uniondesk.service.report.DashboardService.TrendPoint;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** 工作台: number cards, the membership trend and the dues rate by department, deadlines and cases. */
public final class DashboardView extends ScrollPane {
    private static final String CARD = "-fx-background-color: white; -fx-border-color: #d0d7de; "
            + "-fx-border-radius: 6; -fx-background-radius: 6; -fx-padding: 10 14 10 14;";
    private static final String NUMBER = "-fx-font-size: 26px; -fx-font-weight: bold; -fx-text-fill: #0969da; "
            + "-fx-background-color: transparent; -fx-padding: 0; -fx-cursor: hand;";

    private final DashboardViewModel vm;
    private final Messages messages;
    private final XYChart.Series<String, Number> trendSeries = new XYChart.Series<>();
    private final BarChart<String, Number> rateChart;

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
        this.messages = vm.messages();
        setId("dashboard");
        setFitToWidth(true);
        setStyle(Fonts.rootStyle());

        Label title = new Label(messages.get("ui.nav.dashboard"));
        title.setStyle(Styles.HEADING);
        Label asOf = new Label();
        asOf.textProperty().bind(vm.asOfProperty());
        asOf.setStyle(Styles.MUTED_TEXT);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty());
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.setStyle(Styles.ERROR_TEXT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button(messages.get("ui.dash.refresh"));
        refresh.setId("dash-refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button reports = new Button(messages.get("ui.dash.toReports"));
        reports.setId("dash-reports");
        reports.setOnAction(e -> vm.openReports());
        HBox head = new HBox(10, title, asOf, busy, error, spacer, reports, refresh);
        head.setAlignment(Pos.CENTER_LEFT);

        HBox cards = new HBox(12,
                card("dash-members", "ui.dash.members", vm.membersProperty(), null, vm::openMembers),
                card("dash-joined", "ui.dash.joined", vm.joinedProperty(), null, vm::openJoined),
                card("dash-left", "ui.dash.left", vm.leftProperty(), null, vm::openLeft),
                card("dash-rate", "ui.dash.rate", vm.rateProperty(), vm.rateDetailProperty(), vm::openDues),
                card("dash-arrears", "ui.dash.arrears", vm.arrearsProperty(), null, vm::openArrears));

        CategoryAxis tx = new CategoryAxis();
        NumberAxis ty = new NumberAxis();
        ty.setForceZeroInRange(false);
        LineChart<String, Number> trendChart = new LineChart<>(tx, ty);
        trendChart.setId("dash-trend");
        trendChart.setTitle(messages.get("ui.dash.trend"));
        trendChart.setLegendVisible(false);
        trendChart.setAnimated(false);
        trendChart.setPrefHeight(280);
        trendSeries.setName(messages.get("ui.dash.members"));
        trendChart.getData().add(trendSeries);

        CategoryAxis bx = new CategoryAxis();
        NumberAxis by = new NumberAxis(0, 100, 20);
        by.setLabel("%");
        rateChart = new BarChart<>(bx, by);
        rateChart.setId("dash-deptRates");
        rateChart.setTitle(messages.get("ui.dash.byDepartment"));
        rateChart.setAnimated(false);
        rateChart.setPrefHeight(280);
        HBox charts = new HBox(12, trendChart, rateChart);
        HBox.setHgrow(trendChart, Priority.ALWAYS);
        HBox.setHgrow(rateChart, Priority.ALWAYS);

        ListView<String> deadlines = new ListView<>(vm.deadlines());
        deadlines.setId("dash-deadlines");
        deadlines.setPrefHeight(110);
        VBox deadlineBox = box("ui.dash.deadlines", deadlines);
        Label casesNote = new Label();
        casesNote.setId("dash-casesNote");
        casesNote.setWrapText(true);
        casesNote.textProperty().bind(vm.casesNoteProperty());
        casesNote.setStyle(Styles.MUTED_TEXT);
        ListView<String> cases = new ListView<>(vm.caseLines());
        cases.setId("dash-cases");
        cases.setPrefHeight(110);
        cases.visibleProperty().bind(vm.casesNoteProperty().isEmpty());
        cases.managedProperty().bind(cases.visibleProperty());
        VBox caseBox = box("ui.dash.cases", casesNote, cases);
        GridPane lower = new GridPane();
        lower.setHgap(12);
        lower.add(deadlineBox, 0, 0);
        lower.add(caseBox, 1, 0);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        lower.getColumnConstraints().addAll(half, half);

        VBox content = new VBox(12, head, cards, charts, lower);
        content.setPadding(new Insets(12));
        setContent(content);

        vm.trend().addListener((ListChangeListener<TrendPoint>) c -> fillTrend());
        vm.departments().addListener((ListChangeListener<DepartmentRate>) c -> fillRates());
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.refresh();
            }
        });
    }

    private VBox card(String id, String labelKey, ObservableStringValue value, ObservableStringValue detail,
            Runnable open) {
        Label label = new Label(messages.get(labelKey));
        label.setStyle(Styles.MUTED_TEXT);
        Button number = new Button();
        number.setId(id);
        number.textProperty().bind(value);
        number.setStyle(NUMBER);
        number.setOnAction(e -> open.run());
        number.setTooltip(new Tooltip(messages.get("ui.dash.clickHint")));
        VBox box = new VBox(2, label, number);
        if (detail != null) {
            Label d = new Label();
            d.textProperty().bind(detail);
            d.setStyle(Styles.MUTED_TEXT + "-fx-font-size: 11px;");
            box.getChildren().add(d);
        }
        box.setStyle(CARD);
        box.setMinWidth(150);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private VBox box(String titleKey, Node... content) {
        Label t = new Label(messages.get(titleKey));
        t.setStyle("-fx-font-weight: bold;");
        VBox b = new VBox(6, t);
        b.getChildren().addAll(content);
        b.setStyle(CARD);
        return b;
    }

    private void fillTrend() {
        trendSeries.getData().clear();
        for (TrendPoint p : vm.trend()) {
            trendSeries.getData().add(new XYChart.Data<>(p.month().toString(), p.members()));
        }
    }

    /** One series per month (last month, this month), bars per department. */
    private void fillRates() {
        java.util.Map<java.time.YearMonth, XYChart.Series<String, Number>> series = new java.util.TreeMap<>();
        int i = 0;
        for (DepartmentRate r : vm.departments()) {
            XYChart.Series<String, Number> s = series.computeIfAbsent(r.month(), m -> {
                XYChart.Series<String, Number> x = new XYChart.Series<>();
                x.setName(vm.monthLabel(m));
                return x;
            });
            XYChart.Data<String, Number> d = new XYChart.Data<>(vm.departmentLabel(r.department()),
                    r.rate().bp() / 100.0);
            String id = "dash-dept-" + r.month() + "-" + i++;
            d.nodeProperty().addListener((o, a, n) -> attach(n, id, r));
            s.getData().add(d);
        }
        rateChart.getData().setAll(series.values());
        // the bars' nodes are made as the series enter the chart: the listeners above make them clickable
    }

    private void attach(Node n, String id, DepartmentRate r) {
        if (n == null) {
            return;
        }
        n.setId(id);
        n.setCursor(Cursor.HAND);
        n.setOnMouseClicked(e -> vm.openDepartment(r));
        Tooltip.install(n, new Tooltip(vm.monthLabel(r.month()) + " " + vm.departmentLabel(r.department()) + " "
                + r.rate()));
    }
}
