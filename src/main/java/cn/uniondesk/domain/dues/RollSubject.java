package cn.uniondesk.domain.dues;

/** What the monthly roll needs of one member. {@code wageFen} is the base in force for the month (null: none). */
public record RollSubject(long memberId, MembershipSpan span, boolean hardship, String hardshipLevel,
        String employmentType, Long wageFen) {
}
