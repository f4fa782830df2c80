package cn.uniondesk.domain;

import static cn.uniondesk.domain.MemberEventType.DECEASE;
import static cn.uniondesk.domain.MemberEventType.JOIN;
import static cn.uniondesk.domain.MemberEventType.LEAVE;
import static cn.uniondesk.domain.MemberEventType.RETIRE;
import static cn.uniondesk.domain.MemberEventType.TRANSFER_IN;
import static cn.uniondesk.domain.MemberEventType.TRANSFER_OUT;
import static cn.uniondesk.domain.MemberEventType.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemberLifecycleTest {

    @Test
    void newPersonEntersByJoinOrTransferIn() {
        assertThat(MemberLifecycle.next(null, JOIN)).isEqualTo(MemberStatus.ACTIVE);
        assertThat(MemberLifecycle.next(null, TRANSFER_IN)).isEqualTo(MemberStatus.ACTIVE);
        assertThatThrownBy(() -> MemberLifecycle.next(null, LEAVE)).isInstanceOf(LifecycleException.class);
    }

    @Test
    void activeMemberMayTransferOutLeaveRetireOrDie() {
        assertThat(MemberLifecycle.next(MemberStatus.ACTIVE, TRANSFER_OUT)).isEqualTo(MemberStatus.TRANSFERRED_OUT);
        assertThat(MemberLifecycle.next(MemberStatus.ACTIVE, LEAVE)).isEqualTo(MemberStatus.LEFT);
        assertThat(MemberLifecycle.next(MemberStatus.ACTIVE, RETIRE)).isEqualTo(MemberStatus.RETIRED);
        assertThat(MemberLifecycle.next(MemberStatus.ACTIVE, DECEASE)).isEqualTo(MemberStatus.DECEASED);
        assertThat(MemberLifecycle.allowedActions(MemberStatus.ACTIVE))
                .containsExactly(TRANSFER_OUT, LEAVE, RETIRE, DECEASE);
    }

    @Test
    void activeMemberCannotJoinAgain() {
        assertThatThrownBy(() -> MemberLifecycle.next(MemberStatus.ACTIVE, JOIN))
                .isInstanceOf(LifecycleException.class);
    }

    @Test
    void retireeKeepsMembershipAndCannotRetireTwice() {
        assertThat(MemberStatus.RETIRED.holdsMembership()).isTrue();
        assertThatThrownBy(() -> MemberLifecycle.next(MemberStatus.RETIRED, RETIRE))
                .isInstanceOf(LifecycleException.class);
        assertThat(MemberLifecycle.next(MemberStatus.RETIRED, DECEASE)).isEqualTo(MemberStatus.DECEASED);
    }

    @Test
    void memberWhoLeftOrTransferredOutMayComeBack() {
        assertThat(MemberLifecycle.next(MemberStatus.LEFT, JOIN)).isEqualTo(MemberStatus.ACTIVE);
        assertThat(MemberLifecycle.next(MemberStatus.TRANSFERRED_OUT, TRANSFER_IN)).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void deceasedIsFinal() {
        assertThat(MemberLifecycle.allowedActions(MemberStatus.DECEASED)).isEmpty();
        for (MemberEventType t : MemberEventType.values()) {
            assertThat(MemberLifecycle.isAllowed(MemberStatus.DECEASED, t)).as(t.name()).isFalse();
        }
    }

    @Test
    void updateIsNotALifecycleStep() {
        assertThatThrownBy(() -> MemberLifecycle.next(MemberStatus.ACTIVE, UPDATE))
                .isInstanceOf(LifecycleException.class);
    }
}
