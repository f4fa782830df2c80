package cn.uniondesk.domain.cases;

import java.util.List;
import java.util.Map;

/**
 * A case type as defined: its label, workflow, the fields it uses (in form order), fields it
 * additionally requires in some states, and the duplicate-programme period.
 */
public record CaseTypeDef(CaseType type, Label label, String workflow, DuplicateWithin duplicateWithin,
        List<String> fields, Map<String, List<String>> required) {
    public CaseTypeDef {
        fields = List.copyOf(fields);
        required = required == null ? Map.of() : Map.copyOf(required);
    }
}
