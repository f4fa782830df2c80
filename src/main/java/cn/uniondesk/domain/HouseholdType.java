package cn.uniondesk.domain;

/** 户籍类型. */
public enum HouseholdType {
    URBAN("城镇"),
    RURAL("农村");

    private final String zh;

    HouseholdType(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public static HouseholdType parseLenient(String s) {
        String t = TextNormalizer.normalize(s);
        for (HouseholdType h : values()) {
            if (h.name().equalsIgnoreCase(t) || h.zh.equals(t) || (h.zh + "户口").equals(t)) {
                return h;
            }
        }
        if ("非农业".equals(t) || "非农".equals(t)) {
            return URBAN;
        }
        if ("农业".equals(t)) {
            return RURAL;
        }
        return null;
    }
}
