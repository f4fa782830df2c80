package cn.uniondesk.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.app.AppLoginGateway;
import cn.uniondesk.domain.Account;
import cn.uniondesk.domain.Role;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.Session;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.SameThreadExecutor;
import cn.uniondesk.testing.HoldDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-start, login and forced-password-change pages against a real data folder (PBKDF2 included). */
class LoginViewModelTest {
    static final Messages M = Messages.chinese();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    final List<Account> signedIn = new ArrayList<>();

    private AppLoginGateway gateway() {
        return new AppLoginGateway(dir, TestData.CLOCK);
    }

    private LoginViewModel vm(AppLoginGateway g) {
        LoginViewModel vm = new LoginViewModel(g, new SameThreadExecutor(), M, ZONE);
        vm.setOnSignedIn(signedIn::add);
        return vm;
    }

    private void demoFolder() {
        TestData.encryptedDemo(dir);
        assertThat(AppContext.isInitialized(dir)).isTrue();
    }

    @Test
    void firstStartWithTheDemoUnionLeadsToTheLoginPageWithTheDemoAccountFilledIn() {
        AppLoginGateway g = gateway();
        LoginViewModel vm = vm(g);
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.FIRST_START);
        assertThat(vm.legacyData()).isFalse();
        vm.useDemo();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.LOGIN);
        assertThat(vm.userProperty().get()).isEqualTo("demo");
        assertThat(vm.hintProperty().get()).contains("demo1234");
        assertThat(AppContext.isInitialized(dir)).isTrue();
        assertThat(signedIn).isEmpty();
    }

    @Test
    void loginSucceedsAndTheForcedPasswordChangeCannotBeSkippedButWorks() {
        demoFolder();
        AppLoginGateway g = gateway();
        LoginViewModel vm = vm(g);
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.LOGIN);
        assertThat(vm.userProperty().get()).isEqualTo("demo");
        vm.passwordProperty().set("demo1234");
        vm.login();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.CHANGE_PASSWORD);
        assertThat(signedIn).as("no work before the password is changed").isEmpty();

        vm.newPasswordProperty().set("new-pass-1");
        vm.repeatPasswordProperty().set("new-pass-2");
        vm.changePassword();
        assertThat(vm.errorProperty().get()).isEqualTo("两次输入的密码不一致");
        vm.newPasswordProperty().set("short");
        vm.repeatPasswordProperty().set("short");
        vm.changePassword();
        assertThat(vm.errorProperty().get()).isEqualTo("密码至少 8 位");
        vm.newPasswordProperty().set("demo1234");
        vm.repeatPasswordProperty().set("demo1234");
        vm.changePassword();
        assertThat(vm.errorProperty().get()).isEqualTo(M.get("ui.sec.change.same"));
        vm.login();
        assertThat(vm.stepProperty().get()).as("login cannot be used to skip the change")
                .isEqualTo(LoginViewModel.Step.CHANGE_PASSWORD);
        assertThat(signedIn).isEmpty();

        vm.newPasswordProperty().set("new-pass-1");
        vm.repeatPasswordProperty().set("new-pass-1");
        vm.changePassword();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.SIGNED_IN);
        assertThat(signedIn).hasSize(1);
        assertThat(signedIn.get(0).role()).isEqualTo(Role.ADMIN);
        assertThat(g.context().accounts().current().mustChangePassword()).isFalse();
        g.closeSession(false);

        // the new password opens the folder; no change asked any more
        LoginViewModel again = vm(gateway());
        again.passwordProperty().set("new-pass-1");
        again.login();
        assertThat(again.stepProperty().get()).isEqualTo(LoginViewModel.Step.SIGNED_IN);
        assertThat(signedIn).hasSize(2);
    }

    @Test
    void aWrongPasswordSaysSoAndClearsThePasswordField() {
        demoFolder();
        LoginViewModel vm = vm(gateway());
        vm.passwordProperty().set("wrong-password");
        vm.login();
        assertThat(vm.errorProperty().get()).isEqualTo("账户名或密码不正确");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.LOGIN);
        vm.userProperty().set("nobody");
        vm.passwordProperty().set("whatever-1");
        vm.login();
        assertThat(vm.errorProperty().get()).as("an unknown account reads the same").isEqualTo("账户名或密码不正确");
        vm.passwordProperty().set("");
        vm.login();
        assertThat(vm.errorProperty().get()).isEqualTo(M.get("ui.sec.login.missing"));
        assertThat(signedIn).isEmpty();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilATimeShownAsHoursAndMinutes() {
        demoFolder();
        LoginViewModel vm = vm(gateway());
        for (int i = 0; i < 5; i++) {
            vm.passwordProperty().set("wrong-" + i);
            vm.login();
        }
        // TestData.CLOCK is 10:00 in Shanghai; the lock lasts five minutes
        assertThat(vm.errorProperty().get()).isEqualTo(M.get("login.locked", "10:05")).contains("10:05");
        vm.passwordProperty().set("demo1234");
        vm.login();
        assertThat(vm.errorProperty().get()).as("even the right password waits").contains("10:05");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void settingUpTheOwnUnionValidatesEveryFieldThenCreatesAndSignsIn() {
        AppLoginGateway g = gateway();
        LoginViewModel vm = vm(g);
        vm.userProperty().set("admin");
        vm.newPasswordProperty().set("secret-pass");
        vm.repeatPasswordProperty().set("secret-pass");
        vm.createUnion();
        assertThat(vm.errorProperty().get()).isEqualTo("请填写工会名称");
        vm.unionNameProperty().set("某某机械厂工会");
        vm.repeatPasswordProperty().set("secret-pasz");
        vm.createUnion();
        assertThat(vm.errorProperty().get()).isEqualTo("两次输入的密码不一致");
        vm.newPasswordProperty().set("short");
        vm.repeatPasswordProperty().set("short");
        vm.createUnion();
        assertThat(vm.errorProperty().get()).isEqualTo("密码至少 8 位");
        assertThat(AppContext.isInitialized(dir)).as("nothing written while invalid").isFalse();

        vm.newPasswordProperty().set("secret-pass");
        vm.repeatPasswordProperty().set("secret-pass");
        vm.orgCodeProperty().set("81320200MA1XXXXX1X"); // wrong check character: the first 17 ask for 7
        vm.createUnion();
        assertThat(vm.errorProperty().get()).startsWith("统一社会信用代码校验不通过");
        assertThat(AppContext.isInitialized(dir)).as("nothing written with a wrong code").isFalse();
        vm.orgCodeProperty().set(" 81320200ma1xxxxx17 ");
        vm.createUnion();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.SIGNED_IN);
        assertThat(signedIn).extracting(Account::username).containsExactly("admin");
        assertThat(signedIn.get(0).mustChangePassword()).isFalse();
        assertThat(g.unionName()).isEqualTo("某某机械厂工会");
        assertThat(g.context().union().union().orElseThrow().orgCode()).isEqualTo("81320200MA1XXXXX17");
        assertThat(AppContext.isInitialized(dir)).isTrue();
        g.closeSession(false);
    }

    @Test
    void anOldUnencryptedFolderIsSetUpThroughTheOwnUnionPageAndKeepsItsData() {
        long members;
        try (AppContext old = AppContext.open(dir, new Session("旧版"), TestData.CLOCK)) {
            old.demo().loadDemo();
            members = old.members().count();
        }
        AppLoginGateway g = gateway();
        LoginViewModel vm = vm(g);
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.FIRST_START);
        assertThat(vm.legacyData()).isTrue();
        vm.unionNameProperty().set("某某机械厂工会");
        vm.userProperty().set("admin");
        vm.newPasswordProperty().set("secret-pass");
        vm.repeatPasswordProperty().set("secret-pass");
        vm.createUnion();
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.SIGNED_IN);
        assertThat(g.context().members().count()).isEqualTo(members);
        g.closeSession(false);
    }

    @Test
    void aFolderOpenInAnotherProgramIsExplainedOnTheLoginPage() throws Exception {
        demoFolder();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                HoldDatabase.class.getName(), dir.toString(), "demo", "demo1234")).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("ready"));
            assertThat(line).as("holder process started").startsWith("ready");

            LoginViewModel vm = vm(gateway());
            vm.passwordProperty().set("demo1234");
            vm.login();
            assertThat(vm.errorProperty().get()).isEqualTo(M.get("db.inUse", dir)).contains("正被另一个程序");
            assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.LOGIN);
            assertThat(signedIn).isEmpty();
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(20, TimeUnit.SECONDS);
            holder.destroy();
        }
    }

    @Test
    void theIdleLockOpensOnlyWithTheSameAccountsPassword() {
        demoFolder();
        LockViewModel lock = new LockViewModel(gateway(), new SameThreadExecutor(), M, ZONE);
        int[] unlocked = {0};
        lock.setOnUnlocked(() -> unlocked[0]++);
        lock.lock("demo");
        assertThat(lock.lockedProperty().get()).isTrue();
        assertThat(lock.promptProperty().get()).contains("demo");
        lock.passwordProperty().set("not-it-at-all");
        lock.unlock();
        assertThat(lock.errorProperty().get()).isEqualTo("账户名或密码不正确");
        assertThat(lock.lockedProperty().get()).isTrue();
        lock.passwordProperty().set("demo1234");
        lock.unlock();
        assertThat(lock.lockedProperty().get()).isFalse();
        assertThat(unlocked[0]).isEqualTo(1);
    }
}
