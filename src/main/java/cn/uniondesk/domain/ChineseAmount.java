package cn.uniondesk.domain;

/**
 * An amount in Chinese financial capitals (大写金额) as written on receipts, e.g. 28.35 yuan →
 * 贰拾捌元叁角伍分, 100 yuan → 壹佰元整, 1005.50 → 壹仟零伍元伍角 (no 整 after 角, which the rules allow).
 */
public final class ChineseAmount {
    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
    private static final int[] POWERS = {1, 10, 100, 1000};
    private static final String[] BIG_UNITS = {"", "万", "亿", "万亿"};

    private ChineseAmount() {
    }

    public static String of(Money m) {
        return of(m.fen());
    }

    public static String of(long fen) {
        if (fen < 0) {
            return "负" + of(-fen);
        }
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int f = (int) (fen % 10);
        StringBuilder sb = new StringBuilder();
        if (yuan > 0) {
            sb.append(integerPart(yuan)).append('元');
        }
        if (jiao == 0 && f == 0) {
            if (yuan == 0) {
                return "零元整";
            }
            return sb.append('整').toString();
        }
        if (jiao > 0) {
            sb.append(DIGITS[jiao]).append('角');
        } else if (yuan > 0) {
            sb.append('零');
        }
        if (f > 0) {
            sb.append(DIGITS[f]).append('分');
        }
        return sb.toString();
    }

    private static String integerPart(long n) {
        StringBuilder out = new StringBuilder();
        int group = 0;
        boolean needZero = false;
        while (n > 0) {
            int g = (int) (n % 10000);
            if (g != 0) {
                String s = fourDigits(g) + BIG_UNITS[group];
                if (needZero) {
                    s = s + "零";
                }
                out.insert(0, s);
                needZero = g < 1000;
            } else {
                needZero = out.length() > 0;
            }
            n /= 10000;
            group++;
        }
        String r = out.toString();
        while (r.endsWith("零")) {
            r = r.substring(0, r.length() - 1);
        }
        return r.replace("零零", "零");
    }

    private static String fourDigits(int g) {
        StringBuilder sb = new StringBuilder();
        boolean zero = false;
        for (int i = 3; i >= 0; i--) {
            int d = g / POWERS[i] % 10;
            if (d == 0) {
                zero = sb.length() > 0;
            } else {
                if (zero) {
                    sb.append('零');
                    zero = false;
                }
                sb.append(DIGITS[d]).append(SMALL_UNITS[i]);
            }
        }
        return sb.toString();
    }
}
