package cn.uniondesk.cli;

import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberField;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.Money;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.MemberQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code members list|show|import|export|template}. */
@Command(name = "members", description = "the member register", subcommands = {MembersCommand.ListCommand.class,
    MembersCommand.ShowCommand.class, MembersImportCommand.class, MembersExportCommand.class,
    MembersTemplateCommand.class})
final class MembersCommand {
    @ParentCommand
    UnionDeskCommand root;

    enum Format { table, csv, json }

    /** Stable English field names of the CSV and JSON output. */
    static final List<String> FIELDS = List.of("id", "name", "gender", "id_number", "birth_date", "mobile",
            "department", "status", "join_date", "card_no", "migrant_worker", "hardship");

    @Command(name = "list", description = "list members, optionally filtered")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        MembersCommand parent;

        @Option(names = "--query", paramLabel = "Q", description = "name, pinyin (full or initials), ID number, mobile or card number")
        String query = "";

        @Option(names = "--status", paramLabel = "S", split = ",", description = "ACTIVE, RETIRED, TRANSFERRED_OUT, LEFT, DECEASED (or 在册, 已转出 …)")
        List<String> statuses = new ArrayList<>();

        @Option(names = "--format", description = "table, csv or json (default: table)")
        Format format = Format.table;

        @Option(names = "--unmasked", description = "show full ID and mobile numbers (needs --reason; recorded in the audit trail)")
        boolean unmasked;

        @Option(names = "--reason", paramLabel = "WHY", description = "why the unmasked data is needed")
        String reason;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            Set<MemberStatus> st = EnumSet.noneOf(MemberStatus.class);
            for (String s : statuses) {
                MemberStatus parsed = MemberStatus.parseLenient(s);
                if (parsed == null) {
                    throw new UsageException(m.get("cli.badStatus", s));
                }
                st.add(parsed);
            }
            List<MemberRow> rows = root.withContext(ctx -> {
                List<MemberRow> found = ctx.members().search(new MemberQuery(query, null, st, null, null));
                if (unmasked) {
                    ctx.members().recordSensitiveAccess("members list: " + found.size() + " rows", reason);
                }
                return found;
            });
            PrintWriter out = root.spec().commandLine().getOut();
            List<Map<String, Object>> records = new ArrayList<>();
            for (MemberRow r : rows) {
                records.add(record(r, unmasked));
            }
            switch (format) {
                case csv:
                    out.println(Csv.line(FIELDS));
                    for (Map<String, Object> rec : records) {
                        out.println(Csv.line(rec.values().stream().map(v -> v == null ? "" : v.toString()).toList()));
                    }
                    break;
                case json:
                    out.println(json(records));
                    break;
                default:
                    List<String> headers = List.of(m.get("member.field.CARD_NO"), m.get("member.field.NAME"),
                            m.get("member.field.GENDER"), m.get("member.field.ID_NUMBER"),
                            m.get("member.field.MOBILE"), m.get("member.field.DEPARTMENT"),
                            m.get("member.field.STATUS"));
                    List<List<String>> cells = new ArrayList<>();
                    for (MemberRow r : rows) {
                        cells.add(List.of(nz(r.cardNo()), r.name(), m.get("gender." + r.gender().name()),
                                unmasked ? r.idNumber() : cn.uniondesk.domain.MaskingPolicy.idNumber(r.idNumber()),
                                unmasked ? nz(r.mobile()) : cn.uniondesk.domain.MaskingPolicy.mobile(r.mobile()), nz(r.departmentName()),
                                m.get("status." + r.status().name())));
                    }
                    out.print(TextTable.render(headers, cells));
                    out.println(m.get("cli.members.count", rows.size()));
            }
            return UnionDeskCommand.OK;
        }
    }

    @Command(name = "show", description = "one member with history, by ID number, card number or internal id")
    static final class ShowCommand implements Callable<Integer> {
        @ParentCommand
        MembersCommand parent;

        @Parameters(paramLabel = "ID-OR-CARD")
        String key;

        @Option(names = "--unmasked", description = "show full ID and mobile numbers (needs --reason; recorded in the audit trail)")
        boolean unmasked;

        @Option(names = "--reason", paramLabel = "WHY", description = "why the unmasked data is needed")
        String reason;

        @Option(names = "--format", description = "table or json (default: table)")
        Format format = Format.table;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            Messages m = root.messages();
            PrintWriter out = root.spec().commandLine().getOut();
            return root.withContext(ctx -> {
                Member mem = UnionDeskCommand.member(ctx, key);
                if (unmasked) {
                    ctx.members().recordSensitiveAccess("members show: " + mem.id(), reason);
                }
                List<MemberEvent> history = ctx.members().history(mem.id());
                String dept = ctx.members().departmentName(mem.departmentId()).orElse("");
                if (format == Format.json) {
                    Map<String, Object> rec = new LinkedHashMap<>();
                    rec.put("id", mem.id());
                    rec.put("name", mem.name());
                    rec.put("gender", mem.gender().name());
                    rec.put("ethnicity", mem.ethnicity());
                    rec.put("id_number", unmasked ? mem.idNumber().value() : mem.idNumber().masked());
                    rec.put("birth_date", mem.birthDate().toString());
                    rec.put("mobile", unmasked ? mem.mobile() : cn.uniondesk.domain.MaskingPolicy.mobile(mem.mobile()));
                    rec.put("department", dept);
                    rec.put("status", mem.status().name());
                    rec.put("join_date", mem.joinDate().toString());
                    rec.put("card_no", mem.cardNo());
                    List<Map<String, Object>> ev = new ArrayList<>();
                    for (MemberEvent e : history) {
                        Map<String, Object> em = new LinkedHashMap<>();
                        em.put("type", e.type().name());
                        em.put("date", e.eventDate().toString());
                        em.put("status_after", e.statusAfter().name());
                        em.put("reason", e.reason());
                        em.put("counterpart_union", e.counterpartUnion());
                        em.put("reference_no", e.referenceNo());
                        em.put("operator", e.operator());
                        ev.add(em);
                    }
                    rec.put("history", ev);
                    out.println(json(rec));
                    return UnionDeskCommand.OK;
                }
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of(m.get("member.field.NAME"), mem.name()));
                rows.add(List.of(m.get("member.field.GENDER"), m.get("gender." + mem.gender().name())));
                rows.add(List.of(m.get("member.field.ETHNICITY"), nz(mem.ethnicity())));
                rows.add(List.of(m.get("member.field.ID_NUMBER"),
                        unmasked ? mem.idNumber().value() : mem.idNumber().masked()));
                rows.add(List.of(m.get("member.field.BIRTH_DATE"), mem.birthDate().toString()));
                rows.add(List.of(m.get("member.field.MOBILE"),
                        unmasked ? nz(mem.mobile()) : cn.uniondesk.domain.MaskingPolicy.mobile(mem.mobile())));
                rows.add(List.of(m.get("member.field.DEPARTMENT"), dept));
                rows.add(List.of(m.get("member.field.JOB"), nz(mem.job())));
                rows.add(List.of(m.get("member.field.JOIN_DATE"), mem.joinDate().toString()));
                rows.add(List.of(m.get("member.field.CARD_NO"), nz(mem.cardNo())));
                rows.add(List.of(m.get("member.field.MONTHLY_WAGE"),
                        mem.monthlyWageFen() == null ? "" : Money.ofFen(mem.monthlyWageFen()).toYuanString()));
                rows.add(List.of(m.get("member.field.STATUS"), m.get("status." + mem.status().name())));
                out.print(TextTable.render(List.of(m.get("cli.show.field"), m.get("cli.show.value")), rows));
                out.println();
                List<List<String>> ev = new ArrayList<>();
                for (MemberEvent e : history) {
                    ev.add(List.of(e.eventDate().toString(), m.get("event." + e.type().name()),
                            m.get("status." + e.statusAfter().name()), nz(e.reason()), nz(e.counterpartUnion()),
                            e.operator()));
                }
                out.print(TextTable.render(List.of(m.get("history.date"), m.get("history.event"),
                        m.get("history.status"), m.get("history.reason"), m.get("history.counterpart"),
                        m.get("history.operator")), ev));
                return UnionDeskCommand.OK;
            });
        }
    }

    static Map<String, Object> record(MemberRow r, boolean unmasked) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", r.id());
        rec.put("name", r.name());
        rec.put("gender", r.gender().name());
        rec.put("id_number", unmasked ? r.idNumber() : cn.uniondesk.domain.MaskingPolicy.idNumber(r.idNumber()));
        rec.put("birth_date", r.idNumber().length() == 18
                ? r.idNumber().substring(6, 10) + "-" + r.idNumber().substring(10, 12) + "-" + r.idNumber().substring(12, 14)
                : null);
        rec.put("mobile", unmasked ? r.mobile() : cn.uniondesk.domain.MaskingPolicy.mobile(r.mobile()));
        rec.put("department", r.departmentName());
        rec.put("status", r.status().name());
        rec.put("join_date", r.joinDate() == null ? null : r.joinDate().toString());
        rec.put("card_no", r.cardNo());
        rec.put("migrant_worker", r.migrantWorker());
        rec.put("hardship", r.hardship());
        return rec;
    }

    static String json(Object o) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String label(Messages m, MemberField f) {
        return m.get(f.labelKey());
    }
}
