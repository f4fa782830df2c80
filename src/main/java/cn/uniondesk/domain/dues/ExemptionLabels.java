package cn.uniondesk.domain.dues;

/** The Chinese wording of a charge's exemption code, as printed in reports. */
public final class ExemptionLabels {
    private ExemptionLabels() {
    }

    public static String label(String code) {
        if (code == null) {
            return "";
        }
        if (code.equals("NO_WAGE")) {
            return "未登记工资";
        }
        if (code.equals("STATUS:RETIRED")) {
            return "退休保留会籍免缴";
        }
        int i = code.indexOf(':');
        return i < 0 ? code : code.substring(i + 1);
    }
}
