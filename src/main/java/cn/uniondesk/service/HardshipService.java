package cn.uniondesk.service;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.HardshipRepository;
import cn.uniondesk.db.MemberRepository;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.Regions;
import cn.uniondesk.domain.TextNormalizer;
import cn.uniondesk.domain.cases.CaseRuleException;
import cn.uniondesk.domain.cases.Eligibility;
import cn.uniondesk.domain.cases.HardshipDraft;
import cn.uniondesk.domain.cases.HardshipFile;
import cn.uniondesk.domain.cases.HardshipValidation;
import cn.uniondesk.domain.cases.HouseholdMember;
import cn.uniondesk.domain.cases.Problem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hardship files (困难职工档案): one per member, with household members, causes and the bank
 * account for payments; eligibility against the city's 低保 line of the year; the yearly review;
 * a history row for every change. Every write is one transaction with its audit row.
 */
public final class HardshipService {
    private final Database db;
    private final HardshipRepository files;
    private final MemberRepository members;
    private final Session session;
    private final AuditService audit;
    private final Clock clock;
    private final Regions regions;

    public HardshipService(Database db, HardshipRepository files, MemberRepository members, Session session,
            AuditService audit, Clock clock, Regions regions) {
        this.db = db;
        this.files = files;
        this.members = members;
        this.session = session;
        this.audit = audit;
        this.clock = clock;
        this.regions = regions;
    }

    /** History actions. */
    public static final String CREATE = "CREATE";
    public static final String UPDATE = "UPDATE";
    public static final String REVIEW = "REVIEW";
    public static final String CLOSE = "CLOSE";
    public static final String REOPEN = "REOPEN";

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Member member(long memberId) {
        return members.findById(memberId).orElseThrow(() -> new NotFoundException("member.notFound",
                Long.toString(memberId)));
    }

    /** The draft checked and normalised (ID numbers to 18 characters, bank account compacted). */
    private HardshipDraft checked(HardshipDraft d) {
        Member m = member(d.memberId());
        List<HouseholdMember> normalised = new ArrayList<>();
        List<Problem> problems = HardshipValidation.validate(d, m.idNumber().value(), today(), regions, normalised);
        if (!problems.isEmpty()) {
            throw new CaseRuleException(problems);
        }
        String acc = d.bankAccount() == null || d.bankAccount().isBlank() ? null : TextNormalizer.compact(d.bankAccount());
        return new HardshipDraft(d.memberId(), d.category(), d.health(), blank(d.disability()), d.workStatus(),
                d.housing(), d.city().strip(), d.memberIncome(), d.mainCause(),
                d.secondaryCauses().stream().filter(c -> c != d.mainCause()).distinct().toList(), blank(d.bankName()),
                acc, blank(d.accountHolder()), d.filedBy() == null || d.filedBy().isBlank() ? session.operator()
                        : d.filedBy().strip(), d.filedOn(), blank(d.notes()), normalised);
    }

    /** Opens a member's hardship file; the yearly review falls due a year after filing. */
    public HardshipFile create(HardshipDraft draft) {
        session.require(Permission.CASE_WRITE);
        HardshipDraft d = checked(draft);
        if (files.findByMember(d.memberId()).isPresent()) {
            throw new CaseRuleException("hardship.exists", member(d.memberId()).name());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        long id = db.inTransaction(() -> {
            long fid = files.insert(d, session.operator(), d.filedOn().plusYears(1), now);
            String snap = snapshot(d);
            files.insertEvent(fid, CREATE, snap, null, session.operator(), now);
            audit.record("HARDSHIP_CREATE", "hardship_file", Long.toString(fid), null, snap, null);
            return fid;
        });
        return files.find(id).orElseThrow();
    }

    /** Changes a file; the history keeps what changed, field by field. */
    public HardshipFile update(long fileId, HardshipDraft draft, String comment) {
        session.require(Permission.CASE_WRITE);
        HardshipFile old = get(fileId);
        if (old.memberId() != draft.memberId()) {
            throw new CaseRuleException("hardship.otherMember");
        }
        HardshipDraft d = checked(draft);
        String changes = diff(old.data(), d);
        if (changes.isEmpty()) {
            return old;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        db.inTransaction(() -> {
            files.update(fileId, d, now);
            files.insertEvent(fileId, UPDATE, changes, blank(comment), session.operator(), now);
            audit.record("HARDSHIP_UPDATE", "hardship_file", Long.toString(fileId), snapshot(old.data()), changes,
                    blank(comment));
        });
        return get(fileId);
    }

    /** The yearly review (年度复核): recorded with who and when; the next one falls due a year later. */
    public HardshipFile review(long fileId, String comment) {
        session.require(Permission.CASE_WRITE);
        HardshipFile f = get(fileId);
        if (!f.active()) {
            throw new CaseRuleException("hardship.closed");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate next = today().plusYears(1);
        db.inTransaction(() -> {
            files.markReviewed(fileId, session.operator(), today(), next, now);
            files.insertEvent(fileId, REVIEW, "next=" + next, blank(comment), session.operator(), now);
            audit.record("HARDSHIP_REVIEW", "hardship_file", Long.toString(fileId), "due=" + f.nextReviewDue(),
                    "reviewed=" + today() + "; due=" + next, blank(comment));
        });
        return get(fileId);
    }

    /** Closes a file (脱困 or the member left), with a reason; it stays on record. */
    public HardshipFile close(long fileId, String reason) {
        return setActive(fileId, false, reason);
    }

    public HardshipFile reopen(long fileId, String reason) {
        return setActive(fileId, true, reason);
    }

    private HardshipFile setActive(long fileId, boolean active, String reason) {
        session.require(Permission.CASE_WRITE);
        if (reason == null || reason.isBlank()) {
            throw new CaseRuleException("hardship.reasonRequired");
        }
        HardshipFile f = get(fileId);
        if (f.active() == active) {
            return f;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        db.inTransaction(() -> {
            files.setActive(fileId, active, now);
            files.insertEvent(fileId, active ? REOPEN : CLOSE, null, reason.strip(), session.operator(), now);
            audit.record(active ? "HARDSHIP_REOPEN" : "HARDSHIP_CLOSE", "hardship_file", Long.toString(fileId),
                    "active=" + f.active(), "active=" + active, reason.strip());
        });
        return get(fileId);
    }

    public HardshipFile get(long fileId) {
        session.require(Permission.CASE_READ);
        return files.find(fileId).orElseThrow(() -> new NotFoundException("hardship.notFound", Long.toString(fileId)));
    }

    public Optional<HardshipFile> forMember(long memberId) {
        session.require(Permission.CASE_READ);
        return files.findByMember(memberId);
    }

    public List<HardshipFile> list(boolean includeClosed) {
        session.require(Permission.CASE_READ);
        return files.list(includeClosed);
    }

    /** Active files whose yearly review is due within {@code days} from today (0: due now or overdue). */
    public List<HardshipFile> dueForReview(int days) {
        session.require(Permission.CASE_READ);
        return files.dueForReview(today().plusDays(days));
    }

    public List<HardshipRepository.Event> history(long fileId) {
        session.require(Permission.CASE_READ);
        return files.events(fileId);
    }

    /** Eligibility against the 低保 line of the file's city for the current year. */
    public Eligibility eligibility(HardshipFile f) {
        return eligibility(f, today().getYear());
    }

    public Eligibility eligibility(HardshipFile f, int year) {
        session.require(Permission.CASE_READ);
        Long line = files.lowIncomeLine(f.data().city(), year).map(Money::fen).orElse(null);
        return Eligibility.assess(f.householdIncome(), f.householdSize(), line, f.causes());
    }

    // --- 低保 lines ---------------------------------------------------------------------------

    public List<HardshipRepository.LowIncomeLine> lowIncomeLines() {
        session.require(Permission.CASE_READ);
        return files.lowIncomeLines();
    }

    /** Sets the monthly 低保 line per person of a city for a year (approvers). */
    public void setLowIncomeLine(String city, int year, Money monthly) {
        session.require(Permission.CASE_APPROVE);
        if (city == null || city.isBlank()) {
            throw new CaseRuleException("hardship.required", new Problem.Key("hardship.field.city"));
        }
        if (monthly == null || monthly.fen() <= 0) {
            throw new CaseRuleException("hardship.line.notPositive");
        }
        if (year < 2000 || year > today().getYear() + 1) {
            throw new CaseRuleException("hardship.line.badYear", Integer.toString(year));
        }
        String c = city.strip();
        db.inTransaction(() -> {
            String before = files.lowIncomeLine(c, year).map(Money::toYuanString).orElse(null);
            files.saveLowIncomeLine(c, year, monthly.fen(), session.operator(), LocalDateTime.now(clock));
            audit.record("LOW_INCOME_LINE_SET", "low_income_line", c + "/" + year, before, monthly.toYuanString(),
                    null);
        });
    }

    // --- history text -------------------------------------------------------------------------

    private static Map<String, String> fields(HardshipDraft d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("category", String.valueOf(d.category()));
        m.put("health", String.valueOf(d.health()));
        m.put("disability", d.disability());
        m.put("workStatus", String.valueOf(d.workStatus()));
        m.put("housing", String.valueOf(d.housing()));
        m.put("city", d.city());
        m.put("memberIncome", d.memberIncome() == null ? null : d.memberIncome().toYuanString());
        m.put("mainCause", String.valueOf(d.mainCause()));
        m.put("secondaryCauses", d.secondaryCauses().toString());
        m.put("bankName", d.bankName());
        m.put("bankAccount", maskAccount(d.bankAccount()));
        m.put("accountHolder", d.accountHolder());
        m.put("filedBy", d.filedBy());
        m.put("filedOn", String.valueOf(d.filedOn()));
        m.put("notes", d.notes());
        List<String> hh = new ArrayList<>();
        for (HouseholdMember h : d.household()) {
            hh.add(h.name() + "/" + h.relation() + "/" + (h.idNumber() == null ? "" : IdNumber.mask(h.idNumber()))
                    + "/" + h.health() + "/" + h.monthlyIncome());
        }
        m.put("household", hh.toString());
        return m;
    }

    /** The snapshot for history and audit: ID numbers and account numbers masked. */
    static String snapshot(HardshipDraft d) {
        StringBuilder sb = new StringBuilder();
        fields(d).forEach((k, v) -> {
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : "; ").append(k).append('=').append(v);
            }
        });
        return sb.toString();
    }

    static String diff(HardshipDraft a, HardshipDraft b) {
        Map<String, String> x = fields(a);
        Map<String, String> y = fields(b);
        List<String> parts = new ArrayList<>();
        for (String k : x.keySet()) {
            if (!Objects.equals(x.get(k), y.get(k))) {
                parts.add(k + ": " + Objects.toString(x.get(k), "") + " → " + Objects.toString(y.get(k), ""));
            }
        }
        return String.join("; ", parts);
    }

    private static String maskAccount(String acc) {
        if (acc == null || acc.length() < 8) {
            return acc;
        }
        return acc.substring(0, 4) + "*".repeat(acc.length() - 8) + acc.substring(acc.length() - 4);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
