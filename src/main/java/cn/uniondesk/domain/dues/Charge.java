package cn.uniondesk.domain.dues;

import java.time.YearMonth;

/** An amount owed by a member for a month. */
public record Charge(long memberId, YearMonth period, ChargeKind kind, long baseFen, long amountFen,
        String exemption) {
}
