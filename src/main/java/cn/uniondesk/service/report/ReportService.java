package cn.uniondesk.service.report;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.ReportRepository;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.domain.report.AgeBand;
import cn.uniondesk.domain.report.MembershipLedger;
import cn.uniondesk.domain.report.PeriodCounts;
import cn.uniondesk.service.AuditService;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.RuleViolationException;
import cn.uniondesk.service.Session;
import cn.uniondesk.service.UnionService;
import cn.uniondesk.service.report.ReportSheet.Check;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reports (报表): 会员统计 of any period from the member events, the monthly report set
 * (会员统计月报, 会费收缴月报, 工会经费, 帮扶救助台账) shaped by the report configuration, the yearly
 * summary for the 工会统计年报, and their files (one workbook with a sheet per report, one PDF
 * with a cover page).
 */
public final class ReportService {
    static final String KEY_SHEETS = "report.monthly.sheets";
    static final String KEY_HIDDEN = "report.hidden.";
    static final String KEY_STAT_CODE = "report.statCode";
    static final String KEY_REGION_CODE = "report.regionCode";
    static final String KEY_DUE_DAY = "report.dueDay";

    public enum Format { XLSX, PDF }

    private final Database db;
    private final ReportRepository repo;
    private final DuesService dues;
    private final UnionService union;
    private final AidLedgerSource aid;
    private final Session session;
    private final AuditService audit;
    private final Clock clock;

    public ReportService(Database db, ReportRepository repo, DuesService dues, UnionService union,
            AidLedgerSource aid, Session session, AuditService audit, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.dues = dues;
        this.union = union;
        this.aid = aid;
        this.session = session;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- membership ---------------------------------------------------------------------------------

    /** 会员统计月报 figures of a month. */
    public MembershipReport membership(YearMonth month) {
        return membership(month.atDay(1), month.atEndOfMonth());
    }

    /** 会员统计 of any period (both days inclusive). */
    public MembershipReport membership(LocalDate from, LocalDate to) {
        session.require(Permission.MEMBER_READ);
        return membership(repo.ledger(), from, to);
    }

    static MembershipReport membership(MembershipLedger ledger, LocalDate from, LocalDate to) {
        MembershipLedger.Result r = ledger.count(from, to);
        return new MembershipReport(from, to, r.total(), r.departments());
    }

    // --- configuration ------------------------------------------------------------------------------

    public ReportConfig config() {
        session.require(Permission.MEMBER_READ);
        Map<String, String> s = repo.settings("report.");
        List<String> sheets = s.containsKey(KEY_SHEETS) ? split(s.get(KEY_SHEETS)) : ReportCatalog.MONTHLY_IDS;
        Map<String, Set<String>> hidden = new LinkedHashMap<>();
        for (String id : ReportCatalog.MONTHLY_IDS) {
            String h = s.get(KEY_HIDDEN + id);
            if (h != null) {
                hidden.put(id, new TreeSet<>(split(h)));
            }
        }
        int dueDay = ReportConfig.DEFAULT_DUE_DAY;
        try {
            dueDay = Integer.parseInt(s.getOrDefault(KEY_DUE_DAY, "" + dueDay));
        } catch (NumberFormatException e) {
            dueDay = ReportConfig.DEFAULT_DUE_DAY;
        }
        return new ReportConfig(sheets, hidden, s.get(KEY_STAT_CODE), s.get(KEY_REGION_CODE), dueDay);
    }

    /**
     * Stores the configuration (administrators). Unknown reports or columns, a hidden row label, an
     * empty set or a due day outside 1..28 are refused and nothing is written.
     */
    public void saveConfig(ReportConfig c) {
        session.require(Permission.APPROVE);
        if (c.monthlySheets().isEmpty()) {
            throw new RuleViolationException("reports.config.noSheets");
        }
        for (String id : c.monthlySheets()) {
            if (ReportCatalog.find(id).isEmpty()) {
                throw new RuleViolationException("reports.config.unknownSheet", id, String.join(",",
                        ReportCatalog.MONTHLY_IDS));
            }
        }
        if (new LinkedHashSet<>(c.monthlySheets()).size() != c.monthlySheets().size()) {
            throw new RuleViolationException("reports.config.duplicateSheet");
        }
        c.hiddenColumns().forEach((id, keys) -> {
            ReportCatalog.Definition d = ReportCatalog.find(id).orElseThrow(() -> new RuleViolationException(
                    "reports.config.unknownSheet", id, String.join(",", ReportCatalog.MONTHLY_IDS)));
            for (String k : keys) {
                if (!d.hideable().contains(k)) {
                    throw new RuleViolationException("reports.config.unknownColumn", id, k,
                            String.join(",", d.hideable()));
                }
            }
        });
        if (c.dueDay() < 1 || c.dueDay() > 28) {
            throw new RuleViolationException("reports.config.dueDay");
        }
        ReportConfig before = config();
        db.inTransaction(() -> {
            repo.saveSetting(KEY_SHEETS, String.join(",", c.monthlySheets()));
            for (String id : ReportCatalog.MONTHLY_IDS) {
                Set<String> h = c.hidden(id);
                if (h.isEmpty()) {
                    repo.deleteSetting(KEY_HIDDEN + id);
                } else {
                    repo.saveSetting(KEY_HIDDEN + id, String.join(",", h));
                }
            }
            saveOrDelete(KEY_STAT_CODE, c.statCode());
            saveOrDelete(KEY_REGION_CODE, c.regionCode());
            repo.saveSetting(KEY_DUE_DAY, Integer.toString(c.dueDay()));
            audit.record("REPORT_CONFIG", "setting", "report", before.toString(), c.toString(), null);
        });
    }

    /** Back to the default: every report, every column. */
    public void resetConfig() {
        session.require(Permission.APPROVE);
        ReportConfig before = config();
        db.inTransaction(() -> {
            repo.settings("report.").keySet().forEach(repo::deleteSetting);
            audit.record("REPORT_CONFIG", "setting", "report", before.toString(), "default", null);
        });
    }

    private void saveOrDelete(String key, String value) {
        if (value == null || value.isBlank()) {
            repo.deleteSetting(key);
        } else {
            repo.saveSetting(key, value.strip());
        }
    }

    private static List<String> split(String s) {
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    // --- monthly set --------------------------------------------------------------------------------

    /** The monthly report set: the figures, and the sheets the configuration includes, in its order. */
    public record MonthlySet(YearMonth month, String unionName, MembershipReport membership,
            DuesService.MonthlyReport dues, List<DuesService.Fund> fund, AidLedgerSource.AidLedger aid,
            List<ReportSheet> sheets) {
        public List<Check> failedChecks() {
            return sheets.stream().flatMap(s -> s.failedChecks().stream()).toList();
        }

        public String title() {
            return unionName + " " + ReportSheets.period(month) + " 月度报表";
        }
    }

    public MonthlySet monthlySet(YearMonth month) {
        session.require(Permission.MEMBER_READ);
        ReportConfig cfg = config();
        String unionName = unionName();
        MembershipReport membership = membership(repo.ledger(), month.atDay(1), month.atEndOfMonth());
        DuesService.MonthlyReport duesReport = dues.monthlySummary(month);
        List<DuesService.Fund> fund = fundRows(YearMonth.of(month.getYear(), 1), month);
        AidLedgerSource.AidLedger ledger = aid.ledger(month.atDay(1), month.atEndOfMonth());
        String period = ReportSheets.period(month);
        List<ReportSheet> sheets = new ArrayList<>();
        for (String id : cfg.monthlySheets()) {
            ReportSheet s = switch (id) {
                case ReportCatalog.MEMBERSHIP -> ReportSheets.membership(unionName, period, membership);
                case ReportCatalog.DUES -> ReportSheets.dues(unionName, period, duesReport);
                case ReportCatalog.FUND -> ReportSheets.fund(unionName, period, month, fund);
                case ReportCatalog.AID -> ReportSheets.aid(unionName, period, ledger);
                default -> null;
            };
            if (s != null) {
                sheets.add(s.without(cfg.hidden(id)));
            }
        }
        return new MonthlySet(month, unionName, membership, duesReport, fund, ledger, List.copyOf(sheets));
    }

    /** The fund of each month in the range (zeros, share 0, for months not recorded). */
    private List<DuesService.Fund> fundRows(YearMonth from, YearMonth to) {
        Map<YearMonth, long[]> rows = repo.funds(from, to);
        List<DuesService.Fund> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            long[] a = rows.get(m);
            out.add(a == null ? new DuesService.Fund(m, 0, 0, 0, 0, 0)
                    : new DuesService.Fund(m, a[0], a[1], a[2], a[3], (int) a[4]));
        }
        return out;
    }

    private String unionName() {
        return union.union().map(UnionInfo::name).orElse("");
    }

    // --- yearly summary -----------------------------------------------------------------------------

    /** The yearly summary of statistical year {@code year} (1 Oct {@code year-1} – 30 Sep {@code year}). */
    public YearlySummary yearly(int year) {
        session.require(Permission.MEMBER_READ);
        ReportConfig cfg = config();
        UnionInfo u = union.union().orElse(new UnionInfo("", null, null, null));
        String statCode = cfg.statCode() != null ? cfg.statCode() : u.orgCode();
        String regionCode = cfg.regionCode() != null ? cfg.regionCode() : u.regionCode();
        LocalDate from = LocalDate.of(year - 1, 10, 1);
        LocalDate to = LocalDate.of(year, 9, 30);
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        MembershipReport m = membership(repo.ledger(), from, to);
        PeriodCounts t = m.total();
        long dueFen = repo.chargedFen(first, last);
        long paidFen = repo.paidFen(from, to);
        List<DuesService.Fund> fund = fundRows(first, last);
        long payroll = fund.stream().mapToLong(DuesService.Fund::payrollTotalFen).sum();
        long fundDue = fund.stream().mapToLong(DuesService.Fund::dueFen).sum();
        long received = fund.stream().mapToLong(DuesService.Fund::receivedFen).sum();
        long remitted = fund.stream().mapToLong(DuesService.Fund::remittedFen).sum();
        AidLedgerSource.AidLedger ledger = aid.ledger(from, to);
        int young = t.ageBand(AgeBand.UP_TO_25) + t.ageBand(AgeBand.FROM_26_TO_35);

        List<YearlySummary.Item> items = List.of(
                new YearlySummary.Item("01", "年初会员人数", "人", t.start()),
                new YearlySummary.Item("02", "本年新入会会员", "人", t.joined()),
                new YearlySummary.Item("03", "本年转入会员", "人", t.transferredIn()),
                new YearlySummary.Item("04", "本年转出会员", "人", t.transferredOut()),
                new YearlySummary.Item("05", "本年退会会员", "人", t.left()),
                new YearlySummary.Item("06", "本年去世会员", "人", t.deceased()),
                new YearlySummary.Item("07", "年末会员人数", "人", t.end()),
                new YearlySummary.Item("08", "其中：女性会员", "人", t.women()),
                new YearlySummary.Item("09", "其中：农民工会员", "人", t.migrantWorkers()),
                new YearlySummary.Item("10", "其中：35岁及以下青年会员", "人", young),
                new YearlySummary.Item("11", "其中：退休保留会籍会员", "人", t.retired()),
                new YearlySummary.Item("12", "会费应缴金额", "元", Money.ofFen(dueFen)),
                new YearlySummary.Item("13", "会费实缴金额", "元", Money.ofFen(paidFen)),
                new YearlySummary.Item("14", "会费收缴率", "%", Percent.of(Math.min(paidFen, dueFen), dueFen)),
                new YearlySummary.Item("15", "工资总额", "元", Money.ofFen(payroll)),
                new YearlySummary.Item("16", "工会经费应拨缴（工资总额2%）", "元", Money.ofFen(fundDue)),
                new YearlySummary.Item("17", "工会经费实收", "元", Money.ofFen(received)),
                new YearlySummary.Item("18", "工会经费已上解", "元", Money.ofFen(remitted)),
                new YearlySummary.Item("19", "帮扶救助件数", "件", ledger.cases()),
                new YearlySummary.Item("20", "帮扶救助金额", "元", Money.ofFen(ledger.amountFen())));

        List<Check> checks = new ArrayList<>();
        checks.add(new Check("07 = 01 + 02 + 03 − 04 − 05 − 06（年末 = 年初 + 增加 − 减少）",
                t.start() + " + " + t.joined() + " + " + t.transferredIn() + " − " + t.transferredOut() + " − "
                        + t.left() + " − " + t.deceased() + " = " + t.expectedEnd() + "；07 = " + t.end(),
                t.balanced()));
        checks.add(new Check("08 ≤ 07（女性会员不多于会员总数）", t.women() + " ≤ " + t.end(), t.women() <= t.end()));
        checks.add(new Check("09 ≤ 07（农民工会员不多于会员总数）", t.migrantWorkers() + " ≤ " + t.end(),
                t.migrantWorkers() <= t.end()));
        checks.add(new Check("10 ≤ 07（青年会员不多于会员总数）", young + " ≤ " + t.end(), young <= t.end()));
        checks.add(new Check("11 ≤ 07（退休保留会籍不多于会员总数）", t.retired() + " ≤ " + t.end(),
                t.retired() <= t.end()));
        checks.add(new Check("07 = 各年龄段之和", t.ageBandTotal() + " = " + t.end(), t.ageBandTotal() == t.end()));
        int deptEnd = m.departments().values().stream().mapToInt(PeriodCounts::end).sum();
        checks.add(new Check("07 = 各部门年末会员人数之和", deptEnd + " = " + t.end(), m.departmentsAddUp()));
        List<String> bad = m.unbalancedDepartments();
        checks.add(new Check("各部门：年末 = 年初 + 增加 − 减少", bad.isEmpty() ? "全部相符"
                : "不相符：" + String.join("、", bad.stream().map(ReportSheets::deptLabel).toList()), bad.isEmpty()));
        long expectedFundDue = fund.stream().mapToLong(f -> f.payrollTotalFen() * 2 / 100).sum();
        checks.add(new Check("16 = 15 × 2%", Money.ofFen(payroll).toYuanString() + " × 2% = "
                + Money.ofFen(expectedFundDue).toYuanString() + "；16 = " + Money.ofFen(fundDue).toYuanString(),
                expectedFundDue == fundDue));
        checks.add(new Check("18 ≤ 17（上解不多于实收）", Money.ofFen(remitted).toYuanString() + " ≤ "
                + Money.ofFen(received).toYuanString(), remitted <= received));
        checks.add(new Check("14 = 13 ÷ 12", Percent.of(Math.min(paidFen, dueFen), dueFen) + "", true));

        String period = from + " 至 " + to;
        List<ReportSheet> sheets = List.of(
                ReportSheets.yearlyForm(u.name(), year, period, statCode, regionCode, u.upperUnion(), items, checks),
                ReportSheets.yearlyMembership(u.name(), year, period, m));
        return new YearlySummary(year, from, to, u.name(), statCode, regionCode, items, List.copyOf(checks), m,
                sheets);
    }

    // --- roster -------------------------------------------------------------------------------------

    /**
     * 会员花名册 as PDF: the members holding membership now (at most {@code limit}, 0 = all), ID
     * numbers always masked (a printed list leaves the office). Returns the number of lines.
     */
    public int writeRosterPdf(Path out, int limit) {
        session.require(Permission.MEMBER_READ);
        int[] n = {0};
        cn.uniondesk.report.RosterPdf.write(unionName(), today(), sink -> repo.forEachRosterRow(limit, r -> {
            n[0]++;
            sink.accept(new cn.uniondesk.report.RosterPdf.Line(r.cardNo(), r.name(), r.gender().zh(),
                    r.department() == null ? "" : r.department(), cn.uniondesk.domain.MaskingPolicy.idNumber(
                            r.idNumber()), r.joinDate(), r.status().zh()));
        }), out);
        return n[0];
    }

    // --- files --------------------------------------------------------------------------------------

    /** The files written, and the failed logic checks (empty when all hold). */
    public record Written(List<Path> files, List<Check> failedChecks) {
        public Path pdf() {
            return files.stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElse(null);
        }

        public Path xlsx() {
            return files.stream().filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElse(null);
        }
    }

    /** Builds the monthly set and writes {@code 月度报表-YYYY-MM.xlsx} / {@code .pdf} into {@code dir}. */
    public Written writeMonthly(YearMonth month, Path dir, Set<Format> formats) {
        MonthlySet set = monthlySet(month);
        String base = "月度报表-" + month;
        String cover = ReportSheets.period(month);
        return write(dir, base, formats, set.sheets(), set.unionName(), "月度报表", cover, set.failedChecks());
    }

    /** Builds the yearly summary and writes {@code 统计年报-YYYY.xlsx} / {@code .pdf} into {@code dir}. */
    public Written writeYearly(int year, Path dir, Set<Format> formats) {
        YearlySummary y = yearly(year);
        List<Check> failed = y.checks().stream().filter(c -> !c.ok()).toList();
        return write(dir, "统计年报-" + year, formats, y.sheets(), y.unionName(), "工会统计年报（基层工会调查表）",
                "统计年度：" + y.from() + " 至 " + y.to(), failed);
    }

    private Written write(Path dir, String base, Set<Format> formats, List<ReportSheet> sheets, String unionName,
            String title, String period, List<Check> failed) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Path> out = new ArrayList<>();
        Set<Format> f = formats.isEmpty() ? EnumSet.allOf(Format.class) : formats;
        if (f.contains(Format.XLSX)) {
            Path x = dir.resolve(base + ".xlsx");
            cn.uniondesk.excel.ReportBookXlsx.write(sheets, x);
            out.add(x);
        }
        if (f.contains(Format.PDF)) {
            Path p = dir.resolve(base + ".pdf");
            cn.uniondesk.report.ReportBookPdf.write(new cn.uniondesk.report.ReportBookPdf.Cover(unionName, title,
                    period, today(), sheets.stream().map(ReportSheet::title).toList(), failed), sheets, p);
            out.add(p);
        }
        return new Written(List.copyOf(out), failed);
    }
}
