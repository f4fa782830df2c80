package cn.uniondesk.cli;

import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.cases.AidCase;
import cn.uniondesk.domain.cases.CaseAttachment;
import cn.uniondesk.domain.cases.CaseEvent;
import cn.uniondesk.domain.cases.CaseRow;
import cn.uniondesk.domain.cases.CaseRuleException;
import cn.uniondesk.domain.cases.CaseStateMachine;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.domain.cases.FieldDef;
import cn.uniondesk.domain.cases.Problem;
import cn.uniondesk.domain.cases.Transition;
import cn.uniondesk.domain.cases.Workflow;
import cn.uniondesk.domain.cases.WorkflowBook;
import cn.uniondesk.domain.cases.WorkflowState;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseService;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cases list|show|transition}: aid and cases (帮扶) from the command line, for scripting. */
@Command(name = "cases", description = "aid and cases (帮扶救助与案件)", subcommands = {CasesCommand.ListCommand.class,
    CasesCommand.ShowCommand.class, CasesCommand.TransitionCommand.class, CasesDocumentsCommand.Ledger.class,
    CasesDocumentsCommand.Form.class, CasesDocumentsCommand.Notice.class})
final class CasesCommand {
    @ParentCommand
    UnionDeskCommand root;

    enum Format { table, csv, json }

    /** Stable English field names of the CSV and JSON output. */
    static final List<String> FIELDS = List.of("case_no", "type", "state", "member", "card_no", "department",
            "summary", "requested", "approved", "paid", "paid_on", "payment_method", "registered_by",
            "registered_on");

    /** One line per problem, worded in the reader's language. */
    static String text(Messages m, CaseRuleException e) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : e.problems()) {
            sb.append(sb.length() == 0 ? "" : "\n")
                    .append(m.get(p.messageKey(), CaseRuleException.resolveArgs(p, m.locale(), k -> m.get(k))));
        }
        return sb.toString();
    }

    private static String yuan(Money v) {
        return v == null ? "" : v.toYuanString();
    }

    private static String nz(Object s) {
        return s == null ? "" : s.toString();
    }

    @Command(name = "list", description = "cases, optionally filtered")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        CasesCommand parent;

        @Option(names = "--type", paramLabel = "T", description = "LIVING_AID, MEDICAL_AID, EDUCATION_AID, FESTIVAL_VISIT, CONDOLENCE, LEGAL_AID, LABOUR_DISPUTE, COMPLAINT (or 生活救助 …)")
        String type;

        @Option(names = "--state", paramLabel = "S", description = "a state code such as REVIEWED (or 审核)")
        String state;

        @Option(names = "--waiting", description = "only cases waiting for me (a step my role may take)")
        boolean waiting;

        @Option(names = "--member", paramLabel = "ID-OR-CARD", description = "only this member's cases")
        String member;

        @Option(names = "--format", description = "table, csv or json (default: table)")
        Format format = Format.table;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            Locale l = m.locale();
            PrintWriter out = root.spec().commandLine().getOut();
            return root.withContext(ctx -> {
                WorkflowBook b = ctx.cases().workflows();
                CaseType t = type == null ? null : b.parseType(type)
                        .orElseThrow(() -> new UsageException(m.get("cli.cases.badType", type)));
                String st = state == null ? null : stateCode(b, t, state)
                        .orElseThrow(() -> new UsageException(m.get("cli.cases.badState", state)));
                Long memberId = member == null ? null : UnionDeskCommand.member(ctx, member).id();
                List<CaseRow> rows = ctx.cases().list(new CaseService.CaseQuery(t, st, null, null, null, waiting,
                        memberId));
                List<Map<String, Object>> records = new ArrayList<>();
                for (CaseRow r : rows) {
                    records.add(record(r));
                }
                switch (format) {
                    case csv:
                        out.println(Csv.line(FIELDS));
                        for (Map<String, Object> rec : records) {
                            out.println(Csv.line(rec.values().stream().map(CasesCommand::nz).toList()));
                        }
                        break;
                    case json:
                        out.println(MembersCommand.json(records));
                        break;
                    default:
                        List<List<String>> cells = new ArrayList<>();
                        for (CaseRow r : rows) {
                            AidCase c = r.aidCase();
                            cells.add(List.of(c.caseNo(), b.typeLabel(c.type()).text(l),
                                    b.stateLabel(c.type(), c.state()).text(l), r.memberName(), nz(r.department()),
                                    yuan(c.requested()), yuan(c.approved()), yuan(c.paid()), c.registeredBy(),
                                    c.registeredOn().toString()));
                        }
                        out.print(TextTable.render(List.of(m.get("cli.cases.h.no"), m.get("cli.cases.h.type"),
                                m.get("cli.cases.h.state"), m.get("cli.cases.h.member"), m.get("cli.cases.h.department"),
                                m.get("cli.cases.h.requested"), m.get("cli.cases.h.approved"), m.get("cli.cases.h.paid"),
                                m.get("cli.cases.h.registeredBy"), m.get("cli.cases.h.registeredOn")), cells));
                        out.println(m.get("cli.cases.count", rows.size()));
                }
                return UnionDeskCommand.OK;
            });
        }
    }

    /** A state code from its code or label (within the type's workflow when a type is given). */
    static java.util.Optional<String> stateCode(WorkflowBook b, CaseType t, String text) {
        String s = text.strip();
        for (Workflow wf : t == null ? b.workflows().values() : List.of(b.workflowOf(t))) {
            for (WorkflowState ws : wf.states()) {
                if (ws.code().equalsIgnoreCase(s) || ws.label().zh().equals(s) || ws.label().en().equalsIgnoreCase(s)) {
                    return java.util.Optional.of(ws.code());
                }
            }
        }
        return java.util.Optional.empty();
    }

    static Map<String, Object> record(CaseRow r) {
        AidCase c = r.aidCase();
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("case_no", c.caseNo());
        rec.put("type", c.type().name());
        rec.put("state", c.state());
        rec.put("member", r.memberName());
        rec.put("card_no", r.cardNo());
        rec.put("department", r.department());
        rec.put("summary", c.summary());
        rec.put("requested", c.requested() == null ? null : c.requested().toYuanString());
        rec.put("approved", c.approved() == null ? null : c.approved().toYuanString());
        rec.put("paid", c.paid() == null ? null : c.paid().toYuanString());
        rec.put("paid_on", c.paidOn() == null ? null : c.paidOn().toString());
        rec.put("payment_method", c.paymentMethod());
        rec.put("registered_by", c.registeredBy());
        rec.put("registered_on", c.registeredOn().toString());
        return rec;
    }

    @Command(name = "show", description = "one case: fields, timeline, attachments and the steps open to me")
    static final class ShowCommand implements Callable<Integer> {
        @ParentCommand
        CasesCommand parent;

        @Parameters(paramLabel = "CASE", description = "case number (BF2026-0001) or internal id")
        String key;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            Locale l = m.locale();
            PrintWriter out = root.spec().commandLine().getOut();
            return root.withContext(ctx -> {
                AidCase c = ctx.cases().find(key);
                CaseService.CaseDetail d = ctx.cases().detail(c.id());
                WorkflowBook b = ctx.cases().workflows();
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of(m.get("cli.cases.h.no"), c.caseNo()));
                rows.add(List.of(m.get("cli.cases.h.type"), b.typeLabel(c.type()).text(l)));
                rows.add(List.of(m.get("cli.cases.h.state"), b.stateLabel(c.type(), c.state()).text(l)));
                rows.add(List.of(m.get("cli.cases.h.member"), d.row().memberName() + " " + nz(d.row().cardNo())));
                rows.add(List.of(m.get("cli.cases.h.department"), nz(d.row().department())));
                for (String f : b.type(c.type()).fields()) {
                    Object v = d.values().get(f);
                    FieldDef def = b.field(f);
                    String shown = v == null ? "" : def.kind() == cn.uniondesk.domain.cases.FieldKind.CHOICE
                            ? def.option(v.toString()).map(o -> o.label().text(l)).orElse(v.toString())
                            : FieldDef.format(v);
                    rows.add(List.of(def.label().text(l), shown));
                }
                rows.add(List.of(m.get("cli.cases.h.registeredBy"), c.registeredBy() + " " + c.registeredOn()));
                out.print(TextTable.render(List.of(m.get("cli.show.field"), m.get("cli.show.value")), rows));
                out.println();
                List<List<String>> tl = new ArrayList<>();
                for (CaseEvent e : d.timeline()) {
                    tl.add(List.of(e.at().toString().replace('T', ' '), actionLabel(m, b, c.type(), e),
                            b.stateLabel(c.type(), e.toState()).text(l), e.operator(), m.get("role." + e.role()),
                            nz(e.comment()), nz(e.changes())));
                }
                out.print(TextTable.render(List.of(m.get("cli.cases.t.at"), m.get("cli.cases.t.action"),
                        m.get("cli.cases.h.state"), m.get("cli.cases.t.operator"), m.get("cli.cases.t.role"),
                        m.get("cli.cases.t.comment"), m.get("cli.cases.t.changes")), tl));
                if (!d.attachments().isEmpty()) {
                    out.println();
                    List<List<String>> at = new ArrayList<>();
                    for (CaseAttachment a : d.attachments()) {
                        at.add(List.of(Long.toString(a.id()), a.name(), Long.toString(a.sizeBytes()), a.addedBy(),
                                a.addedAt().toString().replace('T', ' ')));
                    }
                    out.print(TextTable.render(List.of("#", m.get("cli.cases.a.name"), m.get("cli.cases.a.size"),
                            m.get("cli.cases.a.by"), m.get("cli.cases.t.at")), at));
                }
                out.println();
                List<String> open = new ArrayList<>();
                for (CaseStateMachine.ActionOption o : d.actions()) {
                    if (o.allowed()) {
                        open.add(o.transition().action() + " (" + o.transition().label().text(l) + ")");
                    }
                }
                out.println(m.get("cli.cases.actions", open.isEmpty() ? "-" : String.join(", ", open)));
                return UnionDeskCommand.OK;
            });
        }
    }

    static String actionLabel(Messages m, WorkflowBook b, CaseType t, CaseEvent e) {
        for (Transition tr : b.workflowOf(t).transitions()) {
            if (tr.action().equals(e.action())) {
                return tr.label().text(m.locale());
            }
        }
        switch (e.action()) {
            case CaseEvent.REGISTER:
                return m.get("cli.cases.ev.register");
            case CaseEvent.UPDATE:
                return m.get("cli.cases.ev.update");
            case CaseEvent.ATTACH:
                return m.get("cli.cases.ev.attach");
            default:
                return e.action();
        }
    }

    @Command(name = "transition", description = "take a workflow step, e.g. --action approve --set approvedAmount=1500")
    static final class TransitionCommand implements Callable<Integer> {
        @ParentCommand
        CasesCommand parent;

        @Parameters(paramLabel = "CASE", description = "case number (BF2026-0001) or internal id")
        String key;

        @Option(names = "--action", required = true, paramLabel = "A", description = "the action code (verify, approve, pay …) or its label")
        String action;

        @Option(names = "--comment", paramLabel = "C")
        String comment;

        @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "fields set on the way, e.g. paidAmount=1500 paymentMethod=CASH paidOn=2026-11-23")
        Map<String, String> set = new LinkedHashMap<>();

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            Locale l = m.locale();
            PrintWriter out = root.spec().commandLine().getOut();
            return root.withContext(ctx -> {
                AidCase c = ctx.cases().find(key);
                WorkflowBook b = ctx.cases().workflows();
                String code = action.strip();
                for (Transition t : b.workflowOf(c.type()).from(c.state())) {
                    if (t.label().zh().equals(code) || t.label().en().equalsIgnoreCase(code)) {
                        code = t.action();
                    }
                }
                CaseService.Result r = ctx.cases().transition(c.id(), code, comment, set);
                for (Problem w : r.warnings()) {
                    out.println(m.get(w.messageKey(), CaseRuleException.resolveArgs(w, l, k -> m.get(k))));
                }
                out.println(m.get("cli.cases.moved", r.aidCase().caseNo(),
                        b.stateLabel(c.type(), r.aidCase().state()).text(l)));
                return UnionDeskCommand.OK;
            });
        }
    }
}
