package cn.uniondesk.service;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.DepartmentRepository;
import cn.uniondesk.db.MemberRepository;
import cn.uniondesk.db.UnionRepository;
import cn.uniondesk.domain.Department;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.dues.Charge;
import java.time.YearMonth;
import cn.uniondesk.domain.MemberValidation;
import cn.uniondesk.domain.Regions;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.service.sample.SampleCsv;
import cn.uniondesk.service.sample.SamplePerson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the fictitious demo union shipped in {@code sample-data/demo} (bundled in the jar): the
 * union, its departments and about 300 members with their history, in one transaction.
 */
public final class DemoDataService {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataService.class);
    private static final String BASE = "/sample-data/demo/";
    public static final String DEMO_OPERATOR = "演示数据";

    private final Database db;
    private final UnionRepository unions;
    private final DepartmentRepository departments;
    private final MemberRepository members;
    private final Clock clock;
    private final AuditService audit;
    private final Session session;
    private DuesService dues;

    public DemoDataService(Database db, UnionRepository unions, DepartmentRepository departments,
            MemberRepository members, Clock clock, AuditService audit, Session session) {
        this.audit = audit;
        this.session = session;
        this.db = db;
        this.unions = unions;
        this.departments = departments;
        this.members = members;
        this.clock = clock;
    }

    private DemoCasesService demoCases;

    /** Lets the demo also carry aid and cases (set by the composition root). */
    public void useCases(DemoCasesService service) {
        this.demoCases = service;
    }

    /** Lets the demo also carry a year of dues (set by the composition root). */
    public void useDues(DuesService duesService) {
        this.dues = duesService;
    }

    /** True when the database has no members and no union yet. */
    public boolean isEmpty() {
        return members.count() == 0 && unions.find().isEmpty();
    }

    /** Loads the demo union; returns the number of members loaded. */
    public int loadDemo() {
        session.require(cn.uniondesk.domain.Permission.MEMBER_WRITE);
        UnionInfo union = readUnion();
        List<SamplePerson> people = readPeople();
        MemberValidation validation = new MemberValidation(LocalDate.now(clock), Regions.standard());
        int n = db.inTransaction(() -> {
            unions.save(union);
            audit.record("UNION_SAVE", "union", "1", null, "name=" + union.name() + "; orgCode=" + union.orgCode(),
                    "demo");
            Map<String, Long> deptIds = new HashMap<>();
            List<Member> toInsert = new java.util.ArrayList<>(people.size());
            for (SamplePerson p : people) {
                long deptId = deptIds.computeIfAbsent(p.department(),
                        d -> departments.findByName(d).orElseGet(() -> departments.insert(d)).id());
                MemberDraft draft = new MemberDraft(p.name(), p.gender(), p.ethnicity(), p.idNumber(), null,
                        p.mobile(), p.education(), p.politicalStatus(), deptId, p.job(), p.employmentType(),
                        p.migrantWorker(), p.householdType(), p.joinDate(), p.cardNo(), p.monthlyWageYuan(),
                        p.hardship(), p.hardshipLevel(), p.notes());
                MemberValidation.Result r = validation.validate(draft, null, p.status());
                if (r.hasErrors()) {
                    throw new IllegalStateException("demo member " + p.cardNo() + " is invalid: " + r.issues());
                }
                toInsert.add(r.member());
            }
            List<Long> ids = members.insertBatch(toInsert);
            List<MemberEvent> events = new java.util.ArrayList<>();
            List<cn.uniondesk.db.AuditRepository.Draft> auditRows = new java.util.ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                SamplePerson p = people.get(i);
                Member m = toInsert.get(i).withId(ids.get(i));
                events.add(new MemberEvent(null, m.id(), MemberEventType.JOIN, m.joinDate(), null, null, null, null,
                        MemberStatus.ACTIVE, DEMO_OPERATOR, clock.instant(), null));
                if (p.status() != MemberStatus.ACTIVE) {
                    events.add(new MemberEvent(null, m.id(), eventFor(p.status()), p.statusDate(), p.statusReason(),
                            null, p.counterpartUnion(), MemberStatus.ACTIVE, p.status(), DEMO_OPERATOR,
                            clock.instant(), null));
                }
                auditRows.add(new cn.uniondesk.db.AuditRepository.Draft("MEMBER_JOIN", "member",
                        Long.toString(m.id()), null, MemberService.snapshot(m), "demo"));
            }
            members.insertEvents(events);
            audit.recordAll(auditRows);
            return people.size();
        });
        LOG.info("Demo union loaded: {} members", n);
        if (dues != null) {
            loadDemoDues();
        }
        if (demoCases != null) {
            demoCases.load();
        }
        return n;
    }

    /**
     * Twelve months of dues up to the current month: wages from the first month, each month
     * rolled and paid by payroll deduction on the 25th, except a few members in arrears (two of
     * them for more than six months, so the review list is not empty).
     */
    private void loadDemoDues() {
        YearMonth last = YearMonth.now(clock);
        YearMonth first = last.minusMonths(11);
        List<MemberRow> rows = new java.util.ArrayList<>();
        members.forEachRow(rows::add);
        db.inTransaction(() -> {
            for (MemberRow r : rows) {
                members.findById(r.id()).ifPresent(m -> {
                    if (m.monthlyWageFen() != null) {
                        duesRepoSaveWage(m.id(), first, m.monthlyWageFen());
                    }
                });
            }
        });
        List<Long> ids = rows.stream().map(MemberRow::id).toList();
        java.util.Set<Long> longArrears = new java.util.HashSet<>(ids.subList(3, 5));
        java.util.Set<Long> shortArrears = new java.util.HashSet<>(ids.subList(10, 13));
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            DuesService.RollPreview p = dues.applyRoll(m);
            if (m.equals(last)) {
                break; // the current month is rolled but not yet deducted
            }
            List<DuesService.PaymentLine> lines = new java.util.ArrayList<>();
            YearMonth month = m;
            for (Charge c : dues.monthCharges(m)) {
                boolean skip = (longArrears.contains(c.memberId()) && month.isAfter(last.minusMonths(8)))
                        || (shortArrears.contains(c.memberId()) && month.isAfter(last.minusMonths(4)));
                if (c.amountFen() > 0 && !skip) {
                    lines.add(new DuesService.PaymentLine(c.memberId(), c.amountFen()));
                }
            }
            dues.recordPayments(lines, DuesService.Method.PAYROLL, m.atDay(25), DuesService.payrollBatchRef(m));
            LOG.debug("Demo dues {}: {} charges, {} payments", m, p.members(), lines.size());
        }
    }

    private void duesRepoSaveWage(long memberId, YearMonth from, long wageFen) {
        dues.saveWageQuietly(memberId, from, wageFen);
    }

    private static MemberEventType eventFor(MemberStatus s) {
        switch (s) {
            case TRANSFERRED_OUT:
                return MemberEventType.TRANSFER_OUT;
            case LEFT:
                return MemberEventType.LEAVE;
            case RETIRED:
                return MemberEventType.RETIRE;
            case DECEASED:
                return MemberEventType.DECEASE;
            default:
                throw new IllegalArgumentException(s.name());
        }
    }

    private static UnionInfo readUnion() {
        Properties p = new Properties();
        try (InputStream in = resource("union.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UnionInfo(p.getProperty("name"), p.getProperty("orgCode"), p.getProperty("upperUnion"),
                p.getProperty("regionCode"));
    }

    private static List<SamplePerson> readPeople() {
        try (InputStream in = resource("members.csv")) {
            return SampleCsv.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DemoDataService.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("demo data missing from the application: " + BASE + name);
        }
        return in;
    }

    /** Unused departments are still listed; exposed for tests. */
    public List<Department> departments() {
        return departments.findAll();
    }
}
