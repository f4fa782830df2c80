package cn.uniondesk.domain.dues;

/**
 * The month's dues for one member and how they were reached: the wage base, the base after the
 * 10-yuan floor (工资尾数不足十元不计), the amount in 分, and the exemption applied, if any.
 */
public record DuesResult(long wageBaseFen, long flooredBaseFen, long amountFen, ExemptionRule exemption) {
    public boolean exempt() {
        return exemption != null;
    }
}
