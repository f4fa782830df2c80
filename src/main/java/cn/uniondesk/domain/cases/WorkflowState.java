package cn.uniondesk.domain.cases;

import java.util.List;

/** A state of a workflow: its code, label, the fields a case must have to be in it, final or not. */
public record WorkflowState(String code, Label label, List<String> required, boolean terminal) {
    public WorkflowState {
        required = required == null ? List.of() : List.copyOf(required);
    }
}
