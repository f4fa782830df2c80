package cn.uniondesk.domain.dues;

import cn.uniondesk.domain.MemberStatus;

/**
 * What the dues rule needs to know of a member for one month: the wage base in 分 (the pay
 * components the union's rule counts, e.g. basic wage without bonuses), status and the fields
 * exemptions may look at.
 */
public record DuesSubject(long wageBaseFen, MemberStatus status, boolean hardship, String hardshipLevel,
        String employmentType) {

    public static DuesSubject ofWage(long wageBaseFen) {
        return new DuesSubject(wageBaseFen, MemberStatus.ACTIVE, false, null, null);
    }
}
