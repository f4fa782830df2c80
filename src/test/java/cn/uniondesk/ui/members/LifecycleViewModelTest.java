package cn.uniondesk.ui.members;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    MemberListViewModel list;

    @BeforeEach
    void open() {
        ctx = TestData.demo(dir);
        list = new MemberListViewModel(ctx.members(), new SameThreadExecutor(), Messages.chinese());
        list.activate();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private void select(MemberStatus status) {
        list.statusFilterProperty().set(status);
        list.selectedRowProperty().set(list.rows().get(0));
        list.statusFilterProperty().set(null);
    }

    @Test
    void transferOutAsksCounterpartThenConfirmsAndRecordsTheEvent() {
        select(MemberStatus.ACTIVE);
        long id = list.selectedMemberProperty().get().id();
        LifecycleViewModel lc = list.lifecycle(MemberEventType.TRANSFER_OUT);
        assertThat(lc.isAllowed()).isTrue();
        assertThat(lc.dateProperty().get()).isEqualTo(ctx.members().today());
        assertThat(lc.next()).isFalse();
        assertThat(lc.errorProperty().get()).contains("请填写原因").contains("请填写对方工会名称");
        lc.reasonProperty().set("工作调动");
        lc.counterpartUnionProperty().set("无锡市新区总工会");
        assertThat(lc.next()).isTrue();
        assertThat(lc.confirmationText()).contains("转出").contains("无锡市新区总工会");
        AtomicReference<MemberEvent> done = new AtomicReference<>();
        lc.confirm(ev -> {
            done.set(ev);
            list.refreshAfterChange(ev.memberId());
        });
        assertThat(done.get().type()).isEqualTo(MemberEventType.TRANSFER_OUT);
        assertThat(list.selectedMemberProperty().get().status()).isEqualTo(MemberStatus.TRANSFERRED_OUT);
        assertThat(list.history()).extracting(MemberEvent::type).contains(MemberEventType.TRANSFER_OUT);
        assertThat(list.rows()).filteredOn(r -> r.id() == id).singleElement()
                .extracting(r -> r.status()).isEqualTo(MemberStatus.TRANSFERRED_OUT);
        assertThat(list.allowedActions()).containsExactlyInAnyOrder(MemberEventType.JOIN, MemberEventType.TRANSFER_IN);
    }

    @Test
    void stepNotAllowedFromTheStatusIsRefusedAndNothingChanges() {
        select(MemberStatus.LEFT);
        long id = list.selectedMemberProperty().get().id();
        int events = ctx.members().history(id).size();
        assertThat(list.isAllowed(MemberEventType.RETIRE)).isFalse();
        LifecycleViewModel lc = list.lifecycle(MemberEventType.RETIRE);
        lc.reasonProperty().set("到龄");
        assertThat(lc.isAllowed()).isFalse();
        assertThat(lc.next()).isFalse();
        assertThat(lc.errorProperty().get()).isEqualTo("当前状态“已退会”不能办理“退休保留会籍”");
        lc.confirm(ev -> { });
        assertThat(ctx.members().history(id)).hasSize(events);
    }

    @Test
    void serviceRefusalIsShownClearly() {
        select(MemberStatus.ACTIVE);
        LifecycleViewModel lc = list.lifecycle(MemberEventType.LEAVE);
        lc.reasonProperty().set("个人原因");
        lc.dateProperty().set(list.selectedMemberProperty().get().joinDate().minusDays(1));
        assertThat(lc.next()).isTrue();
        lc.confirm(ev -> { });
        assertThat(lc.errorProperty().get()).isEqualTo("日期早于入会日期");
        assertThat(lc.confirmingProperty().get()).isFalse();
    }
}
