package cn.uniondesk.service;

import cn.uniondesk.db.AttachmentStore;
import cn.uniondesk.db.CaseRepository;
import cn.uniondesk.db.Database;
import cn.uniondesk.db.HardshipRepository;
import cn.uniondesk.db.MemberRepository;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.cases.Actor;
import cn.uniondesk.domain.cases.AidCase;
import cn.uniondesk.domain.cases.CaseAttachment;
import cn.uniondesk.domain.cases.CaseCap;
import cn.uniondesk.domain.cases.CaseEvent;
import cn.uniondesk.domain.cases.CaseFields;
import cn.uniondesk.domain.cases.CaseRow;
import cn.uniondesk.domain.cases.CaseRuleException;
import cn.uniondesk.domain.cases.CaseStateMachine;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.domain.cases.CaseTypeDef;
import cn.uniondesk.domain.cases.DuplicateWithin;
import cn.uniondesk.domain.cases.FieldDef;
import cn.uniondesk.domain.cases.LedgerRow;
import cn.uniondesk.domain.cases.Problem;
import cn.uniondesk.domain.cases.Transition;
import cn.uniondesk.domain.cases.TransitionKind;
import cn.uniondesk.domain.cases.Workflow;
import cn.uniondesk.domain.cases.WorkflowBook;
import cn.uniondesk.domain.cases.WorkflowState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Aid and cases (帮扶救助与案件): registration, edits, workflow steps, lists, the timeline,
 * attachments, the yearly caps, the duplicate-programme warning and the ledger rows. Workflows
 * come from the union's definitions ({@link WorkflowBook}); the rules the code keeps whatever
 * they say: the registrant neither approves nor pays, a case is paid once, amounts are in 分, a
 * blocking cap blocks. Every write is one transaction with its audit row.
 */
public final class CaseService {
    /** The bundled default definitions. */
    public static final String DEFAULT_WORKFLOWS = "/cn/uniondesk/domain/cases/workflows.json";
    /** Largest attachment accepted. */
    public static final long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    private final Database db;
    private final CaseRepository cases;
    private final HardshipRepository hardship;
    private final MemberRepository members;
    private final AttachmentStore store;
    private final Session session;
    private final AuditService audit;
    private final Clock clock;
    private volatile WorkflowBook book;

    public CaseService(Database db, CaseRepository cases, HardshipRepository hardship, MemberRepository members,
            AttachmentStore store, Session session, AuditService audit, Clock clock) {
        this.db = db;
        this.cases = cases;
        this.hardship = hardship;
        this.members = members;
        this.store = store;
        this.session = session;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a write returns: the case as stored, and warnings that did not block it. */
    public record Result(AidCase aidCase, List<Problem> warnings) {
    }

    /** Filters of the case list; every field may be null. {@code waitingForMe}: cases I can move on. */
    public record CaseQuery(CaseType type, String state, Long departmentId, LocalDate from, LocalDate to,
            boolean waitingForMe, Long memberId) {
        public static CaseQuery all() {
            return new CaseQuery(null, null, null, null, null, false, null);
        }
    }

    /** A case as a case view shows it. */
    public record CaseDetail(CaseRow row, Map<String, Object> values, List<CaseEvent> timeline,
            List<CaseAttachment> attachments, List<CaseStateMachine.ActionOption> actions) {
        public AidCase aidCase() {
            return row.aidCase();
        }
    }

    // --- definitions --------------------------------------------------------------------------

    /** The bundled definitions (no permission needed: they are part of the application). */
    public static WorkflowBook defaultWorkflows() {
        try (InputStream in = CaseService.class.getResourceAsStream(DEFAULT_WORKFLOWS)) {
            if (in == null) {
                throw new IllegalStateException("missing from the application: " + DEFAULT_WORKFLOWS);
            }
            return WorkflowBook.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The definitions in force: the union's own when saved, else the bundled ones. */
    public WorkflowBook workflows() {
        WorkflowBook b = book;
        if (b == null) {
            b = cases.config(CaseRepository.WORKFLOWS).map(WorkflowBook::parse).orElseGet(CaseService::defaultWorkflows);
            book = b;
        }
        return b;
    }

    public CaseStateMachine stateMachine() {
        return new CaseStateMachine(workflows());
    }

    /**
     * Replaces the union's workflow definitions (administrators). The document is checked as a
     * whole, and every state a case is in must still exist in its workflow.
     */
    public WorkflowBook saveWorkflows(String json) {
        session.require(Permission.ACCOUNT_ADMIN);
        WorkflowBook parsed = WorkflowBook.parse(json);
        db.inTransaction(() -> {
            for (Map.Entry<String, String> used : cases.statesInUse()) {
                Workflow wf = parsed.workflow(used.getKey()).orElse(null);
                if (wf == null || wf.state(used.getValue()).isEmpty()) {
                    throw new CaseRuleException("case.workflow.stateInUse", used.getKey(), used.getValue());
                }
            }
            String before = cases.config(CaseRepository.WORKFLOWS).orElse(null);
            cases.saveConfig(CaseRepository.WORKFLOWS, json, session.operator(), LocalDateTime.now(clock));
            audit.record("CASE_WORKFLOWS_SAVE", "case_config", CaseRepository.WORKFLOWS,
                    before == null ? "default" : Integer.toString(before.length()) + " chars",
                    json.length() + " chars", null);
        });
        book = parsed;
        return parsed;
    }

    // --- caps ---------------------------------------------------------------------------------

    public List<CaseCap> caps() {
        session.require(Permission.CASE_READ);
        return cases.caps();
    }

    /** Sets the yearly cap per member for a case type (warn or block). */
    public void setCap(CaseCap cap) {
        session.require(Permission.CASE_APPROVE);
        if (cap.yearlyLimit().fen() <= 0) {
            throw new CaseRuleException("case.cap.notPositive");
        }
        db.inTransaction(() -> {
            String before = cases.cap(cap.type()).map(Object::toString).orElse(null);
            cases.saveCap(cap, session.operator(), LocalDateTime.now(clock));
            audit.record("CASE_CAP_SET", "case_cap", cap.type().name(), before,
                    "limit=" + cap.yearlyLimit() + "; mode=" + cap.mode(), null);
        });
    }

    public void removeCap(CaseType type) {
        session.require(Permission.CASE_APPROVE);
        db.inTransaction(() -> {
            String before = cases.cap(type).map(Object::toString).orElse(null);
            cases.removeCap(type);
            audit.record("CASE_CAP_REMOVE", "case_cap", type.name(), before, null, null);
        });
    }

    // --- reading ------------------------------------------------------------------------------

    public AidCase get(long caseId) {
        session.require(Permission.CASE_READ);
        return cases.find(caseId).orElseThrow(() -> new NotFoundException("case.notFound", Long.toString(caseId)));
    }

    /** A case by number ({@code BF2026-0001}) or internal id. */
    public AidCase find(String key) {
        session.require(Permission.CASE_READ);
        String k = key == null ? "" : key.strip();
        return cases.findByNo(k.toUpperCase(java.util.Locale.ROOT))
                .or(() -> k.matches("\\d{1,18}") ? cases.find(Long.parseLong(k)) : java.util.Optional.empty())
                .orElseThrow(() -> new NotFoundException("case.notFound", k));
    }

    private Actor me() {
        return new Actor(session.operator(), session.role());
    }

    public List<CaseRow> list(CaseQuery q) {
        session.require(Permission.CASE_READ);
        WorkflowBook b = workflows();
        CaseStateMachine sm = new CaseStateMachine(b);
        List<CaseRow> rows = cases.list(q.type(), q.state() == null ? null : List.of(q.state()), q.departmentId(),
                q.from(), q.to(), q.memberId());
        if (!q.waitingForMe()) {
            return rows;
        }
        Actor me = me();
        return rows.stream().filter(r -> !sm.allowedActions(r.aidCase().type(), r.aidCase().state(), me,
                r.aidCase().registeredBy()).isEmpty()).toList();
    }

    /** A member's cases, newest first. */
    public List<CaseRow> memberCases(long memberId) {
        return list(new CaseQuery(null, null, null, null, null, false, memberId));
    }

    /** The steps out of the case's state, each allowed or refused (with the reason) for me. */
    public List<CaseStateMachine.ActionOption> actions(AidCase c) {
        session.require(Permission.CASE_READ);
        return stateMachine().options(c.type(), c.state(), me(), c.registeredBy());
    }

    public CaseDetail detail(long caseId) {
        session.require(Permission.CASE_READ);
        AidCase c = get(caseId);
        CaseRow row = cases.list(null, null, null, null, null, c.memberId()).stream()
                .filter(r -> r.aidCase().id() == caseId).findFirst()
                .orElseThrow(() -> new NotFoundException("case.notFound", Long.toString(caseId)));
        return new CaseDetail(row, c.values(workflows()), cases.events(caseId), cases.attachments(caseId), actions(c));
    }

    public List<CaseEvent> timeline(long caseId) {
        session.require(Permission.CASE_READ);
        return cases.events(caseId);
    }

    /** Paid cases with member, department, amount and date paid, for {@code from}..{@code to}. */
    public List<LedgerRow> ledger(LocalDate from, LocalDate to) {
        session.require(Permission.CASE_READ);
        if (from == null || to == null || to.isBefore(from)) {
            throw new CaseRuleException("case.ledger.badPeriod", String.valueOf(from), String.valueOf(to));
        }
        return cases.ledger(from, to);
    }

    // --- writing ------------------------------------------------------------------------------

    /**
     * Registers a case of {@code type} for a member with the given fields (name → text as typed;
     * amounts in yuan, dates ISO, choices by code or label). Warnings (a duplicate programme in
     * the period, a cap the requested amount would exceed) do not block.
     */
    public Result register(CaseType type, long memberId, Map<String, String> fields, String comment) {
        session.require(Permission.CASE_WRITE);
        Objects.requireNonNull(type, "type");
        WorkflowBook b = workflows();
        CaseTypeDef def = b.type(type);
        Workflow wf = b.workflowOf(type);
        members.findById(memberId).orElseThrow(() -> new NotFoundException("member.notFound",
                Long.toString(memberId)));
        Map<String, Object> values = parseFields(b, def, fields, null, false);
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        AidCase draft = new AidCase(0, null, type, wf.code(), wf.initial(), memberId, null, null, null, null, null,
                null, null, null, null, null, null, Map.of(), session.operator(), today, now, now).with(values);
        List<Object> missing = new CaseStateMachine(b).missing(type, wf.initial(), draft.values(b));
        if (draft.summary() == null && missing.stream().noneMatch(l -> l.equals(b.field(CaseFields.SUMMARY).label()))) {
            missing.add(0, b.field(CaseFields.SUMMARY).label());
        }
        if (!missing.isEmpty()) {
            throw new CaseRuleException("case.fieldsRequired", wf.requireState(wf.initial()).label(), missing);
        }
        List<Problem> warnings = new ArrayList<>(duplicateWarnings(b, draft));
        if (draft.requested() != null) {
            capProblem(b, draft, draft.requested(), today.getYear()).ifPresent(warnings::add);
        }
        AidCase stored = db.inTransaction(() -> {
            String no = cases.nextCaseNo(today.getYear());
            AidCase c = new AidCase(0, no, type, wf.code(), wf.initial(), memberId, draft.summary(), draft.subkind(),
                    draft.programmePeriod(), draft.requested(), null, null, null, null, null, null, draft.outcome(),
                    draft.details(), session.operator(), today, now, now);
            long id = cases.insert(c);
            String changes = describe(b, Map.of(), values);
            cases.insertEvent(new CaseEvent(null, id, CaseEvent.REGISTER, null, wf.initial(), session.operator(),
                    session.role().name(), now, blankToNull(comment), changes));
            audit.record("CASE_REGISTER", "case", no, null, "type=" + type + "; member=" + memberId + "; " + changes,
                    null);
            return cases.find(id).orElseThrow();
        });
        return new Result(stored, List.copyOf(warnings));
    }

    /**
     * Edits fields of a case that is not closed. Amounts approved and payment details are set
     * only by the approving and paying steps; the requested amount is fixed once approved.
     */
    public Result update(long caseId, Map<String, String> fields, String comment) {
        session.require(Permission.CASE_WRITE);
        WorkflowBook b = workflows();
        AidCase c = get(caseId);
        Workflow wf = b.workflowOf(c.type());
        WorkflowState st = wf.requireState(c.state());
        if (st.terminal() || c.isPaid()) {
            throw new CaseRuleException("case.update.closed", c.caseNo(), st.label());
        }
        Map<String, Object> values = parseFields(b, b.type(c.type()), fields, null, false);
        if (c.approvedOn() != null && values.containsKey(CaseFields.REQUESTED_AMOUNT)) {
            throw new CaseRuleException("case.field.lockedAfterApproval", b.field(CaseFields.REQUESTED_AMOUNT).label());
        }
        Map<String, Object> before = c.values(b);
        AidCase after = c.with(values);
        List<Object> missing = new CaseStateMachine(b).missing(c.type(), c.state(), after.values(b));
        if (after.summary() == null) {
            missing.add(b.field(CaseFields.SUMMARY).label());
        }
        if (!missing.isEmpty()) {
            throw new CaseRuleException("case.fieldsRequired", st.label(), missing);
        }
        String changes = describe(b, before, values);
        if (changes.isEmpty()) {
            return new Result(c, List.of());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        AidCase stored = db.inTransaction(() -> {
            if (!cases.update(after.withState(c.state(), c.approvedOn(), c.paidBy(), now), c.state())) {
                throw new CaseRuleException("case.changedMeanwhile", c.caseNo());
            }
            cases.insertEvent(new CaseEvent(null, caseId, CaseEvent.UPDATE, c.state(), c.state(), session.operator(),
                    session.role().name(), now, blankToNull(comment), changes));
            audit.record("CASE_UPDATE", "case", c.caseNo(), describe(b, Map.of(), changedBefore(before, values)),
                    changes, blankToNull(comment));
            return cases.find(caseId).orElseThrow();
        });
        List<Problem> warnings = new ArrayList<>();
        if (values.containsKey(CaseFields.PROGRAMME_PERIOD)) {
            warnings.addAll(duplicateWarnings(b, stored));
        }
        return new Result(stored, warnings);
    }

    /**
     * Takes a workflow step. {@code fields} may set fields on the way (the approved amount when
     * approving; amount, method and date when paying; the outcome when concluding). Refused with
     * a clear message when the role may not, when I registered the case and the step approves or
     * pays it, when a comment or a required field is missing, when a blocking cap would be
     * exceeded, or when the case was paid already.
     */
    public Result transition(long caseId, String action, String comment, Map<String, String> fields) {
        session.require(Permission.CASE_READ);
        WorkflowBook b = workflows();
        AidCase c = get(caseId);
        Workflow wf = b.workflowOf(c.type());
        Transition t = wf.from(c.state()).stream().filter(x -> x.action().equals(action)).findFirst().orElse(null);
        boolean payAction = wf.transitions().stream()
                .anyMatch(x -> x.kind() == TransitionKind.PAY && x.action().equals(action));
        if (payAction && c.isPaid()) {
            throw new CaseRuleException("case.alreadyPaid", c.caseNo(), c.paidOn().toString());
        }
        CaseStateMachine sm = new CaseStateMachine(b);
        if (t == null) {
            sm.check(c.type(), c.state(), action, me(), c.registeredBy(), c.values(b), comment); // says why
        }
        Map<String, Object> values = parseFields(b, b.type(c.type()), fields, t.kind(), false);
        Map<String, Object> before = c.values(b);
        AidCase after = c.with(values);
        Transition checked = sm.check(c.type(), c.state(), action, me(), c.registeredBy(), after.values(b), comment);
        List<Object> stepMissing = new ArrayList<>();
        if (checked.kind() == TransitionKind.PAY) {
            for (String f : List.of(CaseFields.PAID_AMOUNT, CaseFields.PAYMENT_METHOD, CaseFields.PAID_ON)) {
                if (after.values(b).get(f) == null) {
                    stepMissing.add(b.field(f).label());
                }
            }
        }
        if (checked.kind() == TransitionKind.APPROVE && wf.hasPayment() && after.approved() == null) {
            stepMissing.add(b.field(CaseFields.APPROVED_AMOUNT).label());
        }
        if (!stepMissing.isEmpty()) {
            throw new CaseRuleException("case.fieldsRequired", wf.requireState(checked.to()).label(), stepMissing);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        List<Problem> warnings = new ArrayList<>();
        LocalDate approvedOn = c.approvedOn();
        String paidBy = c.paidBy();
        if (checked.kind() == TransitionKind.APPROVE) {
            approvedOn = today;
            if (after.approved() != null) {
                capProblem(b, after, after.approved(), today.getYear()).ifPresent(p -> {
                    if ("case.cap.blocked".equals(p.messageKey())) {
                        throw new CaseRuleException(List.of(p));
                    }
                    warnings.add(p);
                });
                if (after.requested() != null && after.approved().compareTo(after.requested()) > 0) {
                    warnings.add(Problem.of("case.approvedOverRequested", after.approved().toYuanString(),
                            after.requested().toYuanString()));
                }
            }
            warnings.addAll(duplicateWarnings(b, after));
        }
        if (checked.kind() == TransitionKind.PAY) {
            if (after.approved() != null && after.paid().compareTo(after.approved()) > 0) {
                throw new CaseRuleException("case.paidOverApproved", after.paid().toYuanString(),
                        after.approved().toYuanString());
            }
            if (after.paidOn().isAfter(today)) {
                throw new CaseRuleException("case.paidInFuture", after.paidOn().toString());
            }
            if (c.approvedOn() != null && after.paidOn().isBefore(c.approvedOn())) {
                throw new CaseRuleException("case.paidBeforeApproval", after.paidOn().toString(),
                        c.approvedOn().toString());
            }
            paidBy = session.operator();
        }
        AidCase next = after.withState(checked.to(), approvedOn, paidBy, now);
        String changes = describe(b, before, values);
        AidCase stored = db.inTransaction(() -> {
            if (!cases.update(next, c.state())) {
                throw new CaseRuleException("case.changedMeanwhile", c.caseNo());
            }
            cases.insertEvent(new CaseEvent(null, caseId, checked.action(), c.state(), checked.to(),
                    session.operator(), session.role().name(), now, blankToNull(comment), blankToNull(changes)));
            audit.record("CASE_" + checked.action().toUpperCase(java.util.Locale.ROOT), "case", c.caseNo(),
                    "state=" + c.state(), "state=" + checked.to() + (changes.isEmpty() ? "" : "; " + changes),
                    blankToNull(comment));
            return cases.find(caseId).orElseThrow();
        });
        return new Result(stored, List.copyOf(warnings));
    }

    /** The warnings registering or approving would give now, without writing (for forms). */
    public List<Problem> previewWarnings(CaseType type, long memberId, Map<String, String> fields) {
        session.require(Permission.CASE_READ);
        WorkflowBook b = workflows();
        Map<String, Object> values = parseFields(b, b.type(type), fields, null, true);
        LocalDateTime now = LocalDateTime.now(clock);
        AidCase draft = new AidCase(0, null, type, b.type(type).workflow(), b.workflowOf(type).initial(), memberId,
                null, null, null, null, null, null, null, null, null, null, null, Map.of(), session.operator(),
                now.toLocalDate(), now, now).with(values);
        List<Problem> out = new ArrayList<>(duplicateWarnings(b, draft));
        Money amount = draft.approved() != null ? draft.approved() : draft.requested();
        if (amount != null) {
            capProblem(b, draft, amount, now.getYear()).ifPresent(out::add);
        }
        return out;
    }

    // --- attachments --------------------------------------------------------------------------

    /** Adds a file to a case: stored by its SHA-256 (encrypted like the database), listed on the case. */
    public CaseAttachment addAttachment(long caseId, String fileName, byte[] content) {
        session.require(Permission.CASE_WRITE);
        AidCase c = get(caseId);
        String name = safeName(fileName);
        if (content == null || content.length == 0) {
            throw new CaseRuleException("case.attachment.empty", name);
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw new CaseRuleException("case.attachment.tooLarge", name, MAX_ATTACHMENT_BYTES / (1024 * 1024));
        }
        AttachmentStore.Stored s = store.put(content);
        LocalDateTime now = LocalDateTime.now(clock);
        long id = db.inTransaction(() -> {
            long aid = cases.insertAttachment(caseId, name, s.size(), s.sha256(), s.encrypted(), session.operator(),
                    now);
            cases.insertEvent(new CaseEvent(null, caseId, CaseEvent.ATTACH, c.state(), c.state(), session.operator(),
                    session.role().name(), now, null, name + " (" + s.size() + " B, SHA-256 " + s.sha256() + ")"));
            audit.record("CASE_ATTACH", "case", c.caseNo(), null, "name=" + name + "; sha256=" + s.sha256(), null);
            return aid;
        });
        return cases.attachment(id).orElseThrow();
    }

    /** Adds a file from disk. */
    public CaseAttachment addAttachment(long caseId, Path file) {
        byte[] content;
        try {
            if (Files.size(file) > MAX_ATTACHMENT_BYTES) {
                throw new CaseRuleException("case.attachment.tooLarge", file.getFileName().toString(),
                        MAX_ATTACHMENT_BYTES / (1024 * 1024));
            }
            content = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CaseRuleException("case.attachment.noFile", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return addAttachment(caseId, file.getFileName().toString(), content);
    }

    public List<CaseAttachment> attachments(long caseId) {
        session.require(Permission.CASE_READ);
        return cases.attachments(caseId);
    }

    /**
     * The content of an attachment, checked against its SHA-256; a damaged or altered file is
     * refused ({@code case.attachment.damaged}). Opening is recorded in the audit trail.
     */
    public byte[] readAttachment(long attachmentId) {
        session.require(Permission.CASE_READ);
        CaseAttachment a = cases.attachment(attachmentId)
                .orElseThrow(() -> new NotFoundException("case.attachment.notFound", Long.toString(attachmentId)));
        byte[] content;
        try {
            content = store.read(a.sha256(), a.encrypted());
        } catch (AttachmentStore.DamagedException e) {
            throw new CaseRuleException(e.missing() ? "case.attachment.missing" : "case.attachment.damaged", a.name());
        }
        db.inTransaction(() -> {
            audit.record("CASE_ATTACHMENT_OPEN", "case_attachment", Long.toString(a.id()), null, a.name(), null);
        });
        return content;
    }

    /** Writes a checked copy of an attachment into {@code dir} (for the system viewer); returns its path. */
    public Path extractAttachment(long attachmentId, Path dir) {
        byte[] content = readAttachment(attachmentId);
        CaseAttachment a = cases.attachment(attachmentId).orElseThrow();
        try {
            Files.createDirectories(dir);
            Path out = dir.resolve(a.id() + "-" + a.name());
            Files.write(out, content);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String safeName(String fileName) {
        String n = fileName == null ? "" : fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "attachment";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    // --- rules --------------------------------------------------------------------------------

    /**
     * Parses the typed fields; every problem is collected. A field the type does not use is
     * refused, and so are fields only a step sets (unless {@code step} is that step).
     */
    private static Map<String, Object> parseFields(WorkflowBook b, CaseTypeDef def, Map<String, String> fields,
            TransitionKind step, boolean anyField) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (fields == null) {
            return out;
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String name = e.getKey() == null ? "" : e.getKey().strip();
            FieldDef f = b.fields().get(name);
            if (f == null || !def.fields().contains(name)) {
                problems.add(Problem.of("case.field.notForType", name, def.label(),
                        def.fields().stream().map(n -> (Object) b.field(n).label()).toList()));
                continue;
            }
            if (!anyField && (CaseFields.setByApproval(name) && step != TransitionKind.APPROVE
                    || CaseFields.setByPayment(name) && step != TransitionKind.PAY)) {
                problems.add(Problem.of("case.field.setByStep", f.label()));
                continue;
            }
            try {
                out.put(name, f.parse(e.getValue()));
            } catch (CaseRuleException ex) {
                problems.addAll(ex.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseRuleException(problems);
        }
        return out;
    }

    /** The states cases are never counted in: where rejecting leads. */
    private static Set<String> rejectedStates(Workflow wf) {
        return wf.transitions().stream().filter(t -> t.kind() == TransitionKind.REJECT).map(Transition::to)
                .collect(Collectors.toSet());
    }

    /** Cases of the same programme for the same household within the type's period. */
    private List<Problem> duplicateWarnings(WorkflowBook b, AidCase c) {
        CaseTypeDef def = b.type(c.type());
        if (def.duplicateWithin() == DuplicateWithin.NONE) {
            return List.of();
        }
        Set<String> leaveOut = rejectedStates(b.workflowOf(c.type()));
        Set<Long> household = hardship.householdOf(c.memberId());
        List<Problem> out = new ArrayList<>();
        for (AidCase other : cases.casesOf(household, c.type(), leaveOut, c.id())) {
            boolean same;
            switch (def.duplicateWithin()) {
                case MONTH:
                    same = YearMonth.from(other.registeredOn()).equals(YearMonth.from(c.registeredOn()));
                    break;
                case YEAR:
                    same = other.registeredOn().getYear() == c.registeredOn().getYear();
                    break;
                case PROGRAMME:
                    same = c.programmePeriod() != null && other.programmePeriod() != null
                            && normalise(c.programmePeriod()).equals(normalise(other.programmePeriod()));
                    break;
                default:
                    same = false;
            }
            if (same) {
                String who = members.findById(other.memberId()).map(m -> m.name()).orElse("?");
                out.add(Problem.of(other.memberId() == c.memberId() ? "case.duplicate.sameMember"
                        : "case.duplicate.household", def.label(), other.caseNo(), who,
                        def.duplicateWithin() == DuplicateWithin.PROGRAMME ? c.programmePeriod()
                                : def.duplicateWithin() == DuplicateWithin.YEAR
                                        ? Integer.toString(c.registeredOn().getYear())
                                        : YearMonth.from(c.registeredOn()).toString()));
            }
        }
        return out;
    }

    private static String normalise(String s) {
        return cn.uniondesk.domain.TextNormalizer.compact(s);
    }

    /** A cap problem for {@code amount} on top of what the member had this year: warn, or block. */
    private java.util.Optional<Problem> capProblem(WorkflowBook b, AidCase c, Money amount, int year) {
        return cases.cap(c.type()).flatMap(cap -> {
            Money already = Money.ofFen(cases.approvedInYear(c.memberId(), c.type(), year, c.id()));
            if (!cap.exceededBy(already, amount)) {
                return java.util.Optional.empty();
            }
            // before approval a blocking cap is a warning of what approval will refuse
            String key = cap.mode() == CaseCap.Mode.WARN ? "case.cap.warn"
                    : c.id() == 0 ? "case.cap.wouldBlock" : "case.cap.blocked";
            return java.util.Optional.of(Problem.of(key, b.typeLabel(c.type()), Integer.toString(year),
                    cap.yearlyLimit().toYuanString(), already.toYuanString(), amount.toYuanString()));
        });
    }

    private static Map<String, Object> changedBefore(Map<String, Object> before, Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : values.keySet()) {
            out.put(k, before.get(k));
        }
        return out;
    }

    /** {@code 申请金额: 1000.00 → 1200.00; 事由: …} — only the fields that change. */
    private static String describe(WorkflowBook b, Map<String, Object> before, Map<String, Object> values) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object old = before.get(e.getKey());
            if (Objects.equals(old, e.getValue()) && !before.isEmpty()) {
                continue;
            }
            String label = b.fields().containsKey(e.getKey()) ? b.field(e.getKey()).label().zh() : e.getKey();
            String now = e.getValue() == null ? "" : FieldDef.format(e.getValue());
            parts.add(before.isEmpty() ? label + "=" + now
                    : label + ": " + (old == null ? "" : FieldDef.format(old)) + " → " + now);
        }
        return String.join("; ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
