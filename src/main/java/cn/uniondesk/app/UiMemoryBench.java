package cn.uniondesk.app;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Benchmark only ({@code bench --case ui-memory}): starts the real window in this process, with
 * the same {@link UnionDeskApp} wiring the launcher uses, signs in, and works through it the way
 * a clerk does — the member table scrolled top to bottom, searches typed one character at a time
 * into the search field, 工作台, 报表 (the monthly set built through its button), 会费 — while the
 * heap is watched: used after a full collection at the end of each step, the largest live set any
 * full collection found during the step, the sampled peak of used heap, and the pools' peaks.
 * Controls are found by their ids; nothing in the app knows about this class.
 */
public final class UiMemoryBench {
    private static final long MB = 1024 * 1024;
    /** Typed one character at a time, as in {@code bench}: names, pinyin, initials, ID digits. */
    private final List<String> queries;
    private final PrintWriter out;
    private final HeapWatch heap = new HeapWatch();
    private final List<String[]> table = new ArrayList<>();
    private Stage stage;
    private UnionDeskApp app;

    private UiMemoryBench(List<String> queries, PrintWriter out) {
        this.queries = queries;
        this.out = out;
    }

    /**
     * Runs the walk-through on an initialised data folder and prints one line per step.
     *
     * @return 0 when every step finished, 1 otherwise
     */
    public static int run(Path dataDir, String user, char[] password, String reportMonth, List<String> queries,
            PrintWriter out) throws Exception {
        return new UiMemoryBench(queries, out).walk(dataDir, user, password, reportMonth);
    }

    private int walk(Path dataDir, String user, char[] password, String reportMonth) throws Exception {
        heap.install();
        // the toolkit is started here, unless it already runs (a UI test's JVM), which is then left running
        boolean ownToolkit;
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
            Platform.setImplicitExit(false);
            ownToolkit = true;
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
            ownToolkit = false;
        }
        started.await();
        boolean ok = false;
        boolean closed = false;
        try {
            step("window + login page", () -> fx(() -> {
                stage = new Stage();
                app = new UnionDeskApp();
                app.start(stage, new String[] {"--data", dataDir.toString()});
                return null;
            }));
            step("login, members screen (first list)", () -> login(user, password));
            step("members: scroll whole table", this::scrollMembers);
            snapshot(dataDir.resolveSibling("ui-memory-members.png"));
            step("members: search as you type", this::typeSearches);
            step("工作台 (dashboard)", this::dashboard);
            step("报表: monthly set " + reportMonth, () -> monthlyReport(reportMonth));
            snapshot(dataDir.resolveSibling("ui-memory-reports.png"));
            step("会费 (dues screen)", this::duesScreen);
            snapshot(dataDir.resolveSibling("ui-memory-dues.png"));
            step("members again: scroll, search", () -> {
                click("#nav-members");
                typeQuery("wang");
                clearSearch();
                scrollTable(lookupTable("#memberTable"), 10, 0);
            });
            closed = true;
            step("exit (backup, close)", () -> app.shutdown());
            ok = true;
        } catch (Exception | Error e) {
            out.println("FAILED in step: " + e);
            org.slf4j.LoggerFactory.getLogger(UiMemoryBench.class).error("UI memory walk failed", e);
        } finally {
            heap.close();
            printTable();
            if (!closed && app != null) {
                app.shutdown();
            }
            boolean exit = ownToolkit;
            Platform.runLater(() -> {
                if (stage != null) {
                    stage.hide();
                }
                if (exit) {
                    Platform.exit();
                }
            });
        }
        return ok ? 0 : 1;
    }

    // --- steps --------------------------------------------------------------------------------------

    private void login(String user, char[] password) throws Exception {
        waitFor("login page", 60, () -> lookup("#login-user") != null);
        fx(() -> {
            ((TextField) lookup("#login-user")).setText(user);
            ((TextField) lookup("#login-password")).setText(new String(password));
            ((Button) lookup("#login-button")).fire();
            return null;
        });
        waitFor("member table with rows", 600, () -> {
            TableView<?> t = (TableView<?>) lookup("#memberTable");
            return t != null && t.getScene() != null && !t.getItems().isEmpty();
        });
        note("members listed: " + fx(() -> lookupTable("#memberTable").getItems().size()) + ", count label: "
                + text("#count"));
    }

    private void scrollMembers() throws Exception {
        TableView<?> t = fx(() -> lookupTable("#memberTable"));
        scrollTable(t, 1, 2_000);
    }

    /**
     * Scrolls a table from the top to the last row, {@code pages} screenfuls per step (a page-down
     * each step); every {@code selectEvery} rows a row is selected, as a clerk clicks a member.
     */
    private void scrollTable(TableView<?> t, int pages, int selectEvery) throws Exception {
        int n = fx(() -> {
            t.scrollTo(0);
            t.layout();
            return t.getItems().size();
        });
        int steps = 0;
        int last = -1;
        int nextSelect = selectEvery;
        while (true) {
            int[] pos = fx(() -> {
                VirtualFlow<?> flow = (VirtualFlow<?>) t.lookup(".virtual-flow");
                flow.scrollPixels(flow.getHeight() * 0.95 * pages);
                t.layout();
                return new int[] {flow.getFirstVisibleCell() == null ? -1 : flow.getFirstVisibleCell().getIndex(),
                        flow.getLastVisibleCell() == null ? -1 : flow.getLastVisibleCell().getIndex()};
            });
            steps++;
            if (selectEvery > 0 && pos[0] >= nextSelect) {
                int row = pos[0];
                fx(() -> {
                    t.getSelectionModel().select(row);
                    return null;
                });
                nextSelect += selectEvery;
            }
            if (pos[1] >= n - 1 || pos[1] == last) {
                last = pos[1];
                break;
            }
            last = pos[1];
        }
        note(t.getId() + ": " + n + " rows, last visible " + last + " after " + steps + " steps of " + pages
                + " page(s)");
        if (last < n - 1) {
            throw new IllegalStateException(t.getId() + " did not reach the last row: " + last + " of " + n);
        }
    }

    /** How long a typed query may take before its list is taken as unchanged (a search takes ~20-150 ms). */
    private static final int SETTLE_SECONDS = 2;
    private final AtomicInteger memberListChanges = new AtomicInteger();
    private int unchangedResults;
    private boolean listening;

    private void typeSearches() throws Exception {
        for (String q : queries) {
            typeQuery(q);
            // the clerk opens the first hit
            fx(() -> {
                TableView<?> t = lookupTable("#memberTable");
                if (!t.getItems().isEmpty()) {
                    t.getSelectionModel().select(0);
                }
                return null;
            });
            clearSearch();
        }
        note(queries.size() + " queries, " + queries.stream().mapToInt(String::length).sum() + " keystrokes, "
                + unchangedResults + " of " + 2 * queries.size() + " lists unchanged after typing or clearing");
    }

    private void typeQuery(String q) throws Exception {
        if (!listening) {
            fx(() -> {
                lookupTable("#memberTable").getItems().addListener(
                        (ListChangeListener<Object>) c -> memberListChanges.incrementAndGet());
                return null;
            });
            listening = true;
        }
        int before = 0;
        for (int i = 0; i < q.length(); i++) {
            String ch = q.substring(i, i + 1);
            before = memberListChanges.get();
            fx(() -> {
                ((TextField) lookup("#search")).appendText(ch);
                return null;
            });
            Thread.sleep(120); // a quick typist
        }
        int b = before;
        if (!waitQuietly(SETTLE_SECONDS, () -> memberListChanges.get() != b)) {
            unchangedResults++; // the same rows as before the keystroke (or none): nothing to wait for
        }
    }

    private void clearSearch() throws Exception {
        int before = memberListChanges.get();
        fx(() -> {
            ((TextField) lookup("#search")).clear();
            return null;
        });
        if (!waitQuietly(SETTLE_SECONDS, () -> memberListChanges.get() != before)) {
            unchangedResults++;
        }
    }

    private void dashboard() throws Exception {
        click("#nav-dashboard");
        waitFor("dashboard figures", 600, () -> {
            Node n = lookup("#dash-members");
            return n instanceof Labeled l && l.getText() != null && l.getText().matches(".*\\d.*");
        });
        note("dashboard members: " + text("#dash-members") + ", rate: " + text("#dash-rate"));
    }

    private void monthlyReport(String month) throws Exception {
        click("#nav-reports");
        waitFor("reports page", 60, () -> lookup("#buildMonthly") != null);
        boolean started = fx(() -> {
            ((TextField) lookup("#reportMonth")).setText(month);
            Button b = (Button) lookup("#buildMonthly");
            b.fire();
            return b.isDisabled();
        });
        if (!started) {
            throw new IllegalStateException("the monthly set did not start: " + text("#reportError"));
        }
        waitFor("monthly set built", 1200, () -> !lookup("#buildMonthly").isDisabled());
        String err = text("#reportError");
        note("report status: " + text("#reportStatus") + (err.isEmpty() ? "" : " ERROR: " + err));
        if (!err.isEmpty()) {
            throw new IllegalStateException("monthly set failed: " + err);
        }
    }

    private void duesScreen() throws Exception {
        click("#nav-dues");
        waitFor("dues lines", 600, () -> {
            Node t = lookup("#duesTable");
            return t instanceof TableView<?> tv && tv.getScene() != null && !tv.getItems().isEmpty();
        });
        note("dues: " + text("#duesPreview"));
        scrollTable(fx(() -> lookupTable("#duesTable")), 10, 0);
    }

    /** A picture of the window, to see that the steps happened on screen (not part of the measurement). */
    private void snapshot(Path file) throws Exception {
        fx(() -> {
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(stage.getScene().snapshot(null),
                    null), "png", file.toFile());
            return null;
        });
        System.gc();
    }

    // --- driving the window -------------------------------------------------------------------------

    private Node lookup(String selector) {
        Scene s = stage.getScene();
        return s == null ? null : s.lookup(selector);
    }

    private TableView<?> lookupTable(String selector) {
        return (TableView<?>) lookup(selector);
    }

    private String text(String selector) throws Exception {
        return fx(() -> {
            Node n = lookup(selector);
            return n instanceof Labeled l ? String.valueOf(l.getText()) : "";
        });
    }

    private void click(String selector) throws Exception {
        fx(() -> {
            ((Button) lookup(selector)).fire();
            return null;
        });
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(120, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, int seconds, Callable<Boolean> done) throws Exception {
        if (!waitQuietly(seconds, done)) {
            throw new IllegalStateException("timed out after " + seconds + " s waiting for " + what);
        }
    }

    private static boolean waitQuietly(int seconds, Callable<Boolean> done) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (fx(done)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    // --- measuring ----------------------------------------------------------------------------------

    private interface Step {
        void run() throws Exception;
    }

    private final List<String> notes = new ArrayList<>();

    private void note(String s) {
        notes.add(s);
        out.println("  " + s);
        out.flush();
    }

    private void step(String name, Step work) throws Exception {
        out.println("step: " + name);
        out.flush();
        heap.begin();
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        try {
            work.run();
        } finally {
            long wall = (System.nanoTime() - t0) / 1_000_000;
            long cpu = (processCpuNanos() - cpu0) / 1_000_000;
            HeapWatch.Result r = heap.end();
            table.add(new String[] {name, f1(wall / 1000.0), f1(cpu / 1000.0), mb(r.afterGc()), mb(r.maxLiveFullGc()),
                    mb(r.maxAfterAnyGc()), mb(r.sampledPeak()), mb(r.poolPeaks()), Integer.toString(r.gcs()),
                    mb(r.committed()), mb(r.max())});
            out.println("  -> " + String.join(" | ", table.get(table.size() - 1)));
            out.flush();
        }
    }

    private void printTable() {
        out.println();
        out.println("| step | wall s | process CPU s | used after GC (end of step) MB | max live after a full GC"
                + " during step MB | max used after any GC MB | peak used (sampled 10 ms) MB | pool peaks MB"
                + " | GCs | committed MB | max MB |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String[] row : table) {
            out.println("| " + String.join(" | ", row) + " |");
        }
        out.println("load average (1 min) at end: " + String.format(Locale.ROOT, "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.flush();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "—" : Long.toString(Math.round(bytes / (double) MB));
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Watches the heap: a 10 ms sampler of used heap, the collectors' notifications (the heap used
     * after every collection; after a full one that is the live set), the pools' peak usage.
     */
    static final class HeapWatch {
        record Result(long afterGc, long maxLiveFullGc, long maxAfterAnyGc, long sampledPeak, long poolPeaks,
                int gcs, long committed, long max) {
        }

        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        private final AtomicLong sampledPeak = new AtomicLong();
        private final AtomicLong maxLiveFull = new AtomicLong(-1);
        private final AtomicLong maxAfterAny = new AtomicLong(-1);
        private final AtomicInteger gcs = new AtomicInteger();
        private volatile boolean measuringGc = true;

        private final List<Runnable> uninstall = new ArrayList<>();
        private volatile boolean sampling = true;

        void install() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    javax.management.NotificationListener listener = (n, hb) -> {
                        if (!measuringGc || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                .equals(n.getType())) {
                            return;
                        }
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) n.getUserData());
                        long used = 0;
                        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (heapPools.contains(e.getKey())) {
                                used += e.getValue().getUsed();
                            }
                        }
                        gcs.incrementAndGet();
                        maxAfterAny.accumulateAndGet(used, Math::max);
                        if (info.getGcAction().contains("major")) {
                            maxLiveFull.accumulateAndGet(used, Math::max);
                        }
                    };
                    emitter.addNotificationListener(listener, null, null);
                    uninstall.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (javax.management.ListenerNotFoundException e) {
                            // already gone
                        }
                    });
                }
            }
            Thread t = new Thread(() -> {
                while (sampling) {
                    sampledPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                            Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            t.setDaemon(true);
            t.start();
        }

        void close() {
            sampling = false;
            uninstall.forEach(Runnable::run);
        }

        void begin() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            sampledPeak.set(0);
            maxLiveFull.set(-1);
            maxAfterAny.set(-1);
            gcs.set(0);
            measuringGc = true;
        }

        Result end() throws InterruptedException {
            long pools = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    pools += p.getPeakUsage().getUsed();
                }
            }
            long peak = sampledPeak.get();
            int n = gcs.get();
            long live = maxLiveFull.get();
            long any = maxAfterAny.get();
            measuringGc = false;
            System.gc();
            Thread.sleep(200); // notifications arrive on their own thread
            MemoryUsage u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return new Result(u.getUsed(), live, any, peak, pools, n, u.getCommitted(), u.getMax());
        }
    }
}
