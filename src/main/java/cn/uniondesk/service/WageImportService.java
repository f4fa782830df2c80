package cn.uniondesk.service;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.DuesRepository;
import cn.uniondesk.db.MemberRepository;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.InvalidIdNumberException;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.TextNormalizer;
import cn.uniondesk.domain.dues.RollSubject;
import cn.uniondesk.excel.CellValues;
import cn.uniondesk.excel.RawCell;
import cn.uniondesk.excel.SpreadsheetFiles;
import cn.uniondesk.excel.UnusableFileException;
import cn.uniondesk.excel.WageSheet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wage bases (缴费基数) in from the office's wage sheet: a dry run that says for every row what
 * would happen (changed old → new, unchanged, not found, not a member, invalid amount or month,
 * duplicate) with the back-dues (补交) past-dated changes produce; then, when the clerk confirms,
 * the changes in one transaction, audited, the wage history kept, back-dues booked only when asked.
 *
 * <p>Rows are matched by 身份证号 first, else by 会员编号 (member card number); a name that differs
 * from the register is a warning. Rows of people not in the register, or no longer members, are
 * listed and skipped. An invalid amount or month, or two rows for one member with different
 * values, is an error: with any error nothing is written.
 */
public final class WageImportService {
    private static final Pattern YM = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*(?:月(?:份)?)?"
            + "(?:\\s*[-/.]?\\s*(\\d{1,2})\\s*日?)?");
    private static final Pattern YM_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})?");

    /** What a row comes to. */
    public enum Kind {
        /** the wage base changes: old → new */
        CHANGED(false),
        /** the same wage is in force already */
        UNCHANGED(false),
        /** nobody in the register with this ID number or member number */
        NOT_FOUND(false),
        /** in the register, but no longer an active member (left, transferred out, retired, deceased) */
        NOT_A_MEMBER(false),
        /** a repeat of an earlier row with the same values; ignored */
        DUPLICATE(false),
        /** negative, not a number, more than two decimals, or missing */
        INVALID_AMOUNT(true),
        /** the month cannot be read, or none given */
        INVALID_MONTH(true),
        /** a second row for the same member with another wage or month */
        DUPLICATE_CONFLICT(true);

        private final boolean error;

        Kind(boolean error) {
            this.error = error;
        }

        public boolean error() {
            return error;
        }
    }

    /** A remark on a row that does not stop it. */
    public enum Warning {
        /** the name in the sheet differs from the register's */
        NAME_MISMATCH,
        /** the ID number is not valid; the row was matched by member number */
        ID_INVALID
    }

    /**
     * One row of the sheet and what it comes to.
     *
     * @param name         as in the sheet
     * @param registerName the member's name in the register (null when not matched)
     * @param oldFen       the wage base in force in {@code from} before the change (null: none recorded)
     * @param newFen       the wage base in the sheet (null when unreadable)
     * @param firstRow     for duplicates: the row it repeats
     * @param backDuesFen  back-dues this change produces (0 when none)
     */
    public record Line(int rowNumber, String name, String cardNo, Long memberId, String registerName, Kind kind,
            Long oldFen, Long newFen, YearMonth from, Integer firstRow, Set<Warning> warnings, long backDuesFen,
            String detail) {
    }

    /**
     * The outcome of a dry run (or of an apply, with {@code applied}).
     *
     * @param backDues member → back-dues of the changed rows
     */
    public record Report(String format, YearMonth month, List<Line> lines, Map<Long, DuesService.BackDues> backDues,
            boolean applied, boolean backDuesBooked) {
        public int count(Kind kind) {
            return (int) lines.stream().filter(l -> l.kind() == kind).count();
        }

        public List<Line> errors() {
            return lines.stream().filter(l -> l.kind().error()).toList();
        }

        public boolean hasErrors() {
            return lines.stream().anyMatch(l -> l.kind().error());
        }

        public List<Line> changed() {
            return lines.stream().filter(l -> l.kind() == Kind.CHANGED).toList();
        }

        public int warnings() {
            return (int) lines.stream().filter(l -> !l.warnings().isEmpty()).count();
        }

        public long backDuesTotalFen() {
            return backDues.values().stream().mapToLong(DuesService.BackDues::totalFen).sum();
        }

        public int backDuesMonths() {
            return backDues.values().stream().mapToInt(b -> b.charges().size()).sum();
        }
    }

    private final Database db;
    private final DuesRepository dues;
    private final MemberRepository members;
    private final DuesService duesService;
    private final Session session;
    private volatile long maxFileBytes = SpreadsheetFiles.DEFAULT_MAX_BYTES;

    public WageImportService(Database db, DuesRepository dues, MemberRepository members, DuesService duesService,
            Session session) {
        this.db = db;
        this.dues = dues;
        this.members = members;
        this.duesService = duesService;
        this.session = session;
    }

    public void setMaxFileBytes(long bytes) {
        this.maxFileBytes = bytes;
    }

    /**
     * Reads and checks the sheet; writes nothing.
     *
     * @param month the month the wages apply from, for rows without a month of their own
     * @throws UnusableFileException when the file cannot be used at all
     */
    public Report dryRun(Path file, YearMonth month) {
        session.require(Permission.MEMBER_READ);
        WageSheet.Content content = WageSheet.read(file, maxFileBytes);
        return analyse(content, month, false, false);
    }

    /**
     * Checks the sheet again (the register may have changed since the dry run) and, when no row
     * is an error, stores every changed wage in one transaction; with {@code bookBackDues} also the
     * back-dues shown. With an error nothing is written.
     *
     * @throws RuleViolationException {@code dues.wage.hasErrors} when rows are errors
     * @throws UnusableFileException  when the file cannot be used at all
     */
    public Report apply(Path file, YearMonth month, boolean bookBackDues) {
        session.require(Permission.MEMBER_WRITE);
        WageSheet.Content content = WageSheet.read(file, maxFileBytes);
        return db.inTransaction(() -> {
            Report r = analyse(content, month, true, bookBackDues);
            if (r.hasErrors()) {
                Line first = r.errors().get(0);
                throw new RuleViolationException("dues.wage.hasErrors", r.errors().size(),
                        String.valueOf(first.rowNumber()));
            }
            List<DuesService.WageChange> wages = new ArrayList<>();
            Map<Long, Long> old = new HashMap<>();
            for (Line l : r.changed()) {
                wages.add(new DuesService.WageChange(l.memberId(), l.from(), l.newFen()));
                if (l.oldFen() != null) {
                    old.put(l.memberId(), l.oldFen());
                }
            }
            List<DuesService.BackDues> back = bookBackDues ? List.copyOf(r.backDues().values()) : List.of();
            duesService.storeWagesAndBackDues(wages, old, back, "wage sheet " + file.getFileName());
            return r;
        });
    }

    private Report analyse(WageSheet.Content content, YearMonth defaultMonth, boolean applied, boolean book) {
        Map<String, Long> byId = members.idNumbers();
        Map<String, Long> byCard = members.cardNumbers();
        Map<Long, MemberRow> rows = new HashMap<>();
        members.forEachRow(r -> rows.put(r.id(), r));
        Map<YearMonth, Map<Long, RollSubject>> subjects = new HashMap<>();
        Map<Long, Line> seen = new HashMap<>();
        List<Line> out = new ArrayList<>();
        for (WageSheet.Line s : content.lines()) {
            Set<Warning> warnings = EnumSet.noneOf(Warning.class);
            // who
            Long memberId = null;
            boolean idGiven = !s.idNumber().isEmpty();
            if (idGiven && !s.idLostDigits()) {
                try {
                    memberId = byId.get(IdNumber.parse(s.idNumber()).value());
                } catch (InvalidIdNumberException e) {
                    warnings.add(Warning.ID_INVALID);
                }
            } else if (idGiven) {
                warnings.add(Warning.ID_INVALID);
            }
            if (memberId == null && !s.cardNo().isEmpty()) {
                memberId = byCard.get(s.cardNo());
            }
            if (memberId == null) {
                warnings.remove(Warning.ID_INVALID);
            }
            MemberRow m = memberId == null ? null : rows.get(memberId);
            String registerName = m == null ? null : m.name();
            String card = m != null && m.cardNo() != null ? m.cardNo() : s.cardNo();
            if (m != null && !s.name().isEmpty()
                    && !TextNormalizer.compact(s.name()).equals(TextNormalizer.compact(m.name()))) {
                warnings.add(Warning.NAME_MISMATCH);
            }
            // amount and month
            Long fen = amount(s.wage());
            YearMonth from = s.month() == null || s.month().isBlank() ? defaultMonth : month(s.month());
            Kind kind;
            Long oldFen = null;
            Integer firstRow = null;
            String detail = "";
            if (fen == null) {
                kind = Kind.INVALID_AMOUNT;
                detail = s.wage() == null ? "" : CellValues.text(s.wage());
            } else if (from == null) {
                kind = Kind.INVALID_MONTH;
                detail = s.month() == null ? "" : CellValues.text(s.month());
            } else if (m == null) {
                kind = Kind.NOT_FOUND;
            } else if (m.status() != MemberStatus.ACTIVE) {
                kind = Kind.NOT_A_MEMBER;
                detail = m.status().name();
            } else if (seen.containsKey(memberId)) {
                Line earlier = seen.get(memberId);
                firstRow = earlier.rowNumber();
                kind = fen.equals(earlier.newFen()) && from.equals(earlier.from()) ? Kind.DUPLICATE
                        : Kind.DUPLICATE_CONFLICT;
            } else {
                RollSubject subject = subjects.computeIfAbsent(from, this::subjectsAt).get(memberId);
                oldFen = subject == null ? null : subject.wageFen();
                kind = fen.equals(oldFen) ? Kind.UNCHANGED : Kind.CHANGED;
            }
            Line line = new Line(s.rowNumber(), s.name(), card, memberId, registerName, kind, oldFen, fen, from,
                    firstRow, Set.copyOf(warnings), 0, detail);
            if (memberId != null && (kind == Kind.CHANGED || kind == Kind.UNCHANGED)) {
                seen.put(memberId, line);
            }
            out.add(line);
        }
        // back-dues of the changes (a DUPLICATE_CONFLICT makes the whole report an error; still shown)
        List<DuesService.WageChange> changes = new ArrayList<>();
        for (Line l : out) {
            if (l.kind() == Kind.CHANGED) {
                changes.add(new DuesService.WageChange(l.memberId(), l.from(), l.newFen()));
            }
        }
        Map<Long, DuesService.BackDues> back = duesService.previewBackDues(changes);
        List<Line> withBack = new ArrayList<>(out.size());
        for (Line l : out) {
            DuesService.BackDues b = l.kind() == Kind.CHANGED ? back.get(l.memberId()) : null;
            withBack.add(b == null ? l : new Line(l.rowNumber(), l.name(), l.cardNo(), l.memberId(), l.registerName(),
                    l.kind(), l.oldFen(), l.newFen(), l.from(), l.firstRow(), l.warnings(), b.totalFen(), l.detail()));
        }
        return new Report(content.format(), defaultMonth, List.copyOf(withBack), Map.copyOf(back), applied,
                applied && book && !back.isEmpty());
    }

    private Map<Long, RollSubject> subjectsAt(YearMonth month) {
        Map<Long, RollSubject> m = new HashMap<>();
        for (RollSubject s : dues.rollSubjects(month)) {
            m.put(s.memberId(), s);
        }
        return m;
    }

    /** A wage in 分: a number or text such as {@code 5,678.90} / {@code ￥5678.9}; null when not a valid amount. */
    static Long amount(RawCell c) {
        if (c == null || c.isBlank()) {
            return null;
        }
        try {
            if (c.isNumeric()) {
                BigDecimal d = new BigDecimal(RawCell.plain(c.number()));
                if (d.signum() < 0 || d.stripTrailingZeros().scale() > 2) {
                    return null;
                }
                return d.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
            }
            long fen = Money.parseYuan(c.text()).fen();
            return fen < 0 ? null : fen;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * A month as clerks write it: {@code 2026-09}, {@code 2026/9}, {@code 2026.9}, {@code 2026年9月},
     * {@code 202609}, a date ({@code 2026-09-01}, an Excel date); null when unreadable.
     */
    static YearMonth month(RawCell c) {
        if (c.isNumeric()) {
            double d = c.number();
            String plain = RawCell.plain(d);
            if (plain.matches("\\d{6}")) {
                return month(RawCell.text(plain));
            }
            LocalDate date = CellValues.date(c).date();
            return date == null ? null : YearMonth.from(date);
        }
        String t = TextNormalizer.compact(c.text());
        try {
            Matcher m = YM.matcher(t);
            if (m.matches()) {
                return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = YM_COMPACT.matcher(t);
            if (m.matches()) {
                return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
