package cn.uniondesk.domain.cases;

import java.util.Map;

/**
 * The fields every union's definitions must keep, because the code stores them in their own
 * columns and applies rules to them (amounts, payment, duplicate periods, outcome). Any other field
 * a definition names is kept in the case's details.
 */
public final class CaseFields {
    public static final String SUMMARY = "summary";
    public static final String REQUESTED_AMOUNT = "requestedAmount";
    public static final String APPROVED_AMOUNT = "approvedAmount";
    public static final String PAID_AMOUNT = "paidAmount";
    public static final String PAYMENT_METHOD = "paymentMethod";
    public static final String PAID_ON = "paidOn";
    public static final String PROGRAMME_PERIOD = "programmePeriod";
    public static final String SUBKIND = "subkind";
    public static final String OUTCOME = "outcome";

    /** Column fields and the kind each must have. */
    public static final Map<String, FieldKind> COLUMNS = Map.of(SUMMARY, FieldKind.TEXT, REQUESTED_AMOUNT,
            FieldKind.MONEY, APPROVED_AMOUNT, FieldKind.MONEY, PAID_AMOUNT, FieldKind.MONEY, PAYMENT_METHOD,
            FieldKind.CHOICE, PAID_ON, FieldKind.DATE, PROGRAMME_PERIOD, FieldKind.TEXT, SUBKIND, FieldKind.CHOICE,
            OUTCOME, FieldKind.CHOICE);

    /** Set only by the approving step. */
    public static boolean setByApproval(String field) {
        return APPROVED_AMOUNT.equals(field);
    }

    /** Set only by the paying step. */
    public static boolean setByPayment(String field) {
        return PAID_AMOUNT.equals(field) || PAYMENT_METHOD.equals(field) || PAID_ON.equals(field);
    }

    private CaseFields() {
    }
}
