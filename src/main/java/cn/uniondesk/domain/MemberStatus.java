package cn.uniondesk.domain;

/** 会员状态. */
public enum MemberStatus {
    /** 在册 */
    ACTIVE("在册"),
    /** 退休保留会籍 */
    RETIRED("退休保留会籍"),
    /** 已转出 */
    TRANSFERRED_OUT("已转出"),
    /** 已退会 */
    LEFT("已退会"),
    /** 已故 */
    DECEASED("已故");

    private final String zh;

    MemberStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** Counted in the register (有会籍): active members and retirees keeping membership. */
    public boolean holdsMembership() {
        return this == ACTIVE || this == RETIRED;
    }

    public static MemberStatus parseLenient(String s) {
        String t = TextNormalizer.normalize(s);
        for (MemberStatus st : values()) {
            if (st.name().equalsIgnoreCase(t) || st.zh.equals(t)) {
                return st;
            }
        }
        return null;
    }
}
