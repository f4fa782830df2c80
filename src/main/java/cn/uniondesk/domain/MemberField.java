package cn.uniondesk.domain;

/** The fields of the member register; {@link #labelKey()} names the label in the message bundle. */
public enum MemberField {
    NAME, GENDER, ETHNICITY, ID_NUMBER, BIRTH_DATE, MOBILE, EDUCATION, POLITICAL_STATUS, DEPARTMENT, JOB,
    EMPLOYMENT_TYPE, MIGRANT_WORKER, HOUSEHOLD_TYPE, JOIN_DATE, CARD_NO, MONTHLY_WAGE, STATUS, HARDSHIP,
    HARDSHIP_LEVEL, NOTES;

    public String labelKey() {
        return "member.field." + name();
    }
}
