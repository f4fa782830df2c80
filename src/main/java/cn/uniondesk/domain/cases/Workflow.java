package cn.uniondesk.domain.cases;

import java.util.List;
import java.util.Optional;

/** A state machine defined as data: states, the initial state and the transitions. */
public record Workflow(String code, Label label, String initial, List<WorkflowState> states,
        List<Transition> transitions) {
    public Workflow {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
    }

    public Optional<WorkflowState> state(String stateCode) {
        return states.stream().filter(s -> s.code().equals(stateCode)).findFirst();
    }

    /** The state, or a clear refusal naming it. */
    public WorkflowState requireState(String stateCode) {
        return state(stateCode).orElseThrow(() -> new CaseRuleException("case.workflow.unknownState", stateCode, label));
    }

    /** Every transition leaving {@code stateCode}, in definition order. */
    public List<Transition> from(String stateCode) {
        return transitions.stream().filter(t -> t.from().contains(stateCode)).toList();
    }

    public boolean hasPayment() {
        return transitions.stream().anyMatch(t -> t.kind() == TransitionKind.PAY);
    }
}
