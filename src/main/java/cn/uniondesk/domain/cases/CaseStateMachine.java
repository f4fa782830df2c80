package cn.uniondesk.domain.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the workflows of a {@link WorkflowBook}: which steps an actor may take from a case's state,
 * and whether one step may be taken now (role or permission, separation of duties, comment, the
 * fields the target state requires).
 */
public final class CaseStateMachine {
    private final WorkflowBook book;

    public CaseStateMachine(WorkflowBook book) {
        this.book = book;
    }

    public WorkflowBook book() {
        return book;
    }

    /** A step out of the current state and whether this actor may take it (and if not, why). */
    public record ActionOption(Transition transition, boolean allowed, Problem refusal) {
    }

    /** Every step leaving {@code state}, each marked allowed or refused (with the reason) for {@code actor}. */
    public List<ActionOption> options(CaseType type, String state, Actor actor, String registeredBy) {
        List<ActionOption> out = new ArrayList<>();
        for (Transition t : book.workflowOf(type).from(state)) {
            Problem p = refusal(t, actor, registeredBy);
            out.add(new ActionOption(t, p == null, p));
        }
        return out;
    }

    /** The steps {@code actor} may take from {@code state} (role and separation of duties). */
    public List<Transition> allowedActions(CaseType type, String state, Actor actor, String registeredBy) {
        return options(type, state, actor, registeredBy).stream().filter(ActionOption::allowed)
                .map(ActionOption::transition).toList();
    }

    private static Problem refusal(Transition t, Actor actor, String registeredBy) {
        if (!t.openTo(actor.role())) {
            return Problem.of("case.action.notPermitted", new Problem.Key("role." + actor.role()), t.label());
        }
        if (t.separated() && actor.operator().equals(registeredBy)) {
            return Problem.of("case.action.ownCase", t.label());
        }
        return null;
    }

    /**
     * Checks one step: the action exists from {@code state}, the actor may take it, a comment is
     * given when one is required, and {@code valuesAfter} (the case's fields as they would be
     * after the step) hold every field the target state requires.
     *
     * @return the transition
     * @throws CaseRuleException saying what is wrong
     */
    public Transition check(CaseType type, String state, String action, Actor actor, String registeredBy,
            Map<String, Object> valuesAfter, String comment) {
        Workflow wf = book.workflowOf(type);
        WorkflowState current = wf.requireState(state);
        Transition t = wf.from(state).stream().filter(x -> x.action().equals(action)).findFirst()
                .orElseThrow(() -> new CaseRuleException("case.action.notFromState", action, current.label(),
                        wf.from(state).stream().map(x -> (Object) x.label()).toList()));
        Problem p = refusal(t, actor, registeredBy);
        if (p != null) {
            throw new CaseRuleException(List.of(p));
        }
        if (t.commentRequired() && (comment == null || comment.isBlank())) {
            throw new CaseRuleException("case.action.commentRequired", t.label());
        }
        WorkflowState target = wf.requireState(t.to());
        List<Object> missing = missing(type, target.code(), valuesAfter);
        if (!missing.isEmpty()) {
            throw new CaseRuleException("case.fieldsRequired", target.label(), missing);
        }
        return t;
    }

    /** The labels of fields {@code state} requires that {@code values} lack. */
    public List<Object> missing(CaseType type, String state, Map<String, Object> values) {
        List<Object> missing = new ArrayList<>();
        for (String f : book.requiredIn(type, state)) {
            Object v = values.get(f);
            if (v == null || (v instanceof String && ((String) v).isBlank())) {
                missing.add(book.field(f).label());
            }
        }
        return missing;
    }
}
