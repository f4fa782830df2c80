package cn.uniondesk.service.report;

import java.math.BigDecimal;

/** A percentage in basis points (10000 = 100 %), exact. */
public record Percent(long bp) {
    public static Percent of(long part, long whole) {
        return new Percent(whole == 0 ? 0 : part * 10000 / whole);
    }

    /** The fraction as a spreadsheet stores it (0.9512 for 95.12 %). */
    public BigDecimal fraction() {
        return BigDecimal.valueOf(bp, 4);
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(bp, 2).toPlainString() + "%";
    }
}
