package cn.uniondesk.domain;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a member's history, kept forever. */
public record MemberEvent(
        Long id,
        long memberId,
        MemberEventType type,
        LocalDate eventDate,
        String reason,
        String referenceNo,
        String counterpartUnion,
        MemberStatus statusBefore,
        MemberStatus statusAfter,
        String operator,
        Instant recordedAt,
        String details) {
}
