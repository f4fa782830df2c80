package cn.uniondesk.service;

import cn.uniondesk.domain.MemberStatus;
import java.util.Set;

/**
 * A search over the register: free text (name, 拼音 full or initials, ID number, mobile, card
 * number), and optional filters. An empty status set means every status.
 */
public record MemberQuery(String text, Long departmentId, Set<MemberStatus> statuses, Boolean hardship,
        Boolean migrantWorker) {

    public static MemberQuery all() {
        return new MemberQuery("", null, Set.of(), null, null);
    }

    public static MemberQuery text(String text) {
        return new MemberQuery(text, null, Set.of(), null, null);
    }
}
