package cn.uniondesk.domain.cases;

/** Vocabularies of the hardship file (困难职工档案). Labels: {@code hardship.<enum>.<CONSTANT>} in the bundles. */
public final class HardshipEnums {
    private HardshipEnums() {
    }

    /** 困难类别, the same three as the member register's 困难等级. */
    public enum Category {
        /** 一般困难 */
        GENERAL,
        /** 深度困难 */
        DEEP,
        /** 意外致困 */
        ACCIDENT;

        public String key() {
            return "hardship.category." + name();
        }
    }

    /** 健康状况 */
    public enum Health {
        HEALTHY, CHRONIC_ILLNESS, SERIOUS_ILLNESS, DISABLED;

        public String key() {
            return "hardship.health." + name();
        }
    }

    /** 工作状态 */
    public enum WorkStatus {
        EMPLOYED, SICK_LEAVE, LAID_OFF, UNEMPLOYED, FLEXIBLE, RETIRED;

        public String key() {
            return "hardship.work." + name();
        }
    }

    /** 住房情况 */
    public enum Housing {
        OWN, RENTED, DORMITORY, NONE;

        public String key() {
            return "hardship.housing." + name();
        }
    }

    /** 致困原因. Illness, schooling costs and disaster allow eligibility up to 50% above the 低保 line. */
    public enum Cause {
        ILLNESS, DISABILITY, SCHOOLING, DISASTER, ACCIDENT, UNEMPLOYMENT, LOW_INCOME, SINGLE_PARENT, OTHER;

        public boolean qualifiesForBand() {
            return this == ILLNESS || this == SCHOOLING || this == DISASTER;
        }

        public String key() {
            return "hardship.cause." + name();
        }
    }
}
