package cn.uniondesk.domain.cases;

/** How a case field's value is typed and stored. */
public enum FieldKind {
    TEXT,
    /** an amount in yuan as typed, held as {@link cn.uniondesk.domain.Money} */
    MONEY,
    /** an ISO date ({@code 2026-11-23}) */
    DATE,
    /** one of the field's options (code or label accepted) */
    CHOICE
}
