package cn.uniondesk.service;

import cn.uniondesk.db.Database;
import cn.uniondesk.domain.MaskingPolicy;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.TextNormalizer;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.domain.cases.AidCase;
import cn.uniondesk.domain.cases.CaseAttachment;
import cn.uniondesk.domain.cases.CaseEvent;
import cn.uniondesk.domain.cases.CaseFields;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.domain.cases.Eligibility;
import cn.uniondesk.domain.cases.FieldDef;
import cn.uniondesk.domain.cases.FieldKind;
import cn.uniondesk.domain.cases.HardshipEnums;
import cn.uniondesk.domain.cases.HardshipFile;
import cn.uniondesk.domain.cases.HouseholdMember;
import cn.uniondesk.domain.cases.Label;
import cn.uniondesk.domain.cases.LedgerRow;
import cn.uniondesk.domain.cases.Transition;
import cn.uniondesk.domain.cases.WorkflowBook;
import cn.uniondesk.excel.AidLedgerXlsx;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.report.AidLedgerPdf;
import cn.uniondesk.report.AidNoticePdf;
import cn.uniondesk.report.ApprovalFormPdf;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The documents of aid and cases (帮扶): the approval form of one case (帮扶审批表, PDF), the aid
 * ledger of a period (帮扶救助台账, Excel and PDF) and the public notice (公示, PDF). Each method
 * assembles the document's data through the case, hardship and member services (so their
 * permission checks apply), writes the file, and records the print in the audit trail: the
 * approval form carries health and income details, and a notice is a publication.
 *
 * <p>Texts come from the message bundle; Chinese unless a {@link Messages} is given. ID numbers
 * and bank accounts are masked as {@link MaskingPolicy} masks them, unless the caller may see them
 * and gives a reason (recorded); a notice shows names partly masked and no ID numbers at all.
 */
public final class CaseDocumentService {
    /** Working days a notice stays posted, as printed on it (the common practice: 5). */
    public static final int NOTICE_DAYS = 5;

    private final Database db;
    private final CaseService cases;
    private final HardshipService hardship;
    private final MemberService members;
    private final UnionService union;
    private final Session session;
    private final AuditService audit;
    private final Clock clock;

    public CaseDocumentService(Database db, CaseService cases, HardshipService hardship, MemberService members,
            UnionService union, Session session, AuditService audit, Clock clock) {
        this.db = db;
        this.cases = cases;
        this.hardship = hardship;
        this.members = members;
        this.union = union;
        this.session = session;
        this.audit = audit;
        this.clock = clock;
    }

    // --- the documents' data ------------------------------------------------------------------

    /** The 帮扶审批表 of one case, every text resolved in the reader's language. */
    public record ApprovalForm(String unionName, String caseNo, String typeLabel, String workflowLabel,
            String stateLabel, LocalDate registeredOn, String registeredBy, String memberName, String gender,
            String cardNo, String department, String idNumber, boolean unmasked, Household household,
            List<Entry> fields, Money requested, Money approved, LocalDate approvedOn, Money paid,
            String paymentMethod, LocalDate paidOn, List<Step> steps, List<String> attachments, String printedBy,
            LocalDateTime printedAt) {
        public ApprovalForm {
            fields = List.copyOf(fields);
            steps = List.copyOf(steps);
            attachments = List.copyOf(attachments);
        }
    }

    /** A label and its value as shown. */
    public record Entry(String label, String value) {
    }

    /**
     * The household from the member's hardship file: situation, members, income per head against
     * the 低保 line of the city for the case's year, causes (main first).
     */
    public record Household(String category, String health, String disability, String workStatus, String housing,
            String city, int size, Money memberIncome, Money totalIncome, Money perHead, Money line, int lineYear,
            String verdict, boolean eligible, List<String> causes, List<Relative> members, String bank,
            String account, String accountHolder, String filedBy, LocalDate filedOn) {
        public Household {
            causes = List.copyOf(causes);
            members = List.copyOf(members);
        }
    }

    /** A household member as the form lists them. */
    public record Relative(String name, String relation, String idNumber, String health, Money income,
            String occupation) {
    }

    /** One step of the case: registration, an edit or a workflow step; who, in which role, when, comment. */
    public record Step(String action, String toState, String operator, String role, LocalDateTime at,
            String comment) {
    }

    /** The 帮扶救助台账 of a period: every paid case, subtotals by type and by department, totals. */
    public record AidLedger(String unionName, LocalDate from, LocalDate to, List<LedgerLine> lines,
            List<Subtotal> byType, List<Subtotal> byDepartment, Money totalApproved, Money totalPaid,
            String preparedBy, LocalDate preparedOn) {
        public AidLedger {
            lines = List.copyOf(lines);
            byType = List.copyOf(byType);
            byDepartment = List.copyOf(byDepartment);
        }
    }

    public record LedgerLine(int no, String caseNo, String type, String subkind, String memberName, String cardNo,
            String department, Money approved, Money paid, LocalDate paidOn, String paymentMethod,
            String registeredBy, String paidBy) {
    }

    /** A group of the ledger: its name, number of cases, people (distinct members) and amount paid. */
    public record Subtotal(String name, int cases, int people, Money paid) {
    }

    /** The 公示 list: names partly masked, no ID numbers. */
    public record Notice(String unionName, LocalDate from, LocalDate to, List<NoticeLine> lines, Money total,
            int days, LocalDate postedOn) {
        public Notice {
            lines = List.copyOf(lines);
        }
    }

    public record NoticeLine(int no, String name, String department, String type, Money amount, LocalDate paidOn) {
    }

    // --- assembling ---------------------------------------------------------------------------

    /** The approval form of a case with ID numbers and bank account masked. */
    public ApprovalForm approvalFormData(long caseId, Messages m) {
        return approvalFormData(caseId, m, false);
    }

    private ApprovalForm approvalFormData(long caseId, Messages m, boolean unmasked) {
        session.require(Permission.CASE_READ);
        Locale loc = m.locale();
        WorkflowBook book = cases.workflows();
        CaseService.CaseDetail detail = cases.detail(caseId);
        AidCase c = detail.aidCase();
        Member member = members.get(c.memberId());
        String id = member.idNumber() == null ? "" : unmasked ? member.idNumber().value()
                : MaskingPolicy.idNumber(member.idNumber().value());

        Household household = hardship.forMember(c.memberId())
                .map(f -> household(f, hardship.eligibility(f, c.registeredOn().getYear()), c.registeredOn().getYear(), m,
                        unmasked))
                .orElse(null);

        Set<String> shownApart = Set.of(CaseFields.REQUESTED_AMOUNT, CaseFields.APPROVED_AMOUNT, CaseFields.PAID_AMOUNT,
                CaseFields.PAYMENT_METHOD, CaseFields.PAID_ON);
        Map<String, Object> values = detail.values();
        List<Entry> fields = new ArrayList<>();
        for (String name : book.type(c.type()).fields()) {
            if (shownApart.contains(name) || !book.fields().containsKey(name)) {
                continue;
            }
            FieldDef def = book.field(name);
            fields.add(new Entry(def.label().text(loc), show(def, values.get(name), m)));
        }

        Map<String, Label> actionLabels = new LinkedHashMap<>();
        for (Transition t : book.workflowOf(c.type()).transitions()) {
            actionLabels.putIfAbsent(t.action(), t.label());
        }
        List<Step> steps = new ArrayList<>();
        for (CaseEvent e : detail.timeline()) {
            if (CaseEvent.ATTACH.equals(e.action())) {
                continue; // attachments are listed apart
            }
            String action = CaseEvent.REGISTER.equals(e.action()) ? m.get("casedoc.step.register")
                    : CaseEvent.UPDATE.equals(e.action()) ? m.get("casedoc.step.update")
                    : actionLabels.containsKey(e.action()) ? actionLabels.get(e.action()).text(loc) : e.action();
            String comment = e.comment() == null ? "" : e.comment();
            if (CaseEvent.UPDATE.equals(e.action()) && e.changes() != null) {
                comment = comment.isEmpty() ? e.changes() : comment + "（" + e.changes() + "）";
            }
            steps.add(new Step(action, e.toState() == null ? "" : book.stateLabel(c.type(), e.toState()).text(loc),
                    e.operator(), e.role() == null ? "" : m.get("role." + e.role()), e.at(), comment));
        }
        List<String> attachments = detail.attachments().stream().map(CaseAttachment::name).toList();
        String method = c.paymentMethod() == null ? null
                : show(book.field(CaseFields.PAYMENT_METHOD), c.paymentMethod(), m);
        return new ApprovalForm(unionName(), c.caseNo(), book.typeLabel(c.type()).text(loc),
                book.workflowOf(c.type()).label().text(loc), book.stateLabel(c.type(), c.state()).text(loc),
                c.registeredOn(), c.registeredBy(), member.name(),
                member.gender() == null ? "" : m.get("gender." + member.gender().name()),
                nz(member.cardNo()), department(detail.row().department(), m), id, unmasked, household, fields,
                c.requested(), c.approved(), c.approvedOn(), c.paid(), method, c.paidOn(), steps, attachments,
                session.operator(), LocalDateTime.now(clock));
    }

    private static Household household(HardshipFile f, Eligibility el, int year, Messages m, boolean unmasked) {
        var d = f.data();
        List<String> causes = new ArrayList<>();
        List<HardshipEnums.Cause> all = f.causes();
        for (int i = 0; i < all.size(); i++) {
            String label = m.get(all.get(i).key());
            causes.add(i == 0 ? m.get("casedoc.form.mainCause", label) : label);
        }
        List<Relative> rel = new ArrayList<>();
        for (HouseholdMember h : d.household()) {
            String hid = h.idNumber() == null ? "" : unmasked ? h.idNumber() : MaskingPolicy.idNumber(h.idNumber());
            rel.add(new Relative(h.name(), nz(h.relation()), hid, h.health() == null ? "" : m.get(h.health().key()),
                    h.monthlyIncome(), nz(h.occupation())));
        }
        String account = d.bankAccount() == null ? "" : unmasked ? d.bankAccount() : maskAccount(d.bankAccount());
        return new Household(label(m, d.category() == null ? null : d.category().key()),
                label(m, d.health() == null ? null : d.health().key()), nz(d.disability()),
                label(m, d.workStatus() == null ? null : d.workStatus().key()),
                label(m, d.housing() == null ? null : d.housing().key()), nz(d.city()), f.householdSize(),
                d.memberIncome(), f.householdIncome(), f.incomePerHead(), el.line(),
                year, m.get(el.verdict().key()), el.verdict().eligible(), causes, rel, nz(d.bankName()), account,
                nz(d.accountHolder()), nz(d.filedBy()), d.filedOn());
    }

    /** The ledger of the cases paid from {@code from} to {@code to} (both included). */
    public AidLedger ledgerData(LocalDate from, LocalDate to, Messages m) {
        List<LedgerRow> rows = cases.ledger(from, to); // checks CASE_READ and the period
        Locale loc = m.locale();
        WorkflowBook book = cases.workflows();
        List<LedgerLine> lines = new ArrayList<>();
        int no = 1;
        for (LedgerRow r : rows) {
            String subkind = r.subkind() == null ? "" : show(book.field(CaseFields.SUBKIND), r.subkind(), m);
            String method = r.paymentMethod() == null ? ""
                    : show(book.field(CaseFields.PAYMENT_METHOD), r.paymentMethod(), m);
            lines.add(new LedgerLine(no++, r.caseNo(), book.typeLabel(r.type()).text(loc), subkind, r.memberName(),
                    nz(r.cardNo()), department(r.department(), m), r.approved(), r.paid(), r.paidOn(), method,
                    nz(r.registeredBy()), nz(r.paidBy())));
        }
        // types in the order of the definitions, departments in the order of their names
        List<Subtotal> byType = new ArrayList<>();
        for (CaseType t : CaseType.values()) {
            List<LedgerRow> of = rows.stream().filter(r -> r.type() == t).toList();
            if (!of.isEmpty()) {
                byType.add(subtotal(book.typeLabel(t).text(loc), of));
            }
        }
        Map<String, List<LedgerRow>> depts = rows.stream().collect(Collectors.groupingBy(
                r -> department(r.department(), m), java.util.TreeMap::new, Collectors.toList()));
        List<Subtotal> byDept = depts.entrySet().stream().map(e -> subtotal(e.getKey(), e.getValue())).toList();
        return new AidLedger(unionName(), from, to, lines, byType, byDept, sum(rows, true), sum(rows, false),
                session.operator(), LocalDate.now(clock));
    }

    /** The 公示 list of the cases paid from {@code from} to {@code to}: names partly masked, no ID numbers. */
    public Notice noticeData(LocalDate from, LocalDate to, Messages m) {
        List<LedgerRow> rows = cases.ledger(from, to);
        WorkflowBook book = cases.workflows();
        List<NoticeLine> lines = new ArrayList<>();
        int no = 1;
        for (LedgerRow r : rows) {
            lines.add(new NoticeLine(no++, MaskingPolicy.publicName(r.memberName()), department(r.department(), m),
                    book.typeLabel(r.type()).text(m.locale()), r.paid(), r.paidOn()));
        }
        return new Notice(unionName(), from, to, lines, sum(rows, false), NOTICE_DAYS, LocalDate.now(clock));
    }

    // --- writing ------------------------------------------------------------------------------

    /** Writes the approval form (Chinese, ID numbers masked) to {@code out}. */
    public ApprovalForm approvalForm(long caseId, Path out) {
        return approvalForm(caseId, out, Messages.chinese(), null);
    }

    /**
     * Writes the approval form. With an {@code unmaskReason} the ID numbers and the bank account
     * are printed in full: that needs {@link Permission#SENSITIVE_VIEW}, and the reason goes into
     * the audit trail with the print.
     */
    public ApprovalForm approvalForm(long caseId, Path out, Messages m, String unmaskReason) {
        boolean unmasked = unmaskReason != null;
        String reason = unmasked ? TextNormalizer.normalize(unmaskReason) : null;
        if (unmasked) {
            session.require(Permission.SENSITIVE_VIEW);
            if (reason.isEmpty()) {
                throw new RuleViolationException("sensitive.reasonRequired");
            }
        }
        ApprovalForm f = approvalFormData(caseId, m, unmasked);
        ApprovalFormPdf.write(f, m, out);
        db.inTransaction(() -> {
            audit.record("CASE_FORM_PRINT", "case", f.caseNo(), null, "approval form; unmasked=" + unmasked, reason);
        });
        return f;
    }

    public AidLedger ledgerXlsx(LocalDate from, LocalDate to, Path out) {
        return ledgerXlsx(from, to, out, Messages.chinese());
    }

    public AidLedger ledgerXlsx(LocalDate from, LocalDate to, Path out, Messages m) {
        AidLedger l = ledgerData(from, to, m);
        AidLedgerXlsx.write(l, m, out);
        recordPrint("CASE_LEDGER_EXPORT", l.from(), l.to(), "xlsx; cases=" + l.lines().size());
        return l;
    }

    public AidLedger ledgerPdf(LocalDate from, LocalDate to, Path out) {
        return ledgerPdf(from, to, out, Messages.chinese());
    }

    public AidLedger ledgerPdf(LocalDate from, LocalDate to, Path out, Messages m) {
        AidLedger l = ledgerData(from, to, m);
        AidLedgerPdf.write(l, m, out);
        recordPrint("CASE_LEDGER_EXPORT", l.from(), l.to(), "pdf; cases=" + l.lines().size());
        return l;
    }

    public Notice notice(LocalDate from, LocalDate to, Path out) {
        return notice(from, to, out, Messages.chinese());
    }

    public Notice notice(LocalDate from, LocalDate to, Path out, Messages m) {
        Notice n = noticeData(from, to, m);
        AidNoticePdf.write(n, m, out);
        recordPrint("CASE_NOTICE_PRINT", n.from(), n.to(), "pdf; cases=" + n.lines().size());
        return n;
    }

    /** The notice as a workbook (for the clerk to adjust before posting). */
    public Notice noticeXlsx(LocalDate from, LocalDate to, Path out, Messages m) {
        Notice n = noticeData(from, to, m);
        AidLedgerXlsx.writeNotice(n, m, out);
        recordPrint("CASE_NOTICE_PRINT", n.from(), n.to(), "xlsx; cases=" + n.lines().size());
        return n;
    }

    private void recordPrint(String action, LocalDate from, LocalDate to, String what) {
        db.inTransaction(() -> {
            audit.record(action, "case_ledger", from + "/" + to, null, what, null);
        });
    }

    // --- helpers ------------------------------------------------------------------------------

    private String unionName() {
        return union.union().map(UnionInfo::name).orElse("");
    }

    private static Subtotal subtotal(String name, List<LedgerRow> rows) {
        int people = (int) rows.stream().map(r -> r.memberName() + "\u0000" + r.cardNo()).distinct().count();
        return new Subtotal(name, rows.size(), people, sum(rows, false));
    }

    private static Money sum(List<LedgerRow> rows, boolean approved) {
        long fen = 0;
        for (LedgerRow r : rows) {
            Money v = approved ? r.approved() : r.paid();
            fen = Math.addExact(fen, v == null ? 0 : v.fen());
        }
        return Money.ofFen(fen);
    }

    /** A field's value as shown: an option's label, an amount with 元, a date, text. */
    private static String show(FieldDef def, Object value, Messages m) {
        if (value == null) {
            return "";
        }
        if (def.kind() == FieldKind.CHOICE) {
            String code = value.toString();
            return def.option(code).map(o -> o.label().text(m.locale())).orElse(code);
        }
        if (value instanceof Money) {
            return m.get("casedoc.yuan", ((Money) value).toYuanString());
        }
        return Objects.toString(FieldDef.format(value), "");
    }

    private static String department(String name, Messages m) {
        return name == null || name.isBlank() ? m.get("casedoc.noDepartment") : name;
    }

    private static String label(Messages m, String key) {
        return key == null ? "" : m.get(key);
    }

    /** {@code 6228********5678}: the first four and last four digits. */
    static String maskAccount(String acc) {
        if (acc.length() < 8) {
            return "*".repeat(acc.length());
        }
        return acc.substring(0, 4) + "*".repeat(acc.length() - 8) + acc.substring(acc.length() - 4);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
