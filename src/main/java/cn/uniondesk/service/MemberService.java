package cn.uniondesk.service;

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
import cn.uniondesk.domain.MemberLifecycle;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.MemberValidation;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.Regions;
import cn.uniondesk.domain.TextNormalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member register's use cases. Each write is one transaction: the member row and its event
 * are stored together or not at all.
 */
public final class MemberService {
    private static final Logger LOG = LoggerFactory.getLogger(MemberService.class);

    private final Database db;
    private final MemberRepository members;
    private final DepartmentRepository departments;
    private final Session session;
    private final Clock clock;
    private final Regions regions;
    private final AuditService audit;
    private final MemberSearchIndex index = new MemberSearchIndex();
    private volatile boolean indexLoaded;

    public MemberService(Database db, MemberRepository members, DepartmentRepository departments, Session session,
            Clock clock, Regions regions, AuditService audit) {
        this.audit = audit;
        this.db = db;
        this.members = members;
        this.departments = departments;
        this.session = session;
        this.clock = clock;
        this.regions = regions;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public MemberValidation validation() {
        return new MemberValidation(today(), regions);
    }

    public Regions regions() {
        return regions;
    }

    // --- reading ---------------------------------------------------------------------------

    /** Search as you type; returns null when {@code cancelled} turned true during the scan. */
    public List<MemberRow> search(MemberQuery query, BooleanSupplier cancelled) {
        session.require(Permission.MEMBER_READ);
        ensureIndex();
        return index.search(query, cancelled);
    }

    public List<MemberRow> search(MemberQuery query) {
        return search(query, () -> false);
    }

    /** Loads the search index now (it is otherwise loaded by the first search). */
    public synchronized void ensureIndex() {
        if (!indexLoaded) {
            List<MemberRow> rows = new ArrayList<>();
            members.forEachRow(rows::add);
            index.load(rows);
            indexLoaded = true;
            LOG.info("Search index loaded with {} members", rows.size());
        }
    }

    /** Forgets the search index, after writes that bypassed this service (bulk import). */
    public synchronized void invalidateIndex() {
        indexLoaded = false;
    }

    public Member get(long id) {
        session.require(Permission.MEMBER_READ);
        return members.findById(id).orElseThrow(() -> new NotFoundException("member.notFound", String.valueOf(id)));
    }

    /** By ID number (any accepted form, 15 or 18 digits), card number, or internal id. */
    public Optional<Member> find(String idOrCard) {
        session.require(Permission.MEMBER_READ);
        String s = TextNormalizer.compact(idOrCard);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Member> byId = members.findByIdNumber(IdNumber.parse(s, today(), regions).value());
            if (byId.isPresent()) {
                return byId;
            }
        } catch (InvalidIdNumberException e) {
            // not an ID number: try the other keys
        }
        Optional<Member> byCard = members.findByCardNo(s);
        if (byCard.isPresent()) {
            return byCard;
        }
        if (s.chars().allMatch(Character::isDigit) && s.length() < 12) {
            return members.findById(Long.parseLong(s));
        }
        return Optional.empty();
    }

    public List<MemberEvent> history(long memberId) {
        session.require(Permission.MEMBER_READ);
        return members.events(memberId);
    }

    public int count() {
        return members.count();
    }

    public int countByStatus(MemberStatus status) {
        return members.countByStatus(status);
    }

    public List<Department> departments() {
        return departments.findAll();
    }

    public Optional<String> departmentName(Long id) {
        return id == null ? Optional.empty() : departments.findById(id).map(Department::name);
    }

    // --- writing ---------------------------------------------------------------------------

    /**
     * Adds a person to the register by 入会 (dated on the join date) or 转入 (dated
     * {@code request.date()}, with the sending union and its reference).
     *
     * @throws ValidationException with every issue when anything is wrong; nothing is written
     */
    public SaveResult register(MemberDraft draft, LifecycleRequest entry) {
        session.require(Permission.MEMBER_WRITE);
        MemberEventType type = entry == null ? MemberEventType.JOIN : entry.type();
        if (type != MemberEventType.JOIN && type != MemberEventType.TRANSFER_IN) {
            throw new IllegalArgumentException("a new member enters by JOIN or TRANSFER_IN, not " + type);
        }
        MemberValidation.Result result = validation().validate(draft, null, MemberStatus.ACTIVE);
        List<FieldIssue> issues = new ArrayList<>(result.issues());
        if (type == MemberEventType.TRANSFER_IN) {
            requireText(issues, entry.counterpartUnion(), MemberField.NOTES, "lifecycle.counterpartRequired");
        }
        if (result.member() != null) {
            checkUnique(result.member(), issues);
        }
        throwIfErrors(issues);
        Member m = result.member();
        LocalDate eventDate = type == MemberEventType.JOIN || entry.date() == null ? m.joinDate() : entry.date();
        long id = db.inTransaction(() -> {
            long newId = members.insert(m);
            members.insertEvent(new MemberEvent(null, newId, type, eventDate,
                    entry == null ? null : emptyToNull(entry.reason()),
                    entry == null ? null : emptyToNull(entry.referenceNo()),
                    entry == null ? null : emptyToNull(entry.counterpartUnion()), null, MemberStatus.ACTIVE,
                    session.operator(), clock.instant(), null));
            audit.record("MEMBER_" + type.name(), "member", Long.toString(newId), null, snapshot(m.withId(newId)),
                    entry == null ? null : emptyToNull(entry.reason()));
            return newId;
        });
        refreshIndex(id);
        LOG.info("Member {} registered by {} ({})", id, session.operator(), type);
        return new SaveResult(id, warnings(issues));
    }

    /**
     * Saves edited fields of a stored member; the changes are recorded as an UPDATE event
     * (ID number and mobile masked in the history).
     */
    public SaveResult update(long id, MemberDraft draft) {
        session.require(Permission.MEMBER_WRITE);
        Member before = get(id);
        MemberValidation.Result result = validation().validate(draft, id, before.status());
        List<FieldIssue> issues = new ArrayList<>(result.issues());
        if (result.member() != null) {
            checkUnique(result.member(), issues);
        }
        throwIfErrors(issues);
        Member after = result.member();
        String changes = describeChanges(before, after);
        if (changes.isEmpty()) {
            return new SaveResult(id, warnings(issues));
        }
        db.inTransaction(() -> {
            members.update(after);
            members.insertEvent(new MemberEvent(null, id, MemberEventType.UPDATE, today(), null, null, null,
                    before.status(), before.status(), session.operator(), clock.instant(), changes));
            audit.record("MEMBER_UPDATE", "member", Long.toString(id), snapshot(before), snapshot(after), null);
        });
        refreshIndex(id);
        return new SaveResult(id, warnings(issues));
    }

    /**
     * Takes a lifecycle step: 转出, 退会, 退休, 去世, or coming back by 入会/转入.
     *
     * @throws cn.uniondesk.domain.LifecycleException when the step is not allowed from the status
     * @throws ValidationException when date, reason or counterpart are missing or wrong
     */
    public MemberEvent applyLifecycle(long id, LifecycleRequest req) {
        session.require(Permission.MEMBER_WRITE);
        Member m = get(id);
        MemberStatus next = MemberLifecycle.next(m.status(), req.type());
        List<FieldIssue> issues = new ArrayList<>();
        if (req.date() == null) {
            issues.add(FieldIssue.error(MemberField.STATUS, "lifecycle.dateRequired"));
        } else if (req.date().isAfter(today())) {
            issues.add(FieldIssue.error(MemberField.STATUS, "validation.futureDate"));
        } else if (req.date().isBefore(m.joinDate())) {
            issues.add(FieldIssue.error(MemberField.STATUS, "lifecycle.beforeJoin"));
        }
        if (req.type() != MemberEventType.JOIN && req.type() != MemberEventType.TRANSFER_IN) {
            requireText(issues, req.reason(), MemberField.STATUS, "lifecycle.reasonRequired");
        }
        if (MemberLifecycle.isTransfer(req.type())) {
            requireText(issues, req.counterpartUnion(), MemberField.STATUS, "lifecycle.counterpartRequired");
        }
        throwIfErrors(issues);
        MemberEvent event = new MemberEvent(null, id, req.type(), req.date(), emptyToNull(req.reason()),
                emptyToNull(req.referenceNo()), emptyToNull(req.counterpartUnion()), m.status(), next,
                session.operator(), clock.instant(), null);
        long eventId = db.inTransaction(() -> {
            members.updateStatus(id, next);
            long evId = members.insertEvent(event);
            audit.record("MEMBER_" + req.type().name(), "member", Long.toString(id), "status=" + m.status(),
                    "status=" + next + "; date=" + req.date()
                            + (event.counterpartUnion() == null ? "" : "; counterpart=" + event.counterpartUnion())
                            + (event.referenceNo() == null ? "" : "; reference=" + event.referenceNo()),
                    event.reason());
            return evId;
        });
        refreshIndex(id);
        LOG.info("Member {} {} -> {} by {}", id, m.status(), next, session.operator());
        return new MemberEvent(eventId, event.memberId(), event.type(), event.eventDate(), event.reason(),
                event.referenceNo(), event.counterpartUnion(), event.statusBefore(), event.statusAfter(),
                event.operator(), event.recordedAt(), event.details());
    }

    /**
     * Records that the current user is about to see or export sensitive fields unmasked, and why.
     *
     * @throws PermissionDeniedException when the role may not see them
     * @throws RuleViolationException when no reason was given
     */
    public void recordSensitiveAccess(String what, String reason) {
        session.require(Permission.SENSITIVE_VIEW);
        if (TextNormalizer.normalize(reason).isEmpty()) {
            throw new RuleViolationException("sensitive.reasonRequired");
        }
        db.inTransaction(() -> {
            audit.record("SENSITIVE_VIEW", "member", null, null, what, TextNormalizer.normalize(reason));
        });
    }

    /**
     * The edit form shows a member's full ID and mobile numbers: recorded as a sensitive view
     * with its purpose (editing), like any other unmasked view.
     */
    public void recordEditAccess(long memberId) {
        session.require(Permission.MEMBER_WRITE);
        db.inTransaction(() -> {
            audit.record("SENSITIVE_VIEW", "member", Long.toString(memberId), null, "member edit form",
                    "编辑会员资料");
        });
    }

    /** Finds a department by name, creating it when absent. */
    public Department departmentNamed(String name) {
        session.require(Permission.MEMBER_WRITE);
        String n = TextNormalizer.normalize(name);
        return db.inTransaction(() -> departments.findByName(n).orElseGet(() -> {
            Department d = departments.insert(n);
            audit.record("DEPARTMENT_CREATE", "department", Long.toString(d.id()), null, "name=" + n, null);
            return d;
        }));
    }

    // --- helpers ----------------------------------------------------------------------------

    /**
     * Puts a changed member into the search index. Synchronized with {@link #ensureIndex}: a
     * write that commits while the index is first loading waits for the load and is then added,
     * so it cannot go missing from search.
     */
    private synchronized void refreshIndex(long id) {
        if (indexLoaded) {
            members.findRow(id).ifPresent(index::put);
        }
    }

    private void checkUnique(Member m, List<FieldIssue> issues) {
        members.findByIdNumber(m.idNumber().value())
                .filter(other -> !Objects.equals(other.id(), m.id()))
                .ifPresent(other -> issues.add(FieldIssue.error(MemberField.ID_NUMBER, "validation.duplicateId",
                        other.name())));
        if (m.cardNo() != null) {
            members.findByCardNo(m.cardNo())
                    .filter(other -> !Objects.equals(other.id(), m.id()))
                    .ifPresent(other -> issues.add(FieldIssue.error(MemberField.CARD_NO, "validation.duplicateCard",
                            other.name())));
        }
        if (m.departmentId() != null && departments.findById(m.departmentId()).isEmpty()) {
            issues.add(FieldIssue.error(MemberField.DEPARTMENT, "validation.unknownDepartment"));
        }
    }

    private static void requireText(List<FieldIssue> issues, String text, MemberField f, String key) {
        if (TextNormalizer.normalize(text).isEmpty()) {
            issues.add(FieldIssue.error(f, key));
        }
    }

    private static void throwIfErrors(List<FieldIssue> issues) {
        if (issues.stream().anyMatch(FieldIssue::isError)) {
            throw new ValidationException(issues);
        }
    }

    private static List<FieldIssue> warnings(List<FieldIssue> issues) {
        return issues.stream().filter(i -> !i.isError()).toList();
    }

    private static String emptyToNull(String s) {
        String n = TextNormalizer.normalize(s);
        return n.isEmpty() ? null : n;
    }

    /** The member's fields as one line of {@code FIELD=value} pairs, for the audit trail. */
    static String snapshot(Member m) {
        StringBuilder sb = new StringBuilder();
        sb.append("NAME=").append(m.name()).append("; GENDER=").append(m.gender()).append("; ID_NUMBER=")
                .append(m.idNumber().value()).append("; MOBILE=").append(m.mobile() == null ? "" : m.mobile())
                .append("; DEPARTMENT=").append(m.departmentId() == null ? "" : m.departmentId())
                .append("; JOIN_DATE=").append(m.joinDate()).append("; CARD_NO=")
                .append(m.cardNo() == null ? "" : m.cardNo()).append("; MONTHLY_WAGE_FEN=")
                .append(m.monthlyWageFen() == null ? "" : m.monthlyWageFen()).append("; STATUS=").append(m.status())
                .append("; ETHNICITY=").append(m.ethnicity() == null ? "" : m.ethnicity()).append("; EDUCATION=")
                .append(m.education() == null ? "" : m.education()).append("; POLITICAL_STATUS=")
                .append(m.politicalStatus() == null ? "" : m.politicalStatus()).append("; JOB=")
                .append(m.job() == null ? "" : m.job()).append("; EMPLOYMENT_TYPE=")
                .append(m.employmentType() == null ? "" : m.employmentType()).append("; MIGRANT_WORKER=")
                .append(m.migrantWorker()).append("; HARDSHIP=").append(m.hardship()).append("; HARDSHIP_LEVEL=")
                .append(m.hardshipLevel() == null ? "" : m.hardshipLevel());
        return sb.toString();
    }

    /** "FIELD: old → new" lines for the fields that differ; sensitive values masked. */
    static String describeChanges(Member a, Member b) {
        StringBuilder sb = new StringBuilder();
        diff(sb, MemberField.NAME, a, b, Member::name);
        diff(sb, MemberField.GENDER, a, b, m -> m.gender().name());
        diff(sb, MemberField.ETHNICITY, a, b, Member::ethnicity);
        diff(sb, MemberField.ID_NUMBER, a, b, m -> m.idNumber().masked());
        if (!a.idNumber().equals(b.idNumber()) && a.idNumber().masked().equals(b.idNumber().masked())) {
            sb.append(MemberField.ID_NUMBER).append(": ").append(a.idNumber().masked()).append(" → ")
                    .append(b.idNumber().masked()).append('\n');
        }
        diff(sb, MemberField.MOBILE, a, b, m -> m.mobile() == null ? null : cn.uniondesk.domain.MaskingPolicy.mobile(m.mobile()));
        diff(sb, MemberField.EDUCATION, a, b, Member::education);
        diff(sb, MemberField.POLITICAL_STATUS, a, b, Member::politicalStatus);
        diff(sb, MemberField.DEPARTMENT, a, b, m -> m.departmentId() == null ? null : m.departmentId().toString());
        diff(sb, MemberField.JOB, a, b, Member::job);
        diff(sb, MemberField.EMPLOYMENT_TYPE, a, b, Member::employmentType);
        diff(sb, MemberField.MIGRANT_WORKER, a, b, m -> Boolean.toString(m.migrantWorker()));
        diff(sb, MemberField.HOUSEHOLD_TYPE, a, b, m -> m.householdType() == null ? null : m.householdType().name());
        diff(sb, MemberField.JOIN_DATE, a, b, m -> m.joinDate().toString());
        diff(sb, MemberField.CARD_NO, a, b, Member::cardNo);
        diff(sb, MemberField.MONTHLY_WAGE, a, b,
                m -> m.monthlyWageFen() == null ? null : Money.ofFen(m.monthlyWageFen()).toYuanString());
        diff(sb, MemberField.HARDSHIP, a, b, m -> Boolean.toString(m.hardship()));
        diff(sb, MemberField.HARDSHIP_LEVEL, a, b, Member::hardshipLevel);
        diff(sb, MemberField.NOTES, a, b, Member::notes);
        return sb.toString().strip();
    }

    private static void diff(StringBuilder sb, MemberField f, Member a, Member b, Function<Member, String> get) {
        String x = get.apply(a);
        String y = get.apply(b);
        if (!Objects.equals(x, y)) {
            sb.append(f).append(": ").append(x == null ? "" : x).append(" → ").append(y == null ? "" : y).append('\n');
        }
    }
}
