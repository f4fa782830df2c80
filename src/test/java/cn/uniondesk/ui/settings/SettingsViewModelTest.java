package cn.uniondesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.app.AppLoginGateway;
import cn.uniondesk.domain.Account;
import cn.uniondesk.domain.AuditEntry;
import cn.uniondesk.domain.Role;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings tabs over a real, encrypted demo folder. */
class SettingsViewModelTest {
    static final Messages M = Messages.chinese();

    @TempDir
    Path dir;
    AppContext ctx;
    final SameThreadExecutor executor = new SameThreadExecutor();

    @BeforeEach
    void demo() {
        TestData.encryptedDemo(dir);
        ctx = AppContext.unlock(dir, "demo", "demo1234".toCharArray(), TestData.CLOCK);
    }

    @AfterEach
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    private AuditViewModel audit() {
        return new AuditViewModel(ctx.audit(), ctx.session(), executor, M);
    }

    private BackupViewModel backup(Restorer restorer) {
        return new BackupViewModel(ctx.backups(), ctx.session(), executor, M, restorer);
    }

    private AccountsViewModel accounts() {
        return new AccountsViewModel(ctx.accounts(), ctx.session(), executor, M);
    }

    @Test
    void theAuditTabListsTheNewestRowsFiltersThemAndVerifiesTheChainIntact() {
        AuditViewModel vm = audit();
        assertThat(vm.allowed()).isTrue();
        vm.load();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.rows()).isNotEmpty().hasSizeLessThanOrEqualTo(AuditViewModel.LIMIT);
        vm.entityFilterProperty().set("account");
        vm.load();
        assertThat(vm.rows()).isNotEmpty().allMatch(e -> e.entity().equals("account"));
        vm.actorFilterProperty().set("nobody");
        vm.load();
        assertThat(vm.rows()).isEmpty();
        vm.verify();
        assertThat(vm.intactProperty().get()).isTrue();
        assertThat(vm.verifyTextProperty().get()).isEqualTo(M.get("audit.intact", ctx.audit().count()))
                .startsWith("审计日志完整");
    }

    @Test
    void backUpNowWritesAVerifiedFileAndListsIt() throws Exception {
        BackupViewModel vm = backup(zip -> {
            throw new AssertionError("no restore here");
        });
        assertThat(vm.allowed()).isTrue();
        vm.refresh();
        assertThat(vm.files()).isEmpty();
        vm.backupNow();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.files()).hasSize(1);
        Path file = vm.files().get(0);
        assertThat(file).exists().hasParent(dir.resolve("backups"));
        assertThat(Files.size(file)).isPositive();
        assertThat(vm.statusProperty().get()).contains(file.toString()).contains("member "
                + ctx.members().count());
    }

    @Test
    void aClerkCannotUseTheAccountsOrAuditTabsAndTheServiceRefusalIsShown() {
        ctx.session().switchTo("clerk", Role.CLERK);
        AccountsViewModel vm = accounts();
        assertThat(vm.allowed()).isFalse();
        vm.load();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("当前角色（干事）无权进行此操作");
        vm.newUserProperty().set("sneaky");
        vm.newRoleProperty().set(Role.ADMIN);
        vm.newPasswordProperty().set("sneaky-pass");
        vm.add();
        assertThat(vm.errorProperty().get()).isEqualTo("当前角色（干事）无权进行此操作");
        vm.deactivate("demo");
        assertThat(vm.errorProperty().get()).isEqualTo("当前角色（干事）无权进行此操作");
        ctx.session().switchTo("demo", Role.ADMIN);
        assertThat(ctx.accounts().list()).extracting(Account::username)
                .containsExactly("demo", cn.uniondesk.service.DemoCasesService.DEMO_CLERK);
        ctx.session().switchTo("clerk", Role.CLERK);

        AuditViewModel audit = audit();
        assertThat(audit.allowed()).isFalse();
        audit.load();
        assertThat(audit.rows()).isEmpty();
        assertThat(audit.errorProperty().get()).contains("干事");
        BackupViewModel backup = backup(zip -> null);
        assertThat(backup.allowed()).isTrue();
        assertThat(backup.mayRestore()).isFalse();
    }

    @Test
    void anAdministratorAddsAnAccountWithARoleAndTheRulesAreWorded() {
        AccountsViewModel vm = accounts();
        vm.load();
        assertThat(vm.rows()).extracting(Account::username).containsExactly("demo", cn.uniondesk.service.DemoCasesService.DEMO_CLERK);
        vm.newUserProperty().set("lisi");
        vm.newNameProperty().set("李四");
        vm.newRoleProperty().set(Role.AUDITOR);
        vm.newPasswordProperty().set("short");
        vm.add();
        assertThat(vm.errorProperty().get()).isEqualTo("密码至少 8 位");
        vm.newPasswordProperty().set("lisi-pass-1");
        vm.add();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo(M.get("accounts.created", "lisi"));
        assertThat(vm.rows()).anyMatch(a -> a.username().equals("lisi") && a.role() == Role.AUDITOR
                && a.mustChangePassword());
        vm.deactivate("demo");
        assertThat(vm.errorProperty().get()).isEqualTo("不能停用最后一个管理员账户");
        List<AuditEntry> created = ctx.audit().find(null, "account", "lisi", 5);
        assertThat(created).extracting(AuditEntry::action).contains("ACCOUNT_CREATE");
    }

    @Test
    void restoreKeepsTheCurrentDataFirstAndEndsTheSession() {
        ctx.close();
        ctx = null;
        AppLoginGateway g = new AppLoginGateway(dir, TestData.CLOCK);
        g.login("demo", "demo1234".toCharArray());
        AppContext live = g.context();
        BackupViewModel vm = new BackupViewModel(live.backups(), live.session(), executor, M, g::restore);
        vm.backupNow();
        Path zip = vm.files().get(0);
        List<String> restored = new ArrayList<>();
        vm.setOnRestored(restored::add);
        vm.restore(zip);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(restored).hasSize(1);
        assertThat(restored.get(0)).startsWith("已从").contains(zip.toString());
        assertThat(live.backups().listBackups()).as("the current data was backed up first").hasSizeGreaterThanOrEqualTo(1);
        g.login("demo", "demo1234".toCharArray());
        assertThat(g.context().members().count()).isPositive();
        g.closeSession(false);
    }
}
