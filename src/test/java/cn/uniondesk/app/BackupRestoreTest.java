package cn.uniondesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.Role;
import cn.uniondesk.service.PermissionDeniedException;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {
    @TempDir
    Path dir;
    private static final char[] PW = "备份测试密码-2026".toCharArray();

    static MemberDraft draft(int i) {
        String body = "320505" + "19900101" + String.format("%03d", i * 2 + 1);
        return new MemberDraft("成员" + i, null, null, body + IdNumber.checkChar(body), null, null, null, null, null,
                null, null, false, null, LocalDate.of(2015, 3, 1), "C" + i, null, false, null, null);
    }

    private AppContext unlock() {
        return AppContext.unlock(dir, "admin", PW, TestApp.CLOCK);
    }

    @Test
    void backupRestoreOpenCloseReopenWorksTwentyTimes() throws Exception {
        AppContext.initialize(dir, "admin", PW, false, TestApp.CLOCK, 1000).close();
        for (int i = 0; i < 20; i++) {
            Path zip = dir.resolve("cycle-" + i + ".zip");
            try (AppContext ctx = unlock()) {
                ctx.members().register(draft(i), null);
                ctx.backups().backup(zip);
                // a change after the backup, which the restore must undo
                ctx.members().register(draft(100 + i), null);
            }
            try (AppContext ctx = unlock()) {
                assertThat(ctx.members().count()).isEqualTo(2 * i + 2);
                ctx.restoreAndClose(zip, TestApp.CLOCK);
            }
            try (AppContext ctx = unlock()) {
                assertThat(ctx.members().count()).as("cycle %d after restore", i).isEqualTo(2 * i + 1);
                assertThat(ctx.audit().verify().intact()).isTrue();
            }
            try (AppContext ctx = unlock()) {
                assertThat(ctx.members().count()).as("cycle %d reopened", i).isEqualTo(2 * i + 1);
                // bring the register back to one member per cycle for the next round
                ctx.members().register(draft(100 + i), null);
            }
            try (AppContext ctx = unlock()) {
                assertThat(ctx.members().count()).isEqualTo(2 * i + 2);
            }
        }
    }

    @Test
    void restoreKeepsTheCurrentDatabaseFirst() {
        AppContext.initialize(dir, "admin", PW, false, TestApp.CLOCK, 1000).close();
        Path zip = dir.resolve("b.zip");
        try (AppContext ctx = unlock()) {
            ctx.backups().backup(zip);
            ctx.members().register(draft(1), null);
        }
        Path kept;
        try (AppContext ctx = unlock()) {
            kept = ctx.restoreAndClose(zip, TestApp.CLOCK);
        }
        assertThat(kept).exists();
        assertThat(kept.getFileName().toString()).startsWith("before-restore-");
    }

    @Test
    void aBackupOfAnotherDataFolderIsRefusedAndNothingChanges() {
        Path other = dir.resolve("other");
        AppContext.initialize(other, "admin", PW, false, TestApp.CLOCK, 1000).close();
        Path foreign = dir.resolve("foreign.zip");
        try (AppContext ctx = AppContext.unlock(other, "admin", PW, TestApp.CLOCK)) {
            ctx.backups().backup(foreign);
        }
        Path mine = dir.resolve("mine");
        AppContext.initialize(mine, "admin", PW, false, TestApp.CLOCK, 1000).close();
        try (AppContext ctx = AppContext.unlock(mine, "admin", PW, TestApp.CLOCK)) {
            ctx.members().register(draft(1), null);
        }
        try (AppContext ctx = AppContext.unlock(mine, "admin", PW, TestApp.CLOCK)) {
            assertThatThrownBy(() -> ctx.restoreAndClose(foreign, TestApp.CLOCK))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (AppContext ctx = AppContext.unlock(mine, "admin", PW, TestApp.CLOCK)) {
            assertThat(ctx.members().count()).isEqualTo(1);
        }
    }

    @Test
    void automaticBackupsRotateSevenDailyAndFourWeekly() throws Exception {
        AppContext.initialize(dir, "admin", PW, false, TestApp.CLOCK, 1000).close();
        // 40 days of backups, one a day
        for (int d = 40; d >= 0; d--) {
            Clock day = Clock.offset(TestApp.CLOCK, Duration.ofDays(-d));
            try (AppContext ctx = AppContext.unlock(dir, "admin", PW, day)) {
                assertThat(ctx.backups().backupIfDue()).isNotNull();
                assertThat(ctx.backups().backupIfDue()).as("second call the same day").isNull();
            }
        }
        try (AppContext ctx = unlock()) {
            List<Path> left = ctx.backups().listBackups();
            assertThat(left.size()).isBetween(7, 11);
            assertThat(left.get(0).getFileName().toString()).contains("20261123");
            for (Path p : left) {
                assertThat(Files.size(p)).isPositive();
            }
        }
    }

    @Test
    void auditorMayNotRestore() {
        AppContext.initialize(dir, "admin", PW, false, TestApp.CLOCK, 1000).close();
        try (AppContext ctx = unlock()) {
            ctx.accounts().create("shenji", "审计员", Role.AUDITOR, "auditor-pass".toCharArray());
        }
        Path zip = dir.resolve("b.zip");
        try (AppContext ctx = unlock()) {
            ctx.backups().backup(zip);
        }
        try (AppContext ctx = AppContext.unlock(dir, "shenji", "auditor-pass".toCharArray(), TestApp.CLOCK)) {
            assertThat(ctx.session().role()).isEqualTo(Role.AUDITOR);
            assertThatThrownBy(() -> ctx.restoreAndClose(zip, TestApp.CLOCK))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> ctx.backups().backup(null)).isInstanceOf(PermissionDeniedException.class);
        }
    }

    @Test
    void changedPasswordOpensAndOldOneNoLonger() {
        AppContext.initialize(dir, "admin", PW, false, TestApp.CLOCK, 1000).close();
        try (AppContext ctx = unlock()) {
            ctx.accounts().changeOwnPassword(PW, "新的密码-abcdef".toCharArray());
        }
        assertThatThrownBy(this::unlock).isInstanceOf(cn.uniondesk.db.KeyVault.UnlockException.class);
        try (AppContext ctx = AppContext.unlock(dir, "admin", "新的密码-abcdef".toCharArray(), TestApp.CLOCK)) {
            assertThat(ctx.audit().find(null, "account", "admin", 5)).extracting(e -> e.action())
                    .contains("PASSWORD_CHANGE");
        }
    }

    @Test
    void deactivatedAccountCannotOpen() {
        AppContext.initialize(dir, "admin", PW, false, TestApp.CLOCK, 1000).close();
        try (AppContext ctx = unlock()) {
            ctx.accounts().create("xiaoli", "小李", Role.CLERK, "clerk-pass".toCharArray());
            ctx.accounts().deactivate("xiaoli");
        }
        assertThatThrownBy(() -> AppContext.unlock(dir, "xiaoli", "clerk-pass".toCharArray(), TestApp.CLOCK))
                .isInstanceOf(cn.uniondesk.db.KeyVault.UnlockException.class);
    }

    @Test
    void twoBackupsInTheSameSecondKeepBothFiles() {
        AppContext.initialize(dir, "admin", PW, false, TestApp.CLOCK, 1000).close();
        try (AppContext ctx = unlock()) {
            Path a = ctx.backups().backup(null).file();
            Path b = ctx.backups().backup(null).file();
            assertThat(a).isNotEqualTo(b);
            assertThat(ctx.backups().listBackups()).hasSize(2);
        }
    }
}
