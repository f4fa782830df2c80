package cn.uniondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.AuditEntry;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.Role;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditAndPermissionTest {
    @TempDir
    Path dir;

    static MemberDraft draft(String name, String seq) {
        String body = "320505" + "19900101" + seq;
        return new MemberDraft(name, null, null, body + IdNumber.checkChar(body), null, null, null, null, null, null,
                null, false, null, LocalDate.of(2015, 3, 1), null, "5000", false, null, null);
    }

    @Test
    void everyWriteIsInTheAuditTrailWithBeforeAndAfter() {
        try (AppContext ctx = TestApp.open(dir)) {
            long id = ctx.members().register(draft("张三", "011"), null).memberId();
            ctx.members().applyLifecycle(id, new LifecycleRequest(MemberEventType.LEAVE, LocalDate.of(2026, 11, 1),
                    "离职", null, null));
            List<AuditEntry> rows = ctx.audit().find(null, "member", Long.toString(id), 10);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).action()).isEqualTo("MEMBER_LEAVE");
            assertThat(rows.get(0).before()).contains("ACTIVE");
            assertThat(rows.get(0).after()).contains("LEFT");
            assertThat(rows.get(0).actor()).isEqualTo(TestApp.OPERATOR);
            assertThat(rows.get(1).action()).isEqualTo("MEMBER_JOIN");
            assertThat(rows.get(1).after()).contains("NAME=张三");
            assertThat(ctx.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void tamperingWithAnAuditRowBreaksTheChainThere() throws Exception {
        try (AppContext ctx = TestApp.open(dir)) {
            ctx.members().register(draft("张三", "011"), null);
            ctx.members().register(draft("李四", "021"), null);
            ctx.members().register(draft("王五", "031"), null);
            assertThat(ctx.audit().verify()).isEqualTo(new AuditService.Verification(true, 3, null));
        }
        try (Connection c = DriverManager.getConnection(cn.uniondesk.db.Database.url(dir), "sa", "");
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET after_data = REPLACE(after_data, '李四', '李肆') WHERE id = 2");
        }
        try (AppContext ctx = TestApp.open(dir)) {
            AuditService.Verification v = ctx.audit().verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(2L);
        }
    }

    @Test
    void deletingAnAuditRowInTheMiddleBreaksTheChain() throws Exception {
        try (AppContext ctx = TestApp.open(dir)) {
            ctx.members().register(draft("张三", "011"), null);
            ctx.members().register(draft("李四", "021"), null);
            ctx.members().register(draft("王五", "031"), null);
        }
        try (Connection c = DriverManager.getConnection(cn.uniondesk.db.Database.url(dir), "sa", "");
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_log WHERE id = 2");
        }
        try (AppContext ctx = TestApp.open(dir)) {
            assertThat(ctx.audit().verify().firstBrokenId()).isEqualTo(3L);
        }
    }

    @Test
    void auditorCannotRegisterOrChangeMembers() {
        try (AppContext ctx = TestApp.open(dir)) {
            long id = ctx.members().register(draft("张三", "011"), null).memberId();
            ctx.session().switchTo("审计员", Role.AUDITOR);
            assertThatThrownBy(() -> ctx.members().register(draft("李四", "021"), null))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> ctx.members().applyLifecycle(id, new LifecycleRequest(MemberEventType.LEAVE,
                    LocalDate.of(2026, 11, 1), "x", null, null))).isInstanceOf(PermissionDeniedException.class);
            assertThat(ctx.members().count()).isEqualTo(1);
            // but may read
            assertThat(ctx.members().get(id).name()).isEqualTo("张三");
        }
    }

    @Test
    void clerkMayEnterMembers() {
        try (AppContext ctx = TestApp.open(dir)) {
            ctx.session().switchTo("干事", Role.CLERK);
            ctx.members().register(draft("李四", "021"), null);
            assertThat(ctx.members().count()).isEqualTo(1);
            assertThat(ctx.audit().find("干事", null, null, 5)).hasSize(1);
        }
    }

    @Test
    void rolesGrantWhatProductSays() {
        assertThat(Role.ADMIN.may(cn.uniondesk.domain.Permission.APPROVE)).isTrue();
        assertThat(Role.CLERK.may(cn.uniondesk.domain.Permission.APPROVE)).isFalse();
        assertThat(Role.CLERK.may(cn.uniondesk.domain.Permission.AUDIT_READ)).isFalse();
        assertThat(Role.AUDITOR.may(cn.uniondesk.domain.Permission.AUDIT_READ)).isTrue();
        assertThat(Role.AUDITOR.may(cn.uniondesk.domain.Permission.MEMBER_WRITE)).isFalse();
    }
}
