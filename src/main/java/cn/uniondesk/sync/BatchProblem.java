package cn.uniondesk.sync;

/**
 * Why a package, an upload or a receipt was refused: one distinct reason each, with its message
 * key (Chinese and English texts in the bundles). The first group is checked by
 * {@link BatchVerifier} in this order; the second by the intake; the last by the office.
 */
public enum BatchProblem {
    // 1. zip safety
    NOT_A_ZIP("batch.problem.notZip"),
    PACKAGE_TOO_LARGE("batch.problem.packageTooLarge"),
    TOO_MANY_ENTRIES("batch.problem.tooManyEntries"),
    UNSAFE_PATH("batch.problem.unsafePath"),
    LINK_ENTRY("batch.problem.linkEntry"),
    DUPLICATE_ENTRY("batch.problem.duplicateEntry"),
    ENTRY_TOO_LARGE("batch.problem.entryTooLarge"),
    TOTAL_TOO_LARGE("batch.problem.totalTooLarge"),
    ZIP_BOMB("batch.problem.zipBomb"),
    // 2. manifest and signature
    MANIFEST_MISSING("batch.problem.manifestMissing"),
    SIGNATURE_MISSING("batch.problem.signatureMissing"),
    MANIFEST_INVALID("batch.problem.manifestInvalid"),
    UNSUPPORTED_VERSION("batch.problem.unsupportedVersion"),
    UNKNOWN_OFFICE("batch.problem.unknownOffice"),
    WRONG_KEY("batch.problem.wrongKey"),
    BAD_SIGNATURE("batch.problem.badSignature"),
    // 3. files
    HASH_MISMATCH("batch.problem.hashMismatch"),
    COUNT_MISMATCH("batch.problem.countMismatch"),
    BAD_RECORD("batch.problem.badRecord"),
    // 4. completeness
    MISSING_FILE("batch.problem.missingFile"),
    EXTRA_FILE("batch.problem.extraFile"),
    // 5. figures
    CONTROL_TOTALS("batch.problem.controlTotals"),
    // intake rules
    INCOMPLETE_UPLOAD("batch.problem.incompleteUpload"),
    DUPLICATE_ID_CONFLICT("batch.problem.duplicateIdConflict"),
    REPLAYED_OLDER("batch.problem.replayedOlder"),
    CHAIN_BROKEN("batch.problem.chainBroken"),
    SEQUENCE_GAP("batch.problem.sequenceGap"),
    // office side
    RECEIPT_INVALID("batch.problem.receiptInvalid");

    private final String messageKey;

    BatchProblem(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The bundle key; the message takes one argument, the detail (a file name, a number). */
    public String messageKey() {
        return messageKey;
    }

    /** Parses a code sent by the other side; null when unknown. */
    public static BatchProblem parse(String code) {
        if (code == null) {
            return null;
        }
        for (BatchProblem p : values()) {
            if (p.name().equals(code)) {
                return p;
            }
        }
        return null;
    }
}
