package cn.uniondesk.service;

import cn.uniondesk.db.AuditRepository;
import cn.uniondesk.db.Database;
import cn.uniondesk.db.DepartmentRepository;
import cn.uniondesk.db.MemberRepository;
import cn.uniondesk.domain.Department;
import cn.uniondesk.domain.FieldIssue;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.InvalidIdNumberException;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberField;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.MemberValidation;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Regions;
import cn.uniondesk.domain.TextNormalizer;
import cn.uniondesk.excel.CellValues;
import cn.uniondesk.excel.HeaderRow;
import cn.uniondesk.excel.MemberColumn;
import cn.uniondesk.excel.RawCell;
import cn.uniondesk.excel.ReportWriter;
import cn.uniondesk.excel.SheetRow;
import cn.uniondesk.excel.SpreadsheetFiles;
import cn.uniondesk.excel.TabularFile;
import cn.uniondesk.excel.UnusableFileException;
import cn.uniondesk.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members in from Excel or CSV: a dry run that says for every row ok / warning / error with the
 * column and the reason, then a commit in one transaction (all or nothing, or only the valid
 * rows). The rule for ID numbers already in the register: the row is matched by ID number; with
 * "update" chosen the fields that are filled in and differ are updated (blank cells never clear
 * stored data, the status is never changed by an import) and each update is recorded as an
 * event; otherwise the row is skipped.
 */
public final class MemberImportService {
    private final AuditService audit;
    private static final Logger LOG = LoggerFactory.getLogger(MemberImportService.class);
    /** Rows written per batch; cancel is checked between batches. */
    static final int BATCH = 1000;

    private final Database db;
    private final MemberRepository members;
    private final DepartmentRepository departments;
    private final MemberService memberService;
    private final Session session;
    private final Clock clock;
    private final Regions regions;
    private volatile long maxFileBytes = SpreadsheetFiles.DEFAULT_MAX_BYTES;

    public MemberImportService(Database db, MemberRepository members, DepartmentRepository departments,
            MemberService memberService, Session session, Clock clock, Regions regions, AuditService audit) {
        this.audit = audit;
        this.db = db;
        this.members = members;
        this.departments = departments;
        this.memberService = memberService;
        this.session = session;
        this.clock = clock;
        this.regions = regions;
    }

    /** The file size cap checked before a file is opened. */
    public void setMaxFileBytes(long bytes) {
        this.maxFileBytes = bytes;
    }

    /** The sheets of a file, to ask which one (a CSV has one). */
    public List<String> sheets(Path file) {
        try (TabularFile f = SpreadsheetFiles.open(file, maxFileBytes)) {
            return f.sheetNames();
        }
    }

    /** The first sheet holding a heading row, or the first sheet when none does. */
    public String defaultSheet(Path file) {
        try (TabularFile f = SpreadsheetFiles.open(file, maxFileBytes)) {
            return firstSheetWithData(f);
        }
    }

    private static String firstSheetWithData(TabularFile f) {
        for (String s : f.sheetNames()) {
            boolean[] found = {false};
            f.read(s, row -> {
                if (row.rowNumber() > HeaderRow.SCAN_ROWS) {
                    return false;
                }
                if (HeaderRow.detect(row).isPresent()) {
                    found[0] = true;
                    return false;
                }
                return true;
            });
            if (found[0]) {
                return s;
            }
        }
        return f.sheetNames().get(0);
    }

    /**
     * Checks every row and writes nothing.
     *
     * @param sheet null for the first sheet with data
     * @throws UnusableFileException when the file cannot be used at all
     */
    public ImportReport dryRun(Path file, String sheet, ImportOptions options, ImportProgress progress,
            BooleanSupplier cancelled) {
        Analysis a = analyse(file, sheet, options, progress, cancelled, null);
        return a.report(false, 0, 0, 0);
    }

    public ImportReport dryRun(Path file, String sheet, ImportOptions options) {
        return dryRun(file, sheet, options, ImportProgress.NONE, () -> false);
    }

    /**
     * Checks every row again (the register may have changed since the dry run) and writes in one
     * transaction. With rejected rows and not {@code validOnly} nothing is kept. Cancelling (the
     * flag is read between batches) rolls everything back.
     *
     * <p>Reading and checking run on a helper thread that hands batches of rows to this thread,
     * which writes them inside the transaction: on two cores the file is read while the database
     * writes. When rows turn out to be rejected (all or nothing) the transaction is rolled back,
     * so the register is exactly as before. No thread is ever interrupted.
     *
     * @param expectedRows rows counted by the dry run, for the progress bar (-1 when unknown)
     * @throws ImportCancelledException when cancelled; the register is as it was
     */
    public ImportReport commit(Path file, String sheet, ImportOptions options, long expectedRows,
            ImportProgress progress, BooleanSupplier cancelled) {
        session.require(cn.uniondesk.domain.Permission.MEMBER_WRITE);
        long t0 = System.nanoTime();
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
        Batch end = new Batch(List.of(), -1);
        AtomicBoolean stop = new AtomicBoolean();
        Throwable[] failure = new Throwable[1];
        Analysis[] done = new Analysis[1];
        Thread reader = new Thread(() -> {
            List<Pending> batch = new ArrayList<>(BATCH);
            int[] read = {0};
            try {
                done[0] = analyse(file, sheet, options, (d, t) -> read[0] = (int) d,
                        () -> stop.get() || cancelled.getAsBoolean(), p -> {
                            batch.add(p);
                            if (batch.size() >= BATCH) {
                                offer(queue, new Batch(List.copyOf(batch), read[0]), stop);
                                batch.clear();
                            }
                        });
                offer(queue, new Batch(List.copyOf(batch), done[0].rows.size()), stop);
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                offer(queue, end, stop);
            }
        }, "import-reader");
        reader.setDaemon(true);
        int[] written = new int[2];
        try {
            db.inTransaction(() -> {
                Map<String, Long> deptIds = new HashMap<>();
                for (Department d : departments.findAll()) {
                    deptIds.put(d.name(), d.id());
                }
                reader.start();
                while (true) {
                    Batch b = take(queue);
                    if (b == end) {
                        break;
                    }
                    if (cancelled.getAsBoolean()) {
                        throw new ImportCancelledException();
                    }
                    write(file, b.items, deptIds, written);
                    progress.update(b.rowsRead, expectedRows);
                }
                join(reader);
                if (failure[0] != null) {
                    if (failure[0] instanceof RuntimeException) {
                        throw (RuntimeException) failure[0];
                    }
                    throw new IllegalStateException(failure[0]);
                }
                if (cancelled.getAsBoolean()) {
                    throw new ImportCancelledException();
                }
                if (done[0].errors > 0 && !options.validOnly()) {
                    throw new Rejected();
                }
            });
        } catch (Rejected r) {
            LOG.info("Import of {} rejected: {} rows with errors; rolled back", file.getFileName(), done[0].errors);
            return done[0].report(false, 0, 0, 0);
        } finally {
            stop.set(true);
            queue.clear();
        }
        memberService.invalidateIndex();
        Analysis a = done[0];
        progress.update(a.rows.size(), expectedRows < 0 ? a.rows.size() : expectedRows);
        ImportReport checked = a.report(false, 0, 0, 0);
        ImportReport r = a.report(true, written[0], written[1],
                (int) (checked.count(ImportReport.Action.SKIP) + checked.count(ImportReport.Action.UNCHANGED)));
        LOG.info("Import of {} by {} in {} ms: {}", file.getFileName(), session.operator(),
                (System.nanoTime() - t0) / 1_000_000, r.summaryLine());
        return r;
    }

    private void write(Path file, List<Pending> items, Map<String, Long> deptIds, int[] written) {
        List<AuditRepository.Draft> auditRows = new ArrayList<>(items.size());
        List<Member> inserts = new ArrayList<>(items.size());
        List<Pending> insertRows = new ArrayList<>(items.size());
        for (Pending p : items) {
            Long dept = p.member.departmentId();
            if (p.newDepartment != null) {
                dept = deptIds.computeIfAbsent(p.newDepartment,
                        d -> departments.findByName(d).orElseGet(() -> {
                            Department created = departments.insert(d);
                            auditRows.add(new AuditRepository.Draft("DEPARTMENT_CREATE", "department",
                                    Long.toString(created.id()), null, "name=" + d, details(file, p.rowNumber)));
                            return created;
                        }).id());
            }
            Member m = withDepartment(p.member, dept);
            if (p.before == null) {
                inserts.add(m);
                insertRows.add(p);
            } else {
                String changes = MemberService.describeChanges(p.before, m);
                members.update(m);
                auditRows.add(new AuditRepository.Draft("MEMBER_UPDATE", "member", Long.toString(m.id()),
                        MemberService.snapshot(p.before), MemberService.snapshot(m), details(file, p.rowNumber)));
                members.insertEvent(new MemberEvent(null, m.id(), MemberEventType.UPDATE, LocalDate.now(clock),
                        details(file, p.rowNumber), null, null, p.before.status(), p.before.status(),
                        session.operator(), clock.instant(), changes));
                written[1]++;
            }
        }
        if (!inserts.isEmpty()) {
            List<Long> ids = members.insertBatch(inserts);
            List<MemberEvent> events = new ArrayList<>(inserts.size());
            java.time.Instant now = clock.instant();
            for (int i = 0; i < inserts.size(); i++) {
                events.add(new MemberEvent(null, ids.get(i), MemberEventType.JOIN, inserts.get(i).joinDate(), null,
                        null, null, null, MemberStatus.ACTIVE, session.operator(), now,
                        details(file, insertRows.get(i).rowNumber)));
            }
            members.insertEvents(events);
            for (int i = 0; i < inserts.size(); i++) {
                auditRows.add(new AuditRepository.Draft("MEMBER_IMPORT", "member", Long.toString(ids.get(i)), null,
                        MemberService.snapshot(inserts.get(i).withId(ids.get(i))),
                        details(file, insertRows.get(i).rowNumber)));
            }
            written[0] += inserts.size();
        }
        audit.recordAll(auditRows);
    }

    private record Batch(List<Pending> items, int rowsRead) {
    }

    /** Thrown inside the transaction when rows were rejected and all-or-nothing was chosen. */
    private static final class Rejected extends RuntimeException {
        Rejected() {
            super("rows rejected", null, false, false);
        }
    }

    private static void offer(BlockingQueue<Batch> q, Batch b, AtomicBoolean stop) {
        try {
            while (!q.offer(b, 100, TimeUnit.MILLISECONDS)) {
                if (stop.get()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Batch take(BlockingQueue<Batch> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportCancelledException();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportCancelledException();
        }
    }

    private static String details(Path file, int row) {
        return Messages.chinese().get("import.event.details", file.getFileName().toString(), String.valueOf(row));
    }

    /** Writes the report workbook for a dry run: the original rows plus result and problems. */
    public void writeReport(ImportReport report, Messages m, Path out) {
        Map<Integer, ImportReport.RowResult> byRow = new HashMap<>();
        for (ImportReport.RowResult r : report.rows()) {
            byRow.put(r.rowNumber(), r);
        }
        try (TabularFile f = SpreadsheetFiles.open(report.file(), maxFileBytes)) {
            Set<Integer> dateColumns = new HashSet<>();
            for (MemberColumn c : List.of(MemberColumn.JOIN_DATE, MemberColumn.BIRTH_DATE)) {
                if (report.columns().containsKey(c)) {
                    dateColumns.add(report.columns().get(c));
                }
            }
            ReportWriter.write(f, report.sheet(), report.headerRow(), dateColumns, m.get("import.report.result"),
                    m.get("import.report.problems"), n -> {
                        ImportReport.RowResult r = byRow.get(n);
                        return r == null ? null : note(r, m);
                    }, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReportWriter.RowNote note(ImportReport.RowResult r, Messages m) {
        Set<Integer> err = new HashSet<>();
        Set<Integer> warn = new HashSet<>();
        for (ImportReport.RowIssue i : r.issues()) {
            if (i.column() != null) {
                int idx = columnIndex(i.column());
                (i.isError() ? err : warn).add(idx);
            }
        }
        ReportWriter.Level level = r.status() == ImportReport.Status.ERROR ? ReportWriter.Level.ERROR
                : r.status() == ImportReport.Status.WARNING ? ReportWriter.Level.WARNING : ReportWriter.Level.OK;
        return new ReportWriter.RowNote(level, actionText(r.action(), m), describe(r, m), err, warn);
    }

    /** What happens to a row, in words. */
    public static String actionText(ImportReport.Action a, Messages m) {
        switch (a) {
            case NEW:
                return m.get("import.action.NEW");
            case UPDATE:
                return m.get("import.action.UPDATE");
            case UNCHANGED:
                return m.get("import.action.UNCHANGED");
            case SKIP:
                return m.get("import.action.SKIP");
            default:
                return m.get("import.action.REJECT");
        }
    }

    /** The row's problems in one line, e.g. {@code D列 公民身份号码：校验位不正确；…}. */
    public static String describe(ImportReport.RowResult r, Messages m) {
        List<String> parts = new ArrayList<>();
        for (ImportReport.RowIssue i : r.issues()) {
            parts.add(issueText(i, m));
        }
        return String.join(m.get("import.issue.separator"), parts);
    }

    public static String issueText(ImportReport.RowIssue i, Messages m) {
        String heading = i.heading() != null ? i.heading() : m.get(i.field().labelKey());
        String reason = m.get(i.messageKey(), i.args().toArray());
        return i.column() == null ? m.get("import.issue.noColumn", heading, reason)
                : m.get("import.issue", i.column(), heading, reason);
    }

    private static int columnIndex(String letters) {
        int n = 0;
        for (char c : letters.toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }

    // --- analysis ---------------------------------------------------------------------------

    private record Pending(int rowNumber, Member member, Member before, String newDepartment) {
    }

    private final class Analysis {
        final Path file;
        String format;
        List<String> sheets;
        String sheet;
        HeaderRow header;
        final List<ImportReport.RowResult> rows = new ArrayList<>();
        java.util.function.Consumer<Pending> sink;
        int errors;
        final Set<String> newDepartments = new LinkedHashSet<>();
        Map<String, Long> deptIds;

        Analysis(Path file) {
            this.file = file;
        }

        ImportReport report(boolean committed, int imported, int updated, int skipped) {
            return new ImportReport(file, format, sheets, sheet, header.rowNumber(), header.columns(), List.copyOf(rows),
                    Set.copyOf(newDepartments), committed, imported, updated, skipped);
        }
    }

    private Analysis analyse(Path file, String sheetName, ImportOptions options, ImportProgress progress,
            BooleanSupplier cancelled, java.util.function.Consumer<Pending> sink) {
        Analysis a = new Analysis(file);
        a.sink = sink;
        LocalDate today = LocalDate.now(clock);
        MemberValidation validation = new MemberValidation(today, regions);
        Map<String, Long> existingIds = members.idNumbers();
        Map<String, Long> existingCards = members.cardNumbers();
        Map<String, Long> deptIds = new HashMap<>();
        for (Department d : departments.findAll()) {
            deptIds.put(d.name(), d.id());
        }
        a.deptIds = deptIds;
        Map<String, Integer> seenIds = new HashMap<>();
        Map<String, Integer> seenCards = new HashMap<>();
        try (TabularFile f = SpreadsheetFiles.open(file, maxFileBytes)) {
            a.format = f.format();
            a.sheets = f.sheetNames();
            if (sheetName != null && !a.sheets.contains(sheetName)) {
                throw new UnusableFileException("import.file.noSheet", sheetName);
            }
            a.sheet = sheetName != null ? sheetName : firstSheetWithData(f);
            int[] count = {0};
            f.read(a.sheet, row -> {
                if (a.header == null) {
                    a.header = HeaderRow.detect(row).orElse(null);
                    if (a.header == null && row.rowNumber() >= HeaderRow.SCAN_ROWS) {
                        throw new UnusableFileException("import.file.noHeader", String.valueOf(HeaderRow.SCAN_ROWS));
                    }
                    return true;
                }
                if (row.isBlank()) {
                    return true;
                }
                if ((count[0] % BATCH) == 0) {
                    if (cancelled.getAsBoolean()) {
                        throw new ImportCancelledException();
                    }
                    progress.update(count[0], -1);
                }
                count[0]++;
                ImportReport.RowResult rr = analyseRow(a, row, options, validation, today, existingIds,
                        existingCards, deptIds, seenIds, seenCards);
                if (rr.status() == ImportReport.Status.ERROR) {
                    a.errors++;
                }
                a.rows.add(rr);
                return true;
            });
            progress.update(count[0], -1);
        }
        if (a.header == null) {
            throw new UnusableFileException("import.file.noHeader", String.valueOf(HeaderRow.SCAN_ROWS));
        }
        return a;
    }

    private ImportReport.RowResult analyseRow(Analysis a, SheetRow row, ImportOptions options,
            MemberValidation validation, LocalDate today, Map<String, Long> existingIds,
            Map<String, Long> existingCards, Map<String, Long> deptIds, Map<String, Integer> seenIds,
            Map<String, Integer> seenCards) {
        HeaderRow h = a.header;
        List<ImportReport.RowIssue> issues = new ArrayList<>();
        List<FieldIssue> pre = new ArrayList<>();

        RawCell idCell = h.cell(row, MemberColumn.ID_NUMBER);
        String idText = CellValues.code(idCell);
        boolean idLost = CellValues.idLostDigits(idCell);
        if (idLost) {
            pre.add(FieldIssue.error(MemberField.ID_NUMBER, "import.idStoredAsNumber", idText));
        }
        String idValue = null;
        if (!idLost) {
            try {
                idValue = IdNumber.parse(idText, today, regions).value();
            } catch (InvalidIdNumberException e) {
                // reported by the validation below
            }
        }
        Long existingId = idValue == null ? null : existingIds.get(idValue);
        Member before = existingId == null ? null : members.findById(existingId).orElse(null);

        CellValues.DateValue birth = CellValues.date(h.cell(row, MemberColumn.BIRTH_DATE));
        if (birth.invalid()) {
            pre.add(FieldIssue.error(MemberField.BIRTH_DATE, "import.badDate"));
        }
        CellValues.DateValue join = CellValues.date(h.cell(row, MemberColumn.JOIN_DATE));
        if (join.invalid()) {
            pre.add(FieldIssue.error(MemberField.JOIN_DATE, "import.badDate"));
        }
        Boolean migrant = yesNo(row, h, MemberColumn.MIGRANT_WORKER, pre);
        Boolean hardship = yesNo(row, h, MemberColumn.HARDSHIP, pre);

        String deptName = CellValues.text(h.cell(row, MemberColumn.DEPARTMENT));
        Long deptId = null;
        String newDept = null;
        if (!deptName.isEmpty()) {
            deptId = deptIds.get(deptName);
            if (deptId == null) {
                if (options.createDepartments()) {
                    newDept = deptName;
                    pre.add(FieldIssue.warning(MemberField.DEPARTMENT, "import.departmentCreated", deptName));
                } else {
                    pre.add(FieldIssue.error(MemberField.DEPARTMENT, "import.unknownDepartment", deptName));
                }
            }
        }

        String statusText = CellValues.text(h.cell(row, MemberColumn.STATUS));
        MemberStatus status = statusText.isEmpty() ? null : MemberStatus.parseLenient(statusText);
        if (!statusText.isEmpty() && status == null) {
            pre.add(FieldIssue.error(MemberField.STATUS, "import.badStatus", statusText));
        }

        String gender = CellValues.text(h.cell(row, MemberColumn.GENDER));
        if (gender.endsWith("性") && gender.length() == 2) {
            gender = gender.substring(0, 1);
        }
        String wage = h.cell(row, MemberColumn.MONTHLY_WAGE).isNumeric()
                ? RawCell.plain(h.cell(row, MemberColumn.MONTHLY_WAGE).number())
                : CellValues.text(h.cell(row, MemberColumn.MONTHLY_WAGE));

        MemberDraft draft = new MemberDraft(
                pick(CellValues.text(h.cell(row, MemberColumn.NAME)), before, Member::name),
                pick(gender, before, m -> m.gender().name()),
                pick(CellValues.text(h.cell(row, MemberColumn.ETHNICITY)), before, Member::ethnicity),
                idLost ? null : idText,
                birth.date(),
                pick(CellValues.code(h.cell(row, MemberColumn.MOBILE)), before, Member::mobile),
                pick(CellValues.text(h.cell(row, MemberColumn.EDUCATION)), before, Member::education),
                pick(CellValues.text(h.cell(row, MemberColumn.POLITICAL_STATUS)), before, Member::politicalStatus),
                deptName.isEmpty() && before != null ? before.departmentId() : deptId,
                pick(CellValues.text(h.cell(row, MemberColumn.JOB)), before, Member::job),
                pick(CellValues.text(h.cell(row, MemberColumn.EMPLOYMENT_TYPE)), before, Member::employmentType),
                migrant != null ? migrant : before != null && before.migrantWorker(),
                pick(CellValues.text(h.cell(row, MemberColumn.HOUSEHOLD_TYPE)), before,
                        m -> m.householdType() == null ? null : m.householdType().name()),
                join.date() != null ? join.date() : before != null ? before.joinDate() : null,
                pick(CellValues.code(h.cell(row, MemberColumn.CARD_NO)), before, Member::cardNo),
                pick(wage, before, m -> m.monthlyWageFen() == null ? null : Money.ofFen(m.monthlyWageFen()).toYuanString()),
                hardship != null ? hardship : before != null && before.hardship(),
                pick(CellValues.text(h.cell(row, MemberColumn.HARDSHIP_LEVEL)), before, Member::hardshipLevel),
                pick(CellValues.text(h.cell(row, MemberColumn.NOTES)), before, Member::notes));

        MemberValidation.Result vr = validation.validate(draft, before == null ? null : before.id(),
                before == null ? MemberStatus.ACTIVE : before.status());
        List<FieldIssue> all = new ArrayList<>(pre);
        for (FieldIssue fi : vr.issues()) {
            if (idLost && fi.field() == MemberField.ID_NUMBER) {
                continue;
            }
            if ("validation.required".equals(fi.messageKey())
                    && pre.stream().anyMatch(o -> o.field() == fi.field() && o.isError())) {
                continue; // the cell was filled but unreadable: that error says enough
            }
            if (fi.field() == MemberField.GENDER && "validation.required".equals(fi.messageKey())
                    && (idLost || vr.issues().stream().anyMatch(o -> o.field() == MemberField.ID_NUMBER && o.isError()))) {
                continue; // blank gender is taken from the ID number; the ID's own error says enough
            }
            all.add(fi);
        }
        if (idValue != null) {
            Integer first = seenIds.putIfAbsent(idValue, row.rowNumber());
            if (first != null) {
                all.add(FieldIssue.error(MemberField.ID_NUMBER, "import.duplicateIdInFile", String.valueOf(first)));
            }
        }
        Member m = vr.member();
        if (m != null && m.cardNo() != null) {
            Integer first = seenCards.putIfAbsent(m.cardNo(), row.rowNumber());
            if (first != null) {
                all.add(FieldIssue.error(MemberField.CARD_NO, "import.duplicateCardInFile", String.valueOf(first)));
            }
            Long owner = existingCards.get(m.cardNo());
            if (owner != null && (before == null || !owner.equals(before.id()))) {
                all.add(FieldIssue.error(MemberField.CARD_NO, "import.cardInRegister", m.cardNo()));
            }
        }
        if (before == null && status != null && status != MemberStatus.ACTIVE) {
            all.add(FieldIssue.error(MemberField.STATUS, "import.statusNotActive", status.zh()));
        }
        if (before != null && status != null && status != before.status()) {
            all.add(FieldIssue.warning(MemberField.STATUS, "import.statusNotChanged", before.status().zh()));
        }

        ImportReport.Action action;
        List<MemberField> changed = List.of();
        boolean hasError = all.stream().anyMatch(FieldIssue::isError);
        if (hasError) {
            action = ImportReport.Action.REJECT;
        } else if (before == null) {
            action = ImportReport.Action.NEW;
            if (a.sink != null) {
                a.sink.accept(new Pending(row.rowNumber(), m, null, newDept));
            }
        } else {
            Member after = m;
            changed = changedFields(MemberService.describeChanges(before, after), newDept != null);
            if (changed.isEmpty()) {
                action = ImportReport.Action.UNCHANGED;
            } else if (options.updateExisting()) {
                action = ImportReport.Action.UPDATE;
                all.add(FieldIssue.warning(MemberField.ID_NUMBER, "import.willUpdate", labels(changed)));
                if (a.sink != null) {
                    a.sink.accept(new Pending(row.rowNumber(), after, before, newDept));
                }
            } else {
                action = ImportReport.Action.SKIP;
                all.add(FieldIssue.warning(MemberField.ID_NUMBER, "import.existsSkipped", labels(changed)));
            }
        }
        if (newDept != null && (action == ImportReport.Action.NEW || action == ImportReport.Action.UPDATE)) {
            a.newDepartments.add(newDept);
        }
        for (FieldIssue fi : all) {
            MemberColumn col = columnOf(fi.field());
            int idx = col == null ? -1 : h.index(col);
            issues.add(new ImportReport.RowIssue(fi.field(), idx < 0 ? null : HeaderRow.columnLetter(idx),
                    col == null || idx < 0 ? null : h.heading(col), fi.severity(), fi.messageKey(), fi.args()));
        }
        ImportReport.Status st = hasError ? ImportReport.Status.ERROR
                : issues.isEmpty() ? ImportReport.Status.OK : ImportReport.Status.WARNING;
        return new ImportReport.RowResult(row.rowNumber(), TextNormalizer.normalize(draft.name()), st, action,
                List.copyOf(issues), changed);
    }

    private static final Map<MemberField, MemberColumn> COLUMN_OF = new HashMap<>();

    static {
        for (MemberColumn c : MemberColumn.values()) {
            COLUMN_OF.put(c.field(), c);
        }
    }

    private static MemberColumn columnOf(MemberField f) {
        return COLUMN_OF.get(f);
    }

    private static List<MemberField> changedFields(String describe, boolean newDepartment) {
        Set<MemberField> out = new TreeSet<>();
        for (String line : describe.split("\n")) {
            int c = line.indexOf(':');
            if (c > 0) {
                out.add(MemberField.valueOf(line.substring(0, c)));
            }
        }
        if (newDepartment) {
            out.add(MemberField.DEPARTMENT);
        }
        return List.copyOf(out);
    }

    private static String labels(List<MemberField> fields) {
        Messages m = Messages.chinese();
        List<String> l = new ArrayList<>();
        for (MemberField f : fields) {
            l.add(m.get(f.labelKey()));
        }
        return String.join("、", l);
    }

    private static Boolean yesNo(SheetRow row, HeaderRow h, MemberColumn c, List<FieldIssue> pre) {
        try {
            return CellValues.yesNo(h.cell(row, c));
        } catch (IllegalArgumentException e) {
            pre.add(FieldIssue.error(c.field(), "import.yesNo"));
            return null;
        }
    }

    private static String pick(String value, Member before, java.util.function.Function<Member, String> stored) {
        if ((value == null || value.isEmpty()) && before != null) {
            return stored.apply(before);
        }
        return value;
    }

    private static Member withDepartment(Member m, Long deptId) {
        return new Member(m.id(), m.name(), m.gender(), m.ethnicity(), m.idNumber(), m.mobile(), m.education(),
                m.politicalStatus(), deptId, m.job(), m.employmentType(), m.migrantWorker(), m.householdType(),
                m.joinDate(), m.cardNo(), m.monthlyWageFen(), m.status(), m.hardship(), m.hardshipLevel(), m.notes());
    }
}
