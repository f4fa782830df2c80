package cn.uniondesk.domain.cases;

/**
 * The kinds of case (PRODUCT.md §3). Names, fields and the workflow of each type come from the
 * workflow definitions ({@link WorkflowBook}); the constants are the stable codes stored in the
 * database and used on the command line.
 */
public enum CaseType {
    /** 生活救助 */
    LIVING_AID,
    /** 医疗救助 */
    MEDICAL_AID,
    /** 助学 (金秋助学) */
    EDUCATION_AID,
    /** 送温暖 */
    FESTIVAL_VISIT,
    /** 慰问 (患病, 生育, 结婚, 丧事) */
    CONDOLENCE,
    /** 法律援助 */
    LEGAL_AID,
    /** 劳动争议 */
    LABOUR_DISPUTE,
    /** 职工诉求 */
    COMPLAINT
}
