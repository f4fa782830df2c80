package cn.uniondesk.domain.report;

import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import java.time.LocalDate;

/** One lifecycle event as the statistics read it: from {@code date} on, the status is {@code after}. */
public record StatusMark(LocalDate date, MemberEventType type, MemberStatus after) {
}
