package cn.uniondesk.ui.dashboard;

import cn.uniondesk.domain.Money;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.report.CaseFigures;
import cn.uniondesk.service.report.DashboardService;
import cn.uniondesk.service.report.DashboardService.Dashboard;
import cn.uniondesk.service.report.DashboardService.Deadline;
import cn.uniondesk.service.report.DashboardService.DepartmentRate;
import cn.uniondesk.service.report.DashboardService.TrendPoint;
import cn.uniondesk.ui.common.BackgroundExecutor;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 工作台: the figures a chair reads at a glance, loaded off the FX thread each time the page is
 * shown; every number opens the list it summarises through the {@link DashboardNavigator}.
 */
public final class DashboardViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardViewModel.class);

    private final DashboardService service;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final DashboardNavigator navigator;

    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper asOf = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper members = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper joined = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper left = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper rateDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper arrears = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper casesNote = new ReadOnlyStringWrapper("");
    private final ObservableList<TrendPoint> trend = FXCollections.observableArrayList();
    private final ObservableList<TrendPoint> trendView = FXCollections.unmodifiableObservableList(trend);
    private final ObservableList<DepartmentRate> departments = FXCollections.observableArrayList();
    private final ObservableList<DepartmentRate> departmentsView = FXCollections.unmodifiableObservableList(departments);
    private final ObservableList<String> deadlines = FXCollections.observableArrayList();
    private final ObservableList<String> deadlinesView = FXCollections.unmodifiableObservableList(deadlines);
    private final ObservableList<String> caseLines = FXCollections.observableArrayList();
    private final ObservableList<String> caseLinesView = FXCollections.unmodifiableObservableList(caseLines);
    private final AtomicLong generation = new AtomicLong();

    public DashboardViewModel(DashboardService service, BackgroundExecutor executor, Messages messages,
            DashboardNavigator navigator) {
        this.service = service;
        this.executor = executor;
        this.messages = messages;
        this.navigator = navigator;
    }

    /** Reloads every figure in the background. */
    public void refresh() {
        long gen = generation.incrementAndGet();
        loading.set(true);
        executor.run(service::dashboard, d -> {
            if (gen == generation.get()) {
                loading.set(false);
                show(d);
            }
        }, e -> {
                if (gen == generation.get()) {
                    loading.set(false);
                    LOG.error("Dashboard: loading failed", e);
                    error.set(messages.get("ui.error.unexpected", e.getClass().getSimpleName()));
                }
            });
    }

    private void show(Dashboard d) {
        dashboard.set(d);
        error.set("");
        asOf.set(messages.get("ui.dash.asOf", d.today().toString()));
        members.set(Integer.toString(d.membersNow()));
        joined.set(Integer.toString(d.joined()));
        left.set(Integer.toString(d.left()));
        rate.set(d.rate().toString());
        rateDetail.set(messages.get("ui.dash.rateDetail", yuan(d.paidFen()), yuan(d.dueFen())));
        arrears.set(Integer.toString(d.arrears()));
        trend.setAll(d.trend());
        List<DepartmentRate> both = new ArrayList<>(d.previousDepartments());
        both.addAll(d.departments());
        departments.setAll(both);
        List<String> dl = new ArrayList<>();
        for (Deadline x : d.deadlines()) {
            long days = ChronoUnit.DAYS.between(d.today(), x.due());
            switch (x.kind()) {
                case MONTHLY_REPORT -> dl.add(messages.get(days >= 0 ? "ui.dash.deadline.report"
                        : "ui.dash.deadline.reportLate", Integer.toString(x.period().getYear()), x.period().getMonthValue(),
                        x.due().toString(), Math.abs(days)));
                case HARDSHIP_REVIEW -> dl.add(messages.get("ui.dash.deadline.review", x.count(),
                        x.due() == null ? "" : x.due().toString()));
                default -> { }
            }
        }
        deadlines.setAll(dl);
        CaseFigures.Summary c = d.cases();
        List<String> cl = new ArrayList<>();
        if (!c.available()) {
            casesNote.set(messages.get("ui.dash.cases.none"));
        } else {
            casesNote.set("");
            cl.add(messages.get("ui.dash.cases.waiting", c.waitingForMe()));
            for (Map.Entry<String, Integer> e : c.openByState().entrySet()) {
                cl.add(messages.get("ui.dash.cases.state", e.getKey(), e.getValue()));
            }
            for (Map.Entry<String, Long> e : c.aidPaidByType().entrySet()) {
                cl.add(messages.get("ui.dash.cases.paid", e.getKey(), yuan(e.getValue())));
            }
        }
        caseLines.setAll(cl);
    }

    static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }

    // --- clicks -----------------------------------------------------------------------------------

    public void openMembers() {
        Dashboard d = dashboard.get();
        if (d != null) {
            // the ids of everyone holding membership are read on demand (decision 0010), off the FX thread
            executor.run(() -> {
                d.memberIds().size();
                return d.memberIds();
            }, ids -> navigator.showMembers(messages.get("ui.dash.list.members", d.today().toString()), ids),
                    e -> {
                    LOG.error("Dashboard: reading the members failed", e);
                    error.set(messages.get("ui.error.unexpected", e.getClass().getSimpleName()));
                });
        }
    }

    public void openJoined() {
        Dashboard d = dashboard.get();
        if (d != null) {
            navigator.showMembers(messages.get("ui.dash.list.joined", d.month().toString()), d.joinedIds());
        }
    }

    public void openLeft() {
        Dashboard d = dashboard.get();
        if (d != null) {
            navigator.showMembers(messages.get("ui.dash.list.left", d.month().toString()), d.leftIds());
        }
    }

    public void openDues() {
        Dashboard d = dashboard.get();
        if (d != null) {
            navigator.showDues(d.month(), false, null);
        }
    }

    public void openArrears() {
        Dashboard d = dashboard.get();
        if (d != null) {
            navigator.showDues(d.arrearsMonth(), true, null);
        }
    }

    /** A department's bar: the dues list of that month and department. */
    public void openDepartment(DepartmentRate r) {
        navigator.showDues(r.month(), false, r.department());
    }

    public String monthLabel(java.time.YearMonth m) {
        return messages.get("ui.dash.monthLabel", Integer.toString(m.getYear()), m.getMonthValue());
    }

    public void openReports() {
        navigator.showReports();
    }

    /** The label of a department ("" is the members without one). */
    public String departmentLabel(String d) {
        return d == null || d.isEmpty() ? messages.get("ui.dash.noDepartment") : d;
    }

    // --- properties -------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty membersProperty() {
        return members.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty joinedProperty() {
        return joined.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty leftProperty() {
        return left.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateDetailProperty() {
        return rateDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty arrearsProperty() {
        return arrears.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty casesNoteProperty() {
        return casesNote.getReadOnlyProperty();
    }

    public ObservableList<TrendPoint> trend() {
        return trendView;
    }

    public ObservableList<DepartmentRate> departments() {
        return departmentsView;
    }

    public ObservableList<String> deadlines() {
        return deadlinesView;
    }

    public ObservableList<String> caseLines() {
        return caseLinesView;
    }

    public Messages messages() {
        return messages;
    }
}
