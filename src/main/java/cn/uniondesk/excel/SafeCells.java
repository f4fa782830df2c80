package cn.uniondesk.excel;

/** Formula-injection defence for written cells (STACK.md): text that a spreadsheet could take for a formula. */
public final class SafeCells {
    private SafeCells() {
    }

    /** True when the text starts with = + - @ (or their full-width forms), a tab or a carriage return. */
    public static boolean looksLikeFormula(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D'
                || c == '\uFF20' || c == '\t' || c == '\r';
    }
}
