package cn.uniondesk.cli;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.ImportOptions;
import cn.uniondesk.service.ImportReport;
import cn.uniondesk.service.MemberQuery;
import cn.uniondesk.service.sample.SampleGenerator;
import cn.uniondesk.service.sample.SampleWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench [--members N] [--seed S] [--work DIR]}: the PRODUCT.md performance targets measured
 * on generated data with System.nanoTime, heap sampled through the MemoryMXBean. See
 * docs/decisions/0004-benchmark-harness.md and docs/benchmarks.md.
 */
@Command(name = "bench", description = "measure import, search and roster export on generated members")
final class BenchCommand implements Callable<Integer> {
    /** Search as you type: each query is typed one character at a time; every prefix is one keystroke. */
    static final List<String> QUERIES = List.of("zs", "wang", "lj", "zhangw", "cxy", "张", "王芳", "建国", "李秀",
            "陈", "3205", "320506198", "1988", "34122119", "0013", "139", "GH2019", "huang", "秀英", "xl");

    @ParentCommand
    UnionDeskCommand root;

    @Option(names = "--members", paramLabel = "N", description = "members to generate (default 100000)")
    int members = 100_000;

    @Option(names = "--seed", paramLabel = "S")
    long seed = 1;

    @Option(names = "--work", paramLabel = "DIR", description = "folder for the generated file and database (default: a temp folder)")
    Path work;

    /** Which measurements: every one (import, search, export, then the roll on the imported register) or one. */
    enum Case { all, roll, batch, dashboard, ui_memory }

    /** {@code ui-memory} is accepted for {@link Case#ui_memory}. */
    static final class CaseConverter implements picocli.CommandLine.ITypeConverter<Case> {
        @Override
        public Case convert(String value) {
            return Case.valueOf(value.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
        }
    }

    @Option(names = "--case", paramLabel = "CASE", converter = CaseConverter.class,
            description = "all (default); roll: the monthly dues roll only, on generated members; batch: the monthly "
                    + "batch export + verify only; dashboard: the dashboard and the monthly report set after a change; "
                    + "ui-memory: the real window driven over generated members while the "
                    + "heap is measured")
    Case benchCase = Case.all;

    @Override
    public Integer call() throws Exception {
        Messages m = root.messages();
        PrintWriter out = root.spec().commandLine().getOut();
        Path w = work != null ? work : Files.createTempDirectory("uniondesk-bench");
        Files.createDirectories(w);
        out.println(m.get("bench.header", members, seed, w));
        out.println("java=" + System.getProperty("java.version") + " cpus=" + Runtime.getRuntime().availableProcessors()
                + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " os=" + System.getProperty("os.name"));
        if (benchCase == Case.ui_memory) {
            return UiMemoryCase.run(this, w, out, m);
        }
        if (benchCase == Case.roll) {
            Path data = w.resolve("data-" + System.currentTimeMillis());
            char[] pw = java.util.UUID.randomUUID().toString().toCharArray();
            try (AppContext ctx = AppContext.initialize(data, "bench", pw, false, Clock.systemDefaultZone())) {
                long t0 = System.nanoTime();
                int n = ctx.benchData().loadGenerated(new SampleGenerator(seed, false), members,
                        ROLL_MONTH.minusMonths(1));
                out.println(m.get("bench.roll.load", n, ms(t0)));
                Rolled rolled = roll(ctx, out, m);
                rollYardstick(ctx, rolled, out, m);
                return rolled.code();
            }
        }
        if (benchCase == Case.batch) {
            Path data = w.resolve("data-" + System.currentTimeMillis());
            char[] pw = java.util.UUID.randomUUID().toString().toCharArray();
            try (AppContext ctx = AppContext.initialize(data, "bench", pw, false, Clock.systemDefaultZone())) {
                return batch(ctx, out, m);
            }
        }
        if (benchCase == Case.dashboard) {
            Path data = w.resolve("data-" + System.currentTimeMillis());
            char[] pw = java.util.UUID.randomUUID().toString().toCharArray();
            try (AppContext ctx = AppContext.initialize(data, "bench", pw, false, Clock.systemDefaultZone())) {
                return DashboardBench.run(ctx, members, seed, w, out);
            }
        }

        Path file = w.resolve("bench-members.xlsx");
        long t0 = System.nanoTime();
        SampleWorkbook.write(new SampleGenerator(seed, false), members, file, "会员信息");
        out.println(m.get("bench.generate", ms(t0), Files.size(file) / 1024 + " KB"));

        Path data = w.resolve("data-" + System.currentTimeMillis());
        // the production set-up: an encrypted database opened by an account (throw-away password)
        char[] pw = java.util.UUID.randomUUID().toString().toCharArray();
        try (AppContext ctx = AppContext.initialize(data, "bench", pw, false, Clock.systemDefaultZone())) {
            // import: one commit with validation, departments created
            HeapSampler heap = new HeapSampler();
            heap.start();
            long t1 = System.nanoTime();
            ImportReport r = ctx.memberImport().commit(file, null, new ImportOptions(false, false, true), members,
                    (d, t) -> { }, () -> false);
            long importMs = ms(t1);
            long peak = heap.stop();
            out.println(m.get("bench.import", r.imported(), importMs, peak / (1024 * 1024)));
            out.println("import " + r.summaryLine());
            importYardstick(w, members, seed, m, out);

            // search as you type
            ctx.members().ensureIndex();
            List<Long> lat = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (String q : QUERIES) {
                    for (int i = 1; i <= q.length(); i++) {
                        long s = System.nanoTime();
                        ctx.members().search(new MemberQuery(q.substring(0, i), null, Set.of(), null, null));
                        long e = System.nanoTime() - s;
                        if (round > 0) {
                            lat.add(e);
                        }
                    }
                }
            }
            Collections.sort(lat);
            out.println(m.get("bench.search", lat.size(), f(pct(lat, 50)), f(pct(lat, 95)), f(lat.get(lat.size() - 1))));

            // roster export beside a bare SXSSF write of the same cells: three runs each, the median
            // counts; the export runs first, so the cells the bare write needs are not on the heap then
            Path roster = w.resolve("bench-roster.xlsx");
            Path bare = w.resolve("bench-bare.xlsx");
            List<Long> exports = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                long t2 = System.nanoTime();
                ctx.memberExport().exportRoster(roster, false, m);
                exports.add(ms(t2));
            }
            List<Object[]> cells = new ArrayList<>();
            readBack(ctx, cells);
            List<Long> bares = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                long t3 = System.nanoTime();
                bareWrite(cells, bare);
                bares.add(ms(t3));
            }
            cells.clear();
            out.println("roster export runs (ms): " + exports + ", bare: " + bares);
            Collections.sort(exports);
            Collections.sort(bares);
            long exportMs = exports.get(1);
            long bareMs = bares.get(1);
            out.println(m.get("bench.export", members, exportMs, bareMs,
                    String.format(Locale.ROOT, "%.2f", (double) exportMs / Math.max(1, bareMs))));

            // a year of dues and 5,000 aid cases before the measured month (set-up, timed apart)
            history(ctx, seed, out, m);

            // the monthly roll of the generated month (before the steps below roll the current month)
            Rolled rolled = roll(ctx, out, m);

            // batch: the month's dues rolled, then the signed package with the full snapshot, then verify
            java.time.YearMonth month = java.time.YearMonth.now(root.clock());
            ctx.union().save(new cn.uniondesk.domain.UnionInfo("bench", "BENCH0001", null, null));
            ctx.dues().applyRoll(month);
            long t4 = System.nanoTime();
            cn.uniondesk.service.BatchService.Exported batch = ctx.batches().export(month, true, null);
            long batchExportMs = ms(t4);
            long t5 = System.nanoTime();
            cn.uniondesk.sync.BatchVerifier.Result verified = ctx.batches().verify(batch.file());
            long verifyMs = ms(t5);
            out.println(m.get("bench.batch", members, batchExportMs, verifyMs, batchExportMs + verifyMs,
                    Files.size(batch.file()) / 1024 + " KB", verified.ok() ? "OK" : String.valueOf(verified.problem())));
            reports(ctx, w, m, out);
            rollYardstick(ctx, rolled, out, m);
            return rolled.code();
        }
    }

    /**
     * The import's yardstick: the same members (same generator and seed), validated beforehand and
     * untimed, inserted in one transaction into a fresh encrypted database — members alone, then
     * (another fresh database) with the join event and audit row each, which is all an import
     * writes. The import's own time is then compared with what the database needs for its rows.
     */
    private static void importYardstick(Path w, int n, long seed, Messages m, PrintWriter out) {
        for (boolean eventsAndAudit : new boolean[] {false, true}) {
            Path data = w.resolve("yardstick-" + System.nanoTime());
            char[] pw = java.util.UUID.randomUUID().toString().toCharArray();
            try (AppContext y = AppContext.initialize(data, "bench", pw, false, Clock.systemDefaultZone())) {
                List<cn.uniondesk.domain.Member> rows = y.benchData().validated(new SampleGenerator(seed, false), n);
                long t0 = System.nanoTime();
                y.benchData().insertInOneTransaction(rows, eventsAndAudit);
                out.println(m.get(eventsAndAudit ? "bench.yardstick.importAll" : "bench.yardstick.importMembers",
                        rows.size(), ms(t0)));
            }
        }
    }

    /**
     * {@code --case batch}: generated members, the month's dues rolled and 90% paid by payroll (set-up,
     * timed apart), then the signed package with the full snapshot exported and verified, three rounds
     * (the first includes class loading and JIT warm-up), wall and this thread's CPU time each.
     */
    int batch(AppContext ctx, PrintWriter out, Messages m) {
        long t0 = System.nanoTime();
        int n = ctx.benchData().loadGenerated(new SampleGenerator(seed, false), members, ROLL_MONTH.minusMonths(1));
        ctx.union().save(new cn.uniondesk.domain.UnionInfo("bench", "BENCH0001", null, null));
        ctx.dues().applyRoll(ROLL_MONTH);
        List<cn.uniondesk.service.DuesService.PaymentLine> pay = new ArrayList<>();
        for (cn.uniondesk.domain.dues.Charge c : ctx.dues().monthCharges(ROLL_MONTH)) {
            if (c.amountFen() > 0 && c.memberId() % 10 != 0) {
                pay.add(new cn.uniondesk.service.DuesService.PaymentLine(c.memberId(), c.amountFen()));
            }
        }
        ctx.dues().recordPayments(pay, cn.uniondesk.service.DuesService.Method.PAYROLL, ROLL_MONTH.atDay(20), "bench");
        out.println(m.get("bench.batch.load", n, pay.size(), ms(t0)));
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean ok = true;
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= 3; round++) {
            long p0 = processCpu(os);
            long c0 = threads.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            cn.uniondesk.service.BatchService.Exported batch = ctx.batches().export(ROLL_MONTH, true, null);
            long exportMs = ms(t1);
            long c1 = threads.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            cn.uniondesk.sync.BatchVerifier.Result verified = ctx.batches().verify(batch.file());
            long verifyMs = ms(t2);
            long c2 = threads.getCurrentThreadCpuTime();
            long p2 = processCpu(os);
            ok &= verified.ok();
            out.println(m.get("bench.batch.round", round, exportMs, (c1 - c0) / 1_000_000, verifyMs,
                    (c2 - c1) / 1_000_000, exportMs + verifyMs, (c2 - c0) / 1_000_000, (p2 - p0) / 1_000_000,
                    verified.manifest() == null ? "-" : verified.manifest().controlTotals().memberCount(),
                    batch.batch().sizeBytes() / 1024 + " KB",
                    verified.ok() ? "OK" : verified.problem() + " " + verified.detail()));
        }
        out.println("loadavg " + loadAverage());
        return ok ? UnionDeskCommand.OK : UnionDeskCommand.FAILURE;
    }

    /** CPU time of the whole process (all threads, with GC and JIT), in ns; -1 when the platform does not tell. */
    private static long processCpu(java.lang.management.OperatingSystemMXBean os) {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1_000_000;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The month rolled: the one after the generator's reference date, so every generated member owes it. */
    static final java.time.YearMonth ROLL_MONTH = java.time.YearMonth.from(SampleGenerator.AS_OF).plusMonths(1);

    /**
     * The monthly roll as the clerk runs it: preview (核算), then apply (入账), timed together;
     * then the same month again, which must change nothing.
     */
    static Rolled roll(AppContext ctx, PrintWriter out, Messages m) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        cn.uniondesk.service.DuesService.RollPreview p = ctx.dues().previewRoll(ROLL_MONTH);
        long previewMs = ms(t0);
        long t1 = System.nanoTime();
        cn.uniondesk.service.DuesService.RollPreview applied = ctx.dues().applyRoll(ROLL_MONTH);
        long applyMs = ms(t1);
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        out.println(m.get("bench.roll", ROLL_MONTH.toString(), applied.added().size(),
                cn.uniondesk.domain.Money.ofFen(applied.totalDueFen()).toYuanString(), previewMs, applyMs,
                previewMs + applyMs, cpuMs));
        long t2 = System.nanoTime();
        cn.uniondesk.service.DuesService.RollPreview again = ctx.dues().previewRoll(ROLL_MONTH);
        cn.uniondesk.service.DuesService.RollPreview againApplied = ctx.dues().applyRoll(ROLL_MONTH);
        long againMs = ms(t2);
        boolean nothing = again.isEmpty() && againApplied.isEmpty() && again.unchanged() == p.members();
        out.println(m.get("bench.roll.again", againMs, again.unchanged(), nothing ? "OK" : "CHANGED"));
        return new Rolled(nothing ? UnionDeskCommand.OK : UnionDeskCommand.FAILURE, previewMs + applyMs);
    }

    /** The roll's exit code (OK when the second run changed nothing) and its time (preview + apply). */
    record Rolled(int code, long ms) {
    }

    /**
     * The roll's yardstick, last (it adds the next two months' charges): the rolled month's charge
     * rows inserted again, re-dated, in one transaction by the roll's own insert — the rows alone,
     * then (another month) with the running figures the roll keeps.
     */
    static void rollYardstick(AppContext ctx, Rolled rolled, PrintWriter out, Messages m) {
        List<cn.uniondesk.domain.dues.Charge> rows = ctx.benchData().chargesMovedTo(ROLL_MONTH, ROLL_MONTH.plusMonths(1));
        long t0 = System.nanoTime();
        ctx.benchData().insertChargesInOneTransaction(rows, false);
        long bare = ms(t0);
        List<cn.uniondesk.domain.dues.Charge> again = ctx.benchData().chargesMovedTo(ROLL_MONTH, ROLL_MONTH.plusMonths(2));
        long t1 = System.nanoTime();
        ctx.benchData().insertChargesInOneTransaction(again, true);
        out.println(m.get("bench.yardstick.roll", rows.size(), bare, ms(t1), rolled.ms()));
    }

    /**
     * Reports: the month's dues rolled and mostly paid (set-up, timed apart), then the full monthly
     * set (workbook + PDF), the dashboard, and the roster PDF of 10,000 members.
     */
    private static void reports(AppContext ctx, Path w, Messages m, PrintWriter out) {
        java.time.YearMonth month = java.time.YearMonth.now();
        long t0 = System.nanoTime();
        ctx.dues().applyRoll(month);
        int paid = payMost(ctx, month, LocalDate.now());
        out.println(m.get("bench.reportSetup", ms(t0), paid));
        long[] setMs = new long[2];
        long[] dashMs = new long[2];
        for (int round = 0; round < 2; round++) {
            long t2 = System.nanoTime();
            ctx.dashboard().dashboard();
            dashMs[round] = ms(t2);
            long t1 = System.nanoTime();
            ctx.reports().writeMonthly(month, w.resolve("reports"),
                    java.util.EnumSet.allOf(cn.uniondesk.service.report.ReportService.Format.class));
            setMs[round] = ms(t1);
        }
        out.println(m.get("bench.reportSet", setMs[0], setMs[1], dashMs[0], dashMs[1]));
        long t3 = System.nanoTime();
        int n = ctx.reports().writeRosterPdf(w.resolve("bench-roster.pdf"), 10_000);
        out.println(m.get("bench.rosterPdf", n, ms(t3)));
    }

    /** Nine members in ten pay the month's dues by payroll deduction on {@code paidOn}; returns how many paid. */
    private static int payMost(AppContext ctx, java.time.YearMonth month, LocalDate paidOn) {
        List<cn.uniondesk.service.DuesService.PaymentLine> pay = new ArrayList<>();
        for (cn.uniondesk.domain.dues.Charge c : ctx.dues().monthCharges(month)) {
            if (c.amountFen() > 0 && c.memberId() % 10 != 0) {
                pay.add(new cn.uniondesk.service.DuesService.PaymentLine(c.memberId(), c.amountFen()));
            }
        }
        ctx.dues().recordPayments(pay, cn.uniondesk.service.DuesService.Method.PAYROLL, paidOn,
                cn.uniondesk.service.DuesService.payrollBatchRef(month));
        return pay.size();
    }

    /**
     * The history PRODUCT.md's performance table assumes: the twelve months before the measured
     * month rolled and mostly paid, and 5,000 aid cases registered over them (set-up, timed apart).
     */
    private static void history(AppContext ctx, long seed, PrintWriter out, Messages m) {
        long t0 = System.nanoTime();
        int payments = 0;
        java.time.YearMonth first = ROLL_MONTH.minusMonths(12);
        for (java.time.YearMonth month = first; month.isBefore(ROLL_MONTH); month = month.plusMonths(1)) {
            ctx.dues().applyRoll(month);
            payments += payMost(ctx, month, month.atEndOfMonth());
        }
        int cases = ctx.benchData().loadCases(5000, first, ROLL_MONTH, seed);
        out.println(m.get("bench.history", 12, payments, cases, ms(t0)));
    }

    /** The same cells the roster holds, in memory, so the bare write measures POI alone. */
    private static void readBack(AppContext ctx, List<Object[]> cells) {
        ctx.memberExport().forEachRosterRow(false, cells::add);
    }

    static void bareWrite(List<Object[]> rows, Path out) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            wb.setCompressTempFiles(false);
            SXSSFSheet s = wb.createSheet("s");
            var date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            int r = 0;
            for (Object[] v : rows) {
                Row row = s.createRow(r++);
                for (int i = 0; i < v.length; i++) {
                    if (v[i] == null) {
                        continue;
                    }
                    Cell c = row.createCell(i);
                    if (v[i] instanceof LocalDate) {
                        c.setCellValue((LocalDate) v[i]);
                        c.setCellStyle(date);
                    } else if (v[i] instanceof BigDecimal) {
                        c.setCellValue(((BigDecimal) v[i]).doubleValue());
                    } else {
                        c.setCellValue(v[i].toString());
                    }
                }
            }
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
            wb.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String f(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    /** Samples used heap every 5 ms (a GC between samples can hide a short peak; the JVM's -Xmx is the hard bound). */
    static final class HeapSampler {
        private final MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        void start() {
            System.gc();
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(mx.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            peak.accumulateAndGet(mx.getHeapMemoryUsage().getUsed(), Math::max);
            return peak.get();
        }
    }
}
