package cn.uniondesk.service;

import cn.uniondesk.db.AuditRepository;
import cn.uniondesk.db.Database;
import cn.uniondesk.db.DepartmentRepository;
import cn.uniondesk.db.DuesRepository;
import cn.uniondesk.db.MemberRepository;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.MemberValidation;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.Regions;
import cn.uniondesk.service.sample.SampleGenerator;
import cn.uniondesk.service.sample.SamplePerson;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a throw-away register with generated members for the benchmark harness (the monthly
 * roll of 100,000 members): validated like the demo union, written in transactions of
 * {@value #CHUNK} (a bench set-up, not a clerk's import, which is all or nothing), each member with
 * its join event and a wage history entry, one audit row per chunk.
 */
public final class BenchDataService {
    static final int CHUNK = 2000;

    private final Database db;
    private final MemberRepository members;
    private final DepartmentRepository departments;
    private final DuesRepository dues;
    private final cn.uniondesk.db.CaseRepository cases;
    private final AuditService audit;
    private final Session session;
    private final Clock clock;

    public BenchDataService(Database db, MemberRepository members, DepartmentRepository departments,
            DuesRepository dues, cn.uniondesk.db.CaseRepository cases, AuditService audit, Session session,
            Clock clock) {
        this.db = db;
        this.members = members;
        this.departments = departments;
        this.dues = dues;
        this.cases = cases;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /**
     * Generates and stores {@code n} active members with wages recorded from {@code wagesFrom}.
     *
     * @return the number of members stored
     */
    public int loadGenerated(SampleGenerator generator, int n, YearMonth wagesFrom) {
        session.require(Permission.MEMBER_WRITE);
        MemberValidation validation = new MemberValidation(LocalDate.now(clock), Regions.standard());
        Map<String, Long> deptIds = new HashMap<>();
        int done = 0;
        while (done < n) {
            int size = Math.min(CHUNK, n - done);
            List<SamplePerson> people = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                people.add(generator.next());
            }
            int first = done;
            db.inTransaction(() -> {
                List<Member> batch = new ArrayList<>(size);
                for (SamplePerson p : people) {
                    batch.add(validMember(p, validation, deptIds));
                }
                List<Long> ids = members.insertBatch(batch);
                List<MemberEvent> events = new ArrayList<>(size);
                List<DuesRepository.WageEntry> wages = new ArrayList<>(size);
                for (int i = 0; i < batch.size(); i++) {
                    Member m = batch.get(i);
                    events.add(new MemberEvent(null, ids.get(i), MemberEventType.JOIN, m.joinDate(), null, null, null,
                            null, MemberStatus.ACTIVE, session.operator(), clock.instant(), null));
                    if (m.monthlyWageFen() != null) {
                        wages.add(new DuesRepository.WageEntry(ids.get(i), wagesFrom, m.monthlyWageFen()));
                    }
                }
                members.insertEvents(events);
                dues.saveWages(wages, session.operator(), LocalDateTime.now(clock));
                audit.recordAll(List.of(new AuditRepository.Draft("SAMPLE_LOAD", "member", null, null,
                        "members=" + (first + 1) + ".." + (first + size), "benchmark data")));
            });
            done += size;
        }
        return done;
    }

    /** A generated person as a validated active member (its department created when new); inside a transaction. */
    private Member validMember(SamplePerson p, MemberValidation validation, Map<String, Long> deptIds) {
        long deptId = deptIds.computeIfAbsent(p.department(),
                d -> departments.findByName(d).orElseGet(() -> departments.insert(d)).id());
        MemberValidation.Result r = validation.validate(new MemberDraft(p.name(), p.gender(), p.ethnicity(),
                p.idNumber(), null, p.mobile(), p.education(), p.politicalStatus(), deptId, p.job(),
                p.employmentType(), p.migrantWorker(), p.householdType(), p.joinDate(), p.cardNo(),
                p.monthlyWageYuan(), p.hardship(), p.hardshipLevel(), p.notes()), null, MemberStatus.ACTIVE);
        if (r.hasErrors()) {
            throw new IllegalStateException("generated member " + p.cardNo() + " is invalid: " + r.issues());
        }
        return r.member();
    }

    /**
     * Yardstick rows: {@code n} generated members validated exactly as {@link #loadGenerated} does
     * (departments created), returned without storing them.
     */
    public List<Member> validated(SampleGenerator generator, int n) {
        session.require(Permission.MEMBER_WRITE);
        MemberValidation validation = new MemberValidation(LocalDate.now(clock), Regions.standard());
        Map<String, Long> deptIds = new HashMap<>();
        List<Member> out = new ArrayList<>(n);
        db.inTransaction(() -> {
            for (int i = 0; i < n; i++) {
                out.add(validMember(generator.next(), validation, deptIds));
            }
        });
        return out;
    }

    /**
     * The import's yardstick (issue 9: "H2 bulk insert of the same rows"): {@code rows} inserted in
     * ONE transaction with the same prepared JDBC batches the import uses — and, when
     * {@code eventsAndAudit}, a join event and an audit row per member, which is all an import
     * writes. No file reading, no validation, no duplicate checks.
     */
    public void insertInOneTransaction(List<Member> rows, boolean eventsAndAudit) {
        session.require(Permission.MEMBER_WRITE);
        db.inTransaction(() -> {
            List<Long> ids = members.insertBatch(rows);
            if (eventsAndAudit) {
                List<MemberEvent> events = new ArrayList<>(rows.size());
                List<AuditRepository.Draft> drafts = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    Member m = rows.get(i);
                    events.add(new MemberEvent(null, ids.get(i), MemberEventType.JOIN, m.joinDate(), null, null, null,
                            null, MemberStatus.ACTIVE, session.operator(), clock.instant(), null));
                    drafts.add(new AuditRepository.Draft("MEMBER_IMPORT", "member", String.valueOf(ids.get(i)), null,
                            MemberService.snapshot(m.withId(ids.get(i))), "yardstick"));
                }
                members.insertEvents(events);
                audit.recordAll(drafts);
            }
        });
    }

    /**
     * The roll's yardstick rows: the charges of {@code month}, re-dated to {@code into} (same
     * members, kinds and amounts), for {@link #insertChargesInOneTransaction}.
     */
    public List<cn.uniondesk.domain.dues.Charge> chargesMovedTo(YearMonth month, YearMonth into) {
        session.require(Permission.MEMBER_READ);
        List<cn.uniondesk.domain.dues.Charge> rows = new ArrayList<>();
        for (cn.uniondesk.domain.dues.Charge c : dues.charges(month)) {
            rows.add(new cn.uniondesk.domain.dues.Charge(c.memberId(), into, c.kind(), c.baseFen(), c.amountFen(),
                    c.exemption()));
        }
        return rows;
    }

    /**
     * The roll's yardstick: charge rows inserted in one transaction with the roll's own insert (same
     * indexes, foreign key) — with the running figures the roll keeps (decision 0010), or the rows
     * alone (what H2 needs for them).
     */
    public void insertChargesInOneTransaction(List<cn.uniondesk.domain.dues.Charge> rows, boolean runningFigures) {
        session.require(Permission.MEMBER_WRITE);
        LocalDateTime at = LocalDateTime.now(clock);
        db.inTransaction(() -> {
            if (runningFigures) {
                dues.insertCharges(rows, at);
            } else {
                dues.insertChargeRowsOnly(rows, at);
            }
        });
    }

    /** The aid types of the default "aid" workflow, which the generated cases use. */
    private static final cn.uniondesk.domain.cases.CaseType[] AID_TYPES = {
        cn.uniondesk.domain.cases.CaseType.LIVING_AID, cn.uniondesk.domain.cases.CaseType.MEDICAL_AID,
        cn.uniondesk.domain.cases.CaseType.EDUCATION_AID, cn.uniondesk.domain.cases.CaseType.FESTIVAL_VISIT,
        cn.uniondesk.domain.cases.CaseType.CONDOLENCE};

    /**
     * Bench data: {@code n} aid cases of the members in the register, registered on days spread
     * over {@code from}..{@code to} (deterministic for a seed): three in four paid (approved and paid
     * a few days later), the rest approved, registered or refused. Written directly in transactions
     * of 1,000, with no workflow steps or events — a bench set-up, as {@link #loadGenerated} is.
     *
     * @return the number of cases stored
     */
    public int loadCases(int n, YearMonth from, YearMonth to, long seed) {
        session.require(Permission.CASE_WRITE);
        List<Long> ids = new ArrayList<>();
        members.forEachMember(m -> {
            if (m.status() == MemberStatus.ACTIVE) {
                ids.add(m.id());
            }
        });
        if (ids.isEmpty()) {
            return 0;
        }
        java.util.Random rnd = new java.util.Random(seed);
        LocalDate first = from.atDay(1);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, to.atEndOfMonth()) + 1;
        Map<Integer, Integer> seqOfYear = new HashMap<>();
        int done = 0;
        while (done < n) {
            int size = Math.min(1000, n - done);
            db.inTransaction(() -> {
                for (int i = 0; i < size; i++) {
                    LocalDate on = first.plusDays(rnd.nextInt(days));
                    int seq = seqOfYear.merge(on.getYear(), 1, Integer::sum);
                    String no = "BF" + on.getYear() + "-" + String.format("%04d", seq);
                    cn.uniondesk.domain.cases.CaseType type = AID_TYPES[rnd.nextInt(AID_TYPES.length)];
                    cn.uniondesk.domain.Money amount = cn.uniondesk.domain.Money.ofFen((5 + rnd.nextInt(46)) * 10_000L);
                    double p = rnd.nextDouble();
                    String state = p < 0.75 ? "PAID" : p < 0.85 ? "APPROVED" : p < 0.95 ? "REGISTERED" : "REJECTED";
                    boolean approved = state.equals("PAID") || state.equals("APPROVED");
                    LocalDate approvedOn = approved ? on.plusDays(2) : null;
                    LocalDate paidOn = state.equals("PAID") ? on.plusDays(5) : null;
                    cases.insert(new cn.uniondesk.domain.cases.AidCase(0, no, type, "aid", state,
                            ids.get(rnd.nextInt(ids.size())), "基准测试生成的帮扶", null, null, amount,
                            approved ? amount : null, approvedOn, paidOn == null ? null : amount,
                            paidOn == null ? null : "银行转账", paidOn, paidOn == null ? null : session.operator(),
                            state.equals("REJECTED") ? "不符合条件" : null, Map.of("summary", "基准测试生成的帮扶"),
                            session.operator(), on, on.atTime(9, 0), on.atTime(9, 0)));
                }
            });
            done += size;
        }
        return done;
    }
}
