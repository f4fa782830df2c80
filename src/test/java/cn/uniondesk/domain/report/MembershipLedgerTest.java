package cn.uniondesk.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.domain.Gender;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MembershipLedgerTest {
    static final LocalDate NOV1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOV30 = LocalDate.of(2026, 11, 30);

    static MemberFacts member(long id, LocalDate joined, MemberStatus now) {
        return new MemberFacts(id, Gender.M, LocalDate.of(1990, 1, 1), false, "一车间", joined, now);
    }

    @Test
    void joiningAndLeavingOnTheSameDayIsOneOfEachAndNoMemberAtTheEnd() {
        MembershipLedger l = new MembershipLedger(List.of(member(1, NOV1, MemberStatus.LEFT)), Map.of(1L, List.of(
                new StatusMark(LocalDate.of(2026, 11, 5), MemberEventType.JOIN, MemberStatus.ACTIVE),
                new StatusMark(LocalDate.of(2026, 11, 5), MemberEventType.LEAVE, MemberStatus.LEFT))));
        PeriodCounts c = l.count(NOV1, NOV30).total();
        assertThat(List.of(c.start(), c.joined(), c.left(), c.end())).containsExactly(0, 1, 1, 0);
        assertThat(c.balanced()).isTrue();
    }

    @Test
    void aMemberWithoutEventsCountsFromTheJoinDateWithTheCurrentStatus() {
        MembershipLedger l = new MembershipLedger(List.of(member(1, LocalDate.of(2020, 1, 1), MemberStatus.ACTIVE),
                member(2, LocalDate.of(2026, 11, 10), MemberStatus.ACTIVE)), Map.of());
        PeriodCounts c = l.count(NOV1, NOV30).total();
        assertThat(List.of(c.start(), c.joined(), c.end())).containsExactly(1, 1, 2);
        assertThat(l.holdersOn(List.of(LocalDate.of(2026, 10, 31), NOV30))).containsExactly(1, 2);
    }

    @Test
    void retirementKeepsMembershipAndChangesNoCount() {
        MembershipLedger l = new MembershipLedger(List.of(member(1, LocalDate.of(2000, 1, 1), MemberStatus.RETIRED)),
                Map.of(1L, List.of(new StatusMark(LocalDate.of(2000, 1, 1), MemberEventType.JOIN, MemberStatus.ACTIVE),
                        new StatusMark(LocalDate.of(2026, 11, 3), MemberEventType.RETIRE, MemberStatus.RETIRED))));
        PeriodCounts c = l.count(NOV1, NOV30).total();
        assertThat(List.of(c.start(), c.end(), c.retired())).containsExactly(1, 1, 1);
        assertThat(c.balanced()).isTrue();
    }

    @Test
    void ageIsTakenOnTheLastDayOfThePeriod() {
        assertThat(AgeBand.of(LocalDate.of(2001, 11, 30), NOV30)).isEqualTo(AgeBand.UP_TO_25);
        assertThat(AgeBand.of(LocalDate.of(2000, 11, 30), NOV30)).isEqualTo(AgeBand.FROM_26_TO_35);
        assertThat(AgeBand.of(LocalDate.of(1970, 12, 1), NOV30)).isEqualTo(AgeBand.FROM_46_TO_55);
        assertThat(AgeBand.of(LocalDate.of(1970, 11, 30), NOV30)).isEqualTo(AgeBand.FROM_56);
    }
}
