package cn.uniondesk.ui.shell;

/** The sections of the left navigation, in display order, with their bundle keys. */
public enum Section {
    DASHBOARD("ui.nav.dashboard", null),
    MEMBERS("ui.nav.members", null),
    DUES("ui.nav.dues", null),
    AID("ui.nav.aid", null),
    REPORTS("ui.nav.reports", null),
    UPLOAD("ui.nav.upload", null),
    SETTINGS("ui.nav.settings", null);

    private final String labelKey;
    private final String comingKey;

    Section(String labelKey, String comingKey) {
        this.labelKey = labelKey;
        this.comingKey = comingKey;
    }

    public String labelKey() {
        return labelKey;
    }

    /** What the section will hold, for sections not built yet; null when built. */
    public String comingKey() {
        return comingKey;
    }
}
