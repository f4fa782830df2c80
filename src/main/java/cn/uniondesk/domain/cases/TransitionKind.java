package cn.uniondesk.domain.cases;

/**
 * What a transition means beyond moving the state. {@link #APPROVE} and {@link #PAY} are never
 * open to the account that registered the case (separation of duties), whatever the definition
 * says; approving checks the yearly caps, paying records the payment once.
 */
public enum TransitionKind {
    STEP,
    APPROVE,
    REJECT,
    PAY
}
