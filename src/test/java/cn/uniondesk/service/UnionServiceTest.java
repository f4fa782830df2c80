package cn.uniondesk.service;

import static cn.uniondesk.domain.CreditCodeTest.withCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.AuditEntry;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.sync.OfficeFixture;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 本单位: changes need an administrator, are validated, audited with before/after, in one transaction. */
class UnionServiceTest {
    static final String CODE = withCheck("81320505MC0000002");

    @TempDir
    Path dir;

    private static List<AuditEntry> unionRows(AppContext ctx) {
        return ctx.audit().find(null, "union", "1", 50);
    }

    @Test
    void anAdministratorsChangeIsStoredNormalisedWithOneAuditRowHoldingBeforeAndAfter() {
        try (AppContext ctx = TestApp.open(dir)) {
            ctx.union().save(new UnionInfo("某机械厂工会", null, null, null));
            int rows = unionRows(ctx).size();
            UnionInfo stored = ctx.union().update(new UnionInfo(" 某机械厂工会委员会 ", CODE.toLowerCase(), "虎丘区总工会",
                    "320505"));
            assertThat(stored).isEqualTo(new UnionInfo("某机械厂工会委员会", CODE, "虎丘区总工会", "320505"));
            assertThat(ctx.union().union()).contains(stored);
            List<AuditEntry> after = unionRows(ctx);
            assertThat(after).hasSize(rows + 1);
            AuditEntry row = after.get(0);
            assertThat(row.action()).isEqualTo(UnionService.AUDIT_UPDATE);
            assertThat(row.actor()).isEqualTo(TestApp.OPERATOR);
            assertThat(row.before()).isEqualTo("name=某机械厂工会; orgCode=; upperUnion=; regionCode=");
            assertThat(row.after()).isEqualTo("name=某机械厂工会委员会; orgCode=" + CODE
                    + "; upperUnion=虎丘区总工会; regionCode=320505");
            // the same details again: nothing written
            ctx.union().update(new UnionInfo("某机械厂工会委员会", CODE, "虎丘区总工会", "320505"));
            assertThat(unionRows(ctx)).hasSize(rows + 1);
            assertThat(ctx.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void aClerkOrAnAuditorMayNotChangeTheUnionAndNothingIsWritten() {
        try (AppContext ctx = TestApp.open(dir)) {
            ctx.union().save(new UnionInfo("某机械厂工会", null, null, null));
            int audit = ctx.audit().count();
            for (Role role : List.of(Role.CLERK, Role.AUDITOR)) {
                ctx.session().switchTo("小王", role);
                assertThat(ctx.union().mayEdit()).isFalse();
                assertThatThrownBy(() -> ctx.union().update(new UnionInfo("别的工会", CODE, null, null)))
                        .isInstanceOf(PermissionDeniedException.class);
                assertThatThrownBy(() -> ctx.union().save(new UnionInfo("别的工会", CODE, null, null)))
                        .isInstanceOf(PermissionDeniedException.class);
            }
            assertThat(ctx.union().union()).contains(new UnionInfo("某机械厂工会", null, null, null));
            assertThat(ctx.audit().count()).isEqualTo(audit);
        }
    }

    @Test
    void badInputIsRefusedWithItsMessageKeyAndNothingIsWritten() {
        try (AppContext ctx = TestApp.open(dir)) {
            ctx.union().save(new UnionInfo("某机械厂工会", CODE, null, null));
            int audit = ctx.audit().count();
            String typo = CODE.substring(0, 17) + (CODE.charAt(17) == '0' ? '1' : '0');
            assertThatThrownBy(() -> ctx.union().update(new UnionInfo("某机械厂工会", typo, null, null)))
                    .isInstanceOf(RuleViolationException.class).hasMessage("unioninfo.orgCode.check");
            assertThatThrownBy(() -> ctx.union().update(new UnionInfo(" ", CODE, null, null)))
                    .isInstanceOf(RuleViolationException.class).hasMessage("unioninfo.name.required");
            assertThatThrownBy(() -> ctx.union().update(new UnionInfo("某机械厂工会", CODE, null, "999999")))
                    .isInstanceOf(RuleViolationException.class).hasMessage("unioninfo.region.unknown");
            assertThat(ctx.union().union()).contains(new UnionInfo("某机械厂工会", CODE, null, null));
            assertThat(ctx.audit().count()).isEqualTo(audit);
        }
    }

    @Test
    void theFirstSetUpPathIsAuditedToo() {
        try (AppContext ctx = TestApp.open(dir)) {
            int audit = ctx.audit().count();
            ctx.union().save(new UnionInfo("某机械厂工会", null, null, null));
            assertThat(ctx.audit().count()).isEqualTo(audit + 1);
            assertThat(unionRows(ctx).get(0).action()).isEqualTo(UnionService.AUDIT_SAVE);
            assertThatThrownBy(() -> ctx.union().save(new UnionInfo("  ", null, null, null)))
                    .isInstanceOf(RuleViolationException.class).hasMessage("unioninfo.name.required");
        }
    }

    @Test
    void aUnionWithoutACodeCanExportABatchOnceTheCodeIsSet() throws Exception {
        try (AppContext ctx = OfficeFixture.open(dir)) {
            UnionInfo was = ctx.union().union().orElseThrow();
            ctx.union().save(new UnionInfo(was.name(), null, was.upperUnion(), was.regionCode()));
            assertThatThrownBy(() -> ctx.batches().export(OfficeFixture.MONTH, false, null))
                    .isInstanceOf(RuleViolationException.class).hasMessage("batch.noOrgCode");
            ctx.union().update(new UnionInfo(was.name(), CODE, was.upperUnion(), was.regionCode()));
            BatchService.Exported e = ctx.batches().export(OfficeFixture.MONTH, false, null);
            assertThat(e.file().getFileName().toString()).isEqualTo(CODE + "-2026-11-0001.zip");
            assertThat(ctx.batches().verify(e.file()).ok()).isTrue();
        }
    }
}
