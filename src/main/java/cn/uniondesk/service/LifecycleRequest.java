package cn.uniondesk.service;

import cn.uniondesk.domain.MemberEventType;
import java.time.LocalDate;

/**
 * A lifecycle step for a member: 转出, 退会, 退休保留会籍, 去世, or coming back by 入会/转入.
 * {@code counterpartUnion} and {@code referenceNo} are the other union and its letter's
 * reference (会员关系接转), needed for transfers.
 */
public record LifecycleRequest(MemberEventType type, LocalDate date, String reason, String referenceNo,
        String counterpartUnion) {
}
