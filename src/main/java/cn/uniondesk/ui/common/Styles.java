package cn.uniondesk.ui.common;

/** Inline styles shared by the views (kept here so views stay thin). */
public final class Styles {
    public static final String ERROR_FIELD = "-fx-border-color: #d32f2f; -fx-border-width: 1.5;";
    public static final String ERROR_TEXT = "-fx-text-fill: #d32f2f; -fx-font-size: 12px;";
    public static final String WARNING_TEXT = "-fx-text-fill: #b26a00; -fx-font-size: 12px;";
    public static final String MUTED_TEXT = "-fx-text-fill: #666666;";
    public static final String HEADING = "-fx-font-size: 16px; -fx-font-weight: bold;";
    public static final String NAV = "-fx-background-color: #2f3e4e;";
    public static final String NAV_BUTTON = "-fx-background-color: transparent; -fx-text-fill: #e8edf2; "
            + "-fx-font-size: 14px; -fx-alignment: center-left; -fx-padding: 10 18 10 18;";
    public static final String NAV_BUTTON_SELECTED = "-fx-background-color: #4a6078; -fx-text-fill: white; "
            + "-fx-font-size: 14px; -fx-alignment: center-left; -fx-padding: 10 18 10 18;";

    private Styles() {
    }
}
