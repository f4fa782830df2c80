package cn.uniondesk.ui.members;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberListViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final Messages messages = Messages.chinese();

    @BeforeEach
    void open() {
        ctx = TestData.demo(dir);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void listsEveryMemberWithCountWhenActivated() {
        MemberListViewModel vm = new MemberListViewModel(ctx.members(), new SameThreadExecutor(), messages);
        vm.activate();
        assertThat(vm.rows()).hasSize(ctx.members().count());
        assertThat(vm.countTextProperty().get()).isEqualTo("共 " + ctx.members().count() + " 人");
        assertThat(vm.departments()).isNotEmpty();
    }

    @Test
    void searchByPinyinInitialsFindsTheMember() {
        MemberListViewModel vm = new MemberListViewModel(ctx.members(), new SameThreadExecutor(), messages);
        vm.activate();
        vm.searchTextProperty().set("zm");
        assertThat(vm.rows()).extracting(MemberRow::name).contains("张明");
        assertThat(vm.rows().get(0).nameInitials()).startsWith("zm");
        vm.searchTextProperty().set("zhangming");
        assertThat(vm.rows()).extracting(MemberRow::name).contains("张明");
    }

    @Test
    void olderSearchFinishingLateIsIgnored() {
        ManualExecutor ex = new ManualExecutor();
        MemberListViewModel vm = new MemberListViewModel(ctx.members(), ex, messages);
        vm.activate();
        ex.runAll();
        vm.searchTextProperty().set("z");      // older search
        vm.searchTextProperty().set("zm");     // newer keystroke
        assertThat(ex.pending()).isEqualTo(2);
        ex.runTask(1);                          // the newer one finishes first
        int newer = vm.rows().size();
        assertThat(vm.rows()).extracting(MemberRow::name).contains("张明");
        ex.runTask(0);                          // the older one: cancelled, its result ignored
        assertThat(vm.rows()).hasSize(newer);
        assertThat(vm.rows()).allMatch(r -> r.nameInitials().contains("zm") || r.namePinyin().contains("zm"));
    }

    @Test
    void statusFilterShowsOnlyThatStatus() {
        MemberListViewModel vm = new MemberListViewModel(ctx.members(), new SameThreadExecutor(), messages);
        vm.activate();
        vm.statusFilterProperty().set(MemberStatus.RETIRED);
        assertThat(vm.rows()).isNotEmpty().allMatch(r -> r.status() == MemberStatus.RETIRED);
        vm.statusFilterProperty().set(null);
        assertThat(vm.rows()).hasSize(ctx.members().count());
    }

    @Test
    void selectingAMemberLoadsDetailsHistoryAndAllowedActions() {
        MemberListViewModel vm = new MemberListViewModel(ctx.members(), new SameThreadExecutor(), messages);
        vm.activate();
        vm.statusFilterProperty().set(MemberStatus.ACTIVE);
        vm.selectedRowProperty().set(vm.rows().get(0));
        assertThat(vm.selectedMemberProperty().get().name()).isEqualTo(vm.rows().get(0).name());
        assertThat(vm.history()).extracting(e -> e.type()).contains(MemberEventType.JOIN);
        assertThat(vm.allowedActions()).contains(MemberEventType.TRANSFER_OUT, MemberEventType.LEAVE,
                MemberEventType.RETIRE, MemberEventType.DECEASE).doesNotContain(MemberEventType.JOIN);
        assertThat(vm.selectedDepartmentNameProperty().get()).isNotBlank();
    }
}
