package cn.uniondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.FieldIssue;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.LifecycleException;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberServiceTest {
    @TempDir
    Path dir;
    AppContext ctx;
    MemberService members;

    static String validId(String region, String date, String seq) {
        String body = region + date + seq;
        return body + IdNumber.checkChar(body);
    }

    static MemberDraft draft(String name, String id, String card) {
        return new MemberDraft(name, null, "汉族", id, null, "13912345678", "大学本科", "群众", null, "装配工", "劳动合同",
                false, "城镇", LocalDate.of(2015, 3, 1), card, "5000", false, null, null);
    }

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir);
        members = ctx.members();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void registeringStoresMemberAndJoinEvent() {
        SaveResult r = members.register(draft("张三", validId("320505", "19900101", "011"), "GH001"), null);
        Member m = members.get(r.memberId());
        assertThat(m.name()).isEqualTo("张三");
        assertThat(m.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(m.monthlyWageFen()).isEqualTo(500000L);
        List<MemberEvent> h = members.history(m.id());
        assertThat(h).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(MemberEventType.JOIN);
            assertThat(e.eventDate()).isEqualTo(LocalDate.of(2015, 3, 1));
            assertThat(e.operator()).isEqualTo(TestApp.OPERATOR);
        });
    }

    @Test
    void duplicateIdNumberIsRefusedAndNothingWritten() {
        String id = validId("320505", "19900101", "011");
        members.register(draft("张三", id, "GH001"), null);
        int events = members.history(1).size();
        assertThatThrownBy(() -> members.register(draft("张三三", id.toLowerCase(), "GH002"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                        .extracting(FieldIssue::messageKey).contains("validation.duplicateId"));
        assertThat(members.count()).isEqualTo(1);
        assertThat(members.history(1)).hasSize(events);
    }

    @Test
    void invalidDraftIsRefusedWithEveryIssue() {
        MemberDraft bad = new MemberDraft("", null, null, "110105194912310021", null, "123", null, null, null, null,
                null, false, null, null, null, "abc", false, null, null);
        assertThatThrownBy(() -> members.register(bad, null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.issues()).hasSizeGreaterThanOrEqualTo(5));
        assertThat(members.count()).isZero();
    }

    @Test
    void transferOutRecordsEventWithCounterpartAndChangesStatus() {
        long id = members.register(draft("张三", validId("320505", "19900101", "011"), "GH001"), null).memberId();
        members.applyLifecycle(id, new LifecycleRequest(MemberEventType.TRANSFER_OUT, LocalDate.of(2026, 11, 1),
                "调往兄弟单位", "转字2026第15号", "苏州工业园区总工会"));
        assertThat(members.get(id).status()).isEqualTo(MemberStatus.TRANSFERRED_OUT);
        MemberEvent last = members.history(id).get(1);
        assertThat(last.type()).isEqualTo(MemberEventType.TRANSFER_OUT);
        assertThat(last.counterpartUnion()).isEqualTo("苏州工业园区总工会");
        assertThat(last.referenceNo()).isEqualTo("转字2026第15号");
        assertThat(last.statusBefore()).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void refusedLifecycleStepLeavesMemberUnchanged() {
        long id = members.register(draft("张三", validId("320505", "19900101", "011"), "GH001"), null).memberId();
        members.applyLifecycle(id, new LifecycleRequest(MemberEventType.DECEASE, LocalDate.of(2026, 10, 1), "病故",
                null, null));
        assertThatThrownBy(() -> members.applyLifecycle(id, new LifecycleRequest(MemberEventType.LEAVE,
                LocalDate.of(2026, 11, 1), "退会", null, null))).isInstanceOf(LifecycleException.class);
        assertThat(members.get(id).status()).isEqualTo(MemberStatus.DECEASED);
        assertThat(members.history(id)).hasSize(2);
    }

    @Test
    void transferOutWithoutOtherUnionIsRefused() {
        long id = members.register(draft("张三", validId("320505", "19900101", "011"), "GH001"), null).memberId();
        assertThatThrownBy(() -> members.applyLifecycle(id, new LifecycleRequest(MemberEventType.TRANSFER_OUT,
                LocalDate.of(2026, 11, 1), "调动", null, " "))).isInstanceOf(ValidationException.class);
        assertThat(members.get(id).status()).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void updateRecordsChangedFieldsWithSensitiveValuesMasked() {
        long id = members.register(draft("张三", validId("320505", "19900101", "011"), "GH001"), null).memberId();
        MemberDraft changed = new MemberDraft("张三", null, "汉族", validId("320505", "19900101", "011"), null,
                "13700001111", "大学本科", "中共党员", null, "装配工", "劳动合同", false, "城镇", LocalDate.of(2015, 3, 1),
                "GH001", "5000", false, null, null);
        members.update(id, changed);
        MemberEvent upd = members.history(id).get(1);
        assertThat(upd.type()).isEqualTo(MemberEventType.UPDATE);
        assertThat(upd.details()).contains("POLITICAL_STATUS: 群众 → 中共党员").contains("137****1111")
                .doesNotContain("13700001111");
    }

    @Test
    void searchFindsByPinyinInitialsFullPinyinIdMobileAndCard() {
        members.register(draft("张三", validId("320505", "19900101", "011"), "GH001"), null);
        members.register(draft("李四", validId("320505", "19910202", "022"), "GH002"), null);
        assertThat(names(members.search(MemberQuery.text("zs")))).containsExactly("张三");
        assertThat(names(members.search(MemberQuery.text("zhangsan")))).containsExactly("张三");
        assertThat(names(members.search(MemberQuery.text("ZhangS")))).containsExactly("张三");
        assertThat(names(members.search(MemberQuery.text("张")))).containsExactly("张三");
        assertThat(names(members.search(MemberQuery.text("19910202")))).containsExactly("李四");
        assertThat(names(members.search(MemberQuery.text("gh002")))).containsExactly("李四");
        assertThat(members.search(MemberQuery.text("1391234"))).hasSize(2);
    }

    @Test
    void searchFiltersByStatusAndSeesChangesAtOnce() {
        long id = members.register(draft("张三", validId("320505", "19900101", "011"), "GH001"), null).memberId();
        members.register(draft("李四", validId("320505", "19910202", "022"), "GH002"), null);
        members.search(MemberQuery.all());
        members.applyLifecycle(id, new LifecycleRequest(MemberEventType.LEAVE, LocalDate.of(2026, 11, 1), "离职",
                null, null));
        assertThat(names(members.search(new MemberQuery("", null, Set.of(MemberStatus.LEFT), null, null))))
                .containsExactly("张三");
        assertThat(names(members.search(new MemberQuery("", null, Set.of(MemberStatus.ACTIVE), null, null))))
                .containsExactly("李四");
    }

    @Test
    void cancelledSearchReturnsNull() {
        members.register(draft("张三", validId("320505", "19900101", "011"), "GH001"), null);
        AtomicInteger checks = new AtomicInteger();
        assertThat(members.search(MemberQuery.text("zs"), () -> checks.incrementAndGet() > 0)).isNull();
    }

    @Test
    void findsByIdNumberCardOrFifteenDigitForm() {
        members.register(draft("王五", "11010519491231002X", "GH009"), null);
        assertThat(members.find("11010519491231002x")).map(Member::name).contains("王五");
        assertThat(members.find("110105491231002")).map(Member::name).contains("王五");
        assertThat(members.find("GH009")).map(Member::name).contains("王五");
        assertThat(members.find("GH404")).isEmpty();
    }

    @Test
    void demoUnionLoadsAboutThreeHundredValidMembersWithHistory() {
        int n = ctx.demo().loadDemo();
        assertThat(n).isBetween(250, 350);
        List<MemberRow> all = members.search(MemberQuery.all());
        assertThat(all).hasSize(n);
        for (MemberRow r : all) {
            IdNumber.parse(r.idNumber());
        }
        assertThat(all).extracting(MemberRow::status).contains(MemberStatus.TRANSFERRED_OUT, MemberStatus.LEFT,
                MemberStatus.RETIRED);
        assertThat(members.departments()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(ctx.union().union()).hasValueSatisfying(u -> assertThat(u.name()).contains("工会"));
    }

    private static List<String> names(List<MemberRow> rows) {
        return rows.stream().map(MemberRow::name).toList();
    }
}
