package cn.uniondesk.domain;

/** 性别. Stored and exported by its English code (M/F); {@link #zh()} is the official term. */
public enum Gender {
    M("男"),
    F("女");

    private final String zh;

    Gender(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** Accepts 男/女, M/F, male/female (any case, surrounding space ignored); null when not recognised. */
    public static Gender parseLenient(String text) {
        if (text == null) {
            return null;
        }
        String t = TextNormalizer.normalize(text).toUpperCase(java.util.Locale.ROOT);
        switch (t) {
            case "男":
            case "M":
            case "MALE":
                return M;
            case "女":
            case "F":
            case "FEMALE":
                return F;
            default:
                return null;
        }
    }
}
