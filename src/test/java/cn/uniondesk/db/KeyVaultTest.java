package cn.uniondesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyVaultTest {
    @TempDir
    Path dir;
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void productionVaultUsesAtLeast600000Iterations() {
        assertThat(new KeyVault(dir).iterations()).isGreaterThanOrEqualTo(600_000);
    }

    @Test
    void anyAccountUnlocksTheSameKeyAndPasswordsAreNotStored() throws Exception {
        KeyVault v = new KeyVault(dir, 1000);
        byte[] key = v.create("admin", "管理员密码1".toCharArray());
        v.put("clerk", "clerk-pass".toCharArray(), key);
        assertThat(v.unlock("admin", "管理员密码1".toCharArray(), NOW)).isEqualTo(key);
        assertThat(v.unlock("clerk", "clerk-pass".toCharArray(), NOW)).isEqualTo(key);
        String file = Files.readString(dir.resolve(KeyVault.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(file).doesNotContain("管理员密码1").doesNotContain("clerk-pass")
                .doesNotContain(java.util.HexFormat.of().formatHex(key));
    }

    @Test
    void changingOnePasswordRewrapsOnlyThatAccount() {
        KeyVault v = new KeyVault(dir, 1000);
        byte[] key = v.create("admin", "a1".toCharArray());
        v.put("clerk", "c1".toCharArray(), key);
        v.put("clerk", "c2".toCharArray(), v.unlock("clerk", "c1".toCharArray(), NOW));
        assertThat(v.unlock("clerk", "c2".toCharArray(), NOW)).isEqualTo(key);
        assertThat(v.unlock("admin", "a1".toCharArray(), NOW)).isEqualTo(key);
        assertThatThrownBy(() -> v.unlock("clerk", "c1".toCharArray(), NOW))
                .isInstanceOfSatisfying(KeyVault.UnlockException.class,
                        e -> assertThat(e.failure()).isEqualTo(KeyVault.Failure.WRONG_PASSWORD));
    }

    @Test
    void fiveFailuresLockTheAccountForFiveMinutes() {
        KeyVault v = new KeyVault(dir, 1000);
        v.create("admin", "right".toCharArray());
        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> v.unlock("admin", "wrong".toCharArray(), NOW))
                    .isInstanceOfSatisfying(KeyVault.UnlockException.class,
                            e -> assertThat(e.failure()).isEqualTo(KeyVault.Failure.WRONG_PASSWORD));
        }
        assertThatThrownBy(() -> v.unlock("admin", "wrong".toCharArray(), NOW))
                .isInstanceOfSatisfying(KeyVault.UnlockException.class,
                        e -> assertThat(e.failure()).isEqualTo(KeyVault.Failure.LOCKED));
        // even the right password is refused while locked ...
        assertThatThrownBy(() -> v.unlock("admin", "right".toCharArray(), NOW.plusSeconds(299)))
                .isInstanceOfSatisfying(KeyVault.UnlockException.class,
                        e -> assertThat(e.failure()).isEqualTo(KeyVault.Failure.LOCKED));
        // ... and accepted after five minutes
        assertThat(v.unlock("admin", "right".toCharArray(), NOW.plusSeconds(301))).hasSize(32);
    }

    @Test
    void unknownUserIsRefused() {
        KeyVault v = new KeyVault(dir, 1000);
        v.create("admin", "right".toCharArray());
        assertThatThrownBy(() -> v.unlock("nobody", "right".toCharArray(), NOW))
                .isInstanceOfSatisfying(KeyVault.UnlockException.class,
                        e -> assertThat(e.failure()).isEqualTo(KeyVault.Failure.UNKNOWN_USER));
    }
}
