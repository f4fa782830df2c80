package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every case type, field and workflow, as defined in a JSON document (the bundled
 * {@code workflows.json}, or the union's own version stored in the database). {@link #parse}
 * checks the whole document and refuses it with a clear message naming what is wrong, so a union
 * can adjust its workflows without code and without breaking the rules the code relies on.
 */
public final class WorkflowBook {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, FieldDef> fields;
    private final Map<String, Workflow> workflows;
    private final Map<CaseType, CaseTypeDef> types;
    private final String source;

    private WorkflowBook(Map<String, FieldDef> fields, Map<String, Workflow> workflows, Map<CaseType, CaseTypeDef> types,
            String source) {
        this.fields = fields;
        this.workflows = workflows;
        this.types = types;
        this.source = source;
    }

    /** The JSON text this book was read from. */
    public String source() {
        return source;
    }

    public Map<String, FieldDef> fields() {
        return fields;
    }

    public Map<String, Workflow> workflows() {
        return workflows;
    }

    public CaseTypeDef type(CaseType t) {
        return types.get(t);
    }

    public Label typeLabel(CaseType t) {
        return types.get(t).label();
    }

    public Workflow workflowOf(CaseType t) {
        return workflows.get(types.get(t).workflow());
    }

    public Optional<Workflow> workflow(String code) {
        return Optional.ofNullable(workflows.get(code));
    }

    public FieldDef field(String name) {
        FieldDef f = fields.get(name);
        if (f == null) {
            throw new CaseRuleException("case.field.unknown", name);
        }
        return f;
    }

    /** The label of a state in the type's workflow (the code itself when the state is unknown). */
    public Label stateLabel(CaseType t, String state) {
        return workflowOf(t).state(state).map(WorkflowState::label).orElse(new Label(state, state));
    }

    /** The fields a case of {@code t} must have in {@code state}: the workflow's and the type's own. */
    public List<String> requiredIn(CaseType t, String state) {
        Set<String> out = new LinkedHashSet<>();
        workflowOf(t).state(state).ifPresent(s -> out.addAll(s.required()));
        out.addAll(types.get(t).required().getOrDefault(state, List.of()));
        return List.copyOf(out);
    }

    /** A case type from its code or its Chinese or English label; empty when none matches. */
    public Optional<CaseType> parseType(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        for (CaseType t : CaseType.values()) {
            Label l = types.get(t).label();
            if (t.name().equalsIgnoreCase(s) || l.zh().equals(s) || l.en().equalsIgnoreCase(s)
                    || l.zh().startsWith(s + "(")) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads and checks a definition document.
     *
     * @throws CaseRuleException {@code case.workflow.invalid} with the reason
     */
    public static WorkflowBook parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("not a JSON object");
        }
        Map<String, FieldDef> fields = new LinkedHashMap<>();
        JsonNode fieldsNode = object(root, "fields", "");
        for (Iterator<Map.Entry<String, JsonNode>> it = fieldsNode.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(e.getKey(), field(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, FieldKind> c : CaseFields.COLUMNS.entrySet()) {
            FieldDef f = fields.get(c.getKey());
            if (f == null) {
                throw invalid("field '" + c.getKey() + "' must be defined");
            }
            if (f.kind() != c.getValue()) {
                throw invalid("field '" + c.getKey() + "' must be of kind " + c.getValue());
            }
        }
        Map<String, Workflow> workflows = new LinkedHashMap<>();
        JsonNode wfNode = object(root, "workflows", "");
        for (Iterator<Map.Entry<String, JsonNode>> it = wfNode.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            workflows.put(e.getKey(), workflow(e.getKey(), e.getValue(), fields));
        }
        Map<CaseType, CaseTypeDef> types = new EnumMap<>(CaseType.class);
        JsonNode typesNode = object(root, "types", "");
        for (Iterator<Map.Entry<String, JsonNode>> it = typesNode.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            CaseType t;
            try {
                t = CaseType.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw invalid("unknown case type '" + e.getKey() + "'");
            }
            types.put(t, type(t, e.getValue(), fields, workflows));
        }
        for (CaseType t : CaseType.values()) {
            if (!types.containsKey(t)) {
                throw invalid("case type " + t + " is not defined");
            }
        }
        return new WorkflowBook(Map.copyOf(fields), java.util.Collections.unmodifiableMap(workflows),
                java.util.Collections.unmodifiableMap(types), json);
    }

    private static CaseRuleException invalid(String reason) {
        return new CaseRuleException("case.workflow.invalid", reason);
    }

    private static JsonNode object(JsonNode parent, String name, String where) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isObject()) {
            throw invalid(where + "'" + name + "' must be an object");
        }
        return n;
    }

    private static String text(JsonNode parent, String name, String where) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw invalid(where + ": '" + name + "' is missing");
        }
        return n.asText().strip();
    }

    private static Label label(JsonNode parent, String where) {
        JsonNode n = parent.get("label");
        if (n == null || !n.isObject() || n.get("zh") == null || n.get("zh").asText().isBlank()) {
            throw invalid(where + ": a label with 'zh' is required");
        }
        return new Label(n.get("zh").asText().strip(), n.has("en") ? n.get("en").asText().strip() : null);
    }

    private static List<String> strings(JsonNode parent, String name, String where) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw invalid(where + ": '" + name + "' must be a list");
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText().strip()));
        return out;
    }

    private static FieldDef field(String name, JsonNode n) {
        String where = "field '" + name + "'";
        FieldKind kind;
        try {
            kind = FieldKind.valueOf(text(n, "kind", where));
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": kind must be one of TEXT, MONEY, DATE, CHOICE");
        }
        List<FieldDef.Option> options = new ArrayList<>();
        if (kind == FieldKind.CHOICE) {
            JsonNode opts = n.get("options");
            if (opts == null || !opts.isArray() || opts.isEmpty()) {
                throw invalid(where + ": a choice needs options");
            }
            Set<String> codes = new HashSet<>();
            for (JsonNode o : opts) {
                String code = text(o, "code", where);
                if (!codes.add(code)) {
                    throw invalid(where + ": option '" + code + "' twice");
                }
                options.add(new FieldDef.Option(code, label(o, where + " option '" + code + "'")));
            }
        }
        return new FieldDef(name, kind, label(n, where), options);
    }

    private static Workflow workflow(String code, JsonNode n, Map<String, FieldDef> fields) {
        String where = "workflow '" + code + "'";
        Label label = label(n, where);
        String initial = text(n, "initial", where);
        List<WorkflowState> states = new ArrayList<>();
        JsonNode sn = n.get("states");
        if (sn == null || !sn.isArray() || sn.isEmpty()) {
            throw invalid(where + ": 'states' must list the states");
        }
        Set<String> codes = new HashSet<>();
        for (JsonNode s : sn) {
            String sc = text(s, "code", where);
            if (!codes.add(sc)) {
                throw invalid(where + ": state '" + sc + "' twice");
            }
            List<String> required = strings(s, "required", where + " state '" + sc + "'");
            for (String r : required) {
                if (!fields.containsKey(r)) {
                    throw invalid(where + " state '" + sc + "': required field '" + r + "' is not defined");
                }
            }
            states.add(new WorkflowState(sc, label(s, where + " state '" + sc + "'"), required,
                    s.path("final").asBoolean(false)));
        }
        if (!codes.contains(initial)) {
            throw invalid(where + ": initial state '" + initial + "' is not one of its states");
        }
        List<Transition> transitions = new ArrayList<>();
        JsonNode tn = n.get("transitions");
        if (tn == null || !tn.isArray()) {
            throw invalid(where + ": 'transitions' must be a list");
        }
        for (JsonNode t : tn) {
            String action = text(t, "action", where);
            String tw = where + " action '" + action + "'";
            List<String> from = strings(t, "from", tw);
            if (from.isEmpty()) {
                throw invalid(tw + ": 'from' is empty");
            }
            for (String f : from) {
                if (!codes.contains(f)) {
                    throw invalid(tw + ": from-state '" + f + "' is not one of its states");
                }
            }
            String to = text(t, "to", tw);
            if (!codes.contains(to)) {
                throw invalid(tw + ": to-state '" + to + "' is not one of its states");
            }
            Permission permission = null;
            if (t.hasNonNull("permission")) {
                try {
                    permission = Permission.valueOf(t.get("permission").asText());
                } catch (IllegalArgumentException e) {
                    throw invalid(tw + ": unknown permission '" + t.get("permission").asText() + "'");
                }
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : strings(t, "roles", tw)) {
                try {
                    roles.add(Role.valueOf(r));
                } catch (IllegalArgumentException e) {
                    throw invalid(tw + ": unknown role '" + r + "'");
                }
            }
            if (permission == null && roles.isEmpty()) {
                throw invalid(tw + ": say who may take it ('permission' or 'roles')");
            }
            TransitionKind kind;
            try {
                kind = t.hasNonNull("kind") ? TransitionKind.valueOf(t.get("kind").asText()) : TransitionKind.STEP;
            } catch (IllegalArgumentException e) {
                throw invalid(tw + ": kind must be one of STEP, APPROVE, REJECT, PAY");
            }
            if (kind == TransitionKind.APPROVE && permission != Permission.CASE_APPROVE) {
                throw invalid(tw + ": approving needs the permission CASE_APPROVE");
            }
            if (kind == TransitionKind.PAY && permission != Permission.CASE_PAY) {
                throw invalid(tw + ": paying needs the permission CASE_PAY");
            }
            for (String f : from) {
                if (transitions.stream().anyMatch(x -> x.action().equals(action) && x.from().contains(f))) {
                    throw invalid(tw + ": the action is defined twice from state '" + f + "'");
                }
            }
            transitions.add(new Transition(action, label(t, tw), from, to, permission, roles, kind,
                    t.path("commentRequired").asBoolean(false), t.path("separateFromRegistrant").asBoolean(false)));
        }
        for (WorkflowState s : states) {
            boolean leaves = transitions.stream().anyMatch(t -> t.from().contains(s.code()));
            if (s.terminal() && leaves) {
                throw invalid(where + ": final state '" + s.code() + "' has a transition leaving it");
            }
        }
        long pays = transitions.stream().filter(t -> t.kind() == TransitionKind.PAY).count();
        if (pays > 1) {
            throw invalid(where + ": only one paying action is allowed");
        }
        return new Workflow(code, label, initial, states, transitions);
    }

    private static CaseTypeDef type(CaseType t, JsonNode n, Map<String, FieldDef> fields,
            Map<String, Workflow> workflows) {
        String where = "case type " + t;
        String wf = text(n, "workflow", where);
        Workflow workflow = workflows.get(wf);
        if (workflow == null) {
            throw invalid(where + ": workflow '" + wf + "' is not defined");
        }
        DuplicateWithin dup;
        try {
            dup = n.hasNonNull("duplicateWithin") ? DuplicateWithin.valueOf(n.get("duplicateWithin").asText())
                    : DuplicateWithin.NONE;
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": duplicateWithin must be NONE, MONTH, YEAR or PROGRAMME");
        }
        List<String> own = strings(n, "fields", where);
        for (String f : own) {
            if (!fields.containsKey(f)) {
                throw invalid(where + ": field '" + f + "' is not defined");
            }
        }
        if (!own.contains(CaseFields.SUMMARY)) {
            throw invalid(where + ": must use the field 'summary'");
        }
        if (workflow.hasPayment()) {
            for (String f : List.of(CaseFields.APPROVED_AMOUNT, CaseFields.PAID_AMOUNT, CaseFields.PAYMENT_METHOD,
                    CaseFields.PAID_ON)) {
                if (!own.contains(f)) {
                    throw invalid(where + ": a type that pays must use the field '" + f + "'");
                }
            }
        }
        if (dup == DuplicateWithin.PROGRAMME && !own.contains(CaseFields.PROGRAMME_PERIOD)) {
            throw invalid(where + ": duplicateWithin PROGRAMME needs the field 'programmePeriod'");
        }
        Map<String, List<String>> required = new LinkedHashMap<>();
        JsonNode rn = n.get("required");
        if (rn != null && !rn.isNull()) {
            if (!rn.isObject()) {
                throw invalid(where + ": 'required' must map states to fields");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = rn.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (workflow.state(e.getKey()).isEmpty()) {
                    throw invalid(where + ": state '" + e.getKey() + "' is not in workflow '" + wf + "'");
                }
                List<String> req = strings(rn, e.getKey(), where);
                for (String f : req) {
                    if (!own.contains(f)) {
                        throw invalid(where + ": required field '" + f + "' is not one of its fields");
                    }
                }
                required.put(e.getKey(), req);
            }
        }
        for (WorkflowState s : workflow.states()) {
            for (String f : s.required()) {
                if (!own.contains(f)) {
                    throw invalid(where + ": workflow '" + wf + "' requires '" + f + "' in state '" + s.code()
                            + "', which the type does not use");
                }
            }
        }
        return new CaseTypeDef(t, label(n, where), wf, dup, own, required);
    }
}
