package cn.uniondesk.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact amount of money in 分 (1/100 yuan). Never a double. */
public record Money(long fen) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Parses a yuan amount such as {@code 4500}, {@code 4500.5}, {@code ￥4,500.50}; more than 2 decimals is refused. */
    public static Money parseYuan(String text) {
        String t = TextNormalizer.compact(text).replace(",", "").replace("¥", "").replace("￥", "").replace("元", "");
        BigDecimal d = new BigDecimal(t);
        if (d.scale() > 2 && d.stripTrailingZeros().scale() > 2) {
            throw new NumberFormatException("more than two decimals: " + text);
        }
        return new Money(d.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    public Money plus(Money o) {
        return new Money(Math.addExact(fen, o.fen));
    }

    public Money minus(Money o) {
        return new Money(Math.subtractExact(fen, o.fen));
    }

    /** {@code 4500.00} */
    public String toYuanString() {
        return yuan().toPlainString();
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(fen, o.fen);
    }

    @Override
    public String toString() {
        return toYuanString();
    }
}
