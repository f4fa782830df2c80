package cn.uniondesk.domain.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 工会经费 arithmetic: the employer owes 2 % of the payroll total (工资总额); of what was received,
 * the upper share (上解比例, in basis points: 4000 = 40 %) is owed upward and the rest is kept (留成).
 * Amounts in 分.
 */
public final class UnionFund {
    /** The share of the payroll total that is due (2 %), in basis points. */
    public static final int DUE_BP = 200;
    /** The largest amount accepted (one hundred billion yuan), far below any overflow. */
    public static final long MAX_FEN = 10_000_000_000_000L;

    private UnionFund() {
    }

    /** 应拨缴: 2 % of the payroll total, rounded down to the 分. */
    public static long dueFen(long payrollTotalFen) {
        return payrollTotalFen * DUE_BP / 10000;
    }

    /** 应上解: the upper share of what was received, rounded down to the 分. */
    public static long upperShareFen(long receivedFen, int upperShareBp) {
        return receivedFen * upperShareBp / 10000;
    }

    /** 留成: what was received less the upper share. */
    public static long retainedFen(long receivedFen, int upperShareBp) {
        return receivedFen - upperShareFen(receivedFen, upperShareBp);
    }

    /**
     * Parses a percentage such as {@code 40}, {@code 40.5}, {@code 40%} or {@code 40.25％} into basis
     * points. More than two decimals is refused; the range is not checked here.
     *
     * @throws NumberFormatException when the text is not such a number
     */
    public static int parsePercentBp(String text) {
        if (text == null) {
            throw new NumberFormatException("no percentage");
        }
        String t = text.strip().replace("%", "").replace("％", "").strip();
        BigDecimal d = new BigDecimal(t);
        if (d.stripTrailingZeros().scale() > 2) {
            throw new NumberFormatException("more than two decimals: " + text);
        }
        BigDecimal bp = d.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
        if (bp.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            throw new NumberFormatException("too large: " + text);
        }
        return bp.intValueExact();
    }

    /** {@code 4000} → {@code 40%}, {@code 4050} → {@code 40.5%}. */
    public static String percentText(int bp) {
        return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + "%";
    }
}
