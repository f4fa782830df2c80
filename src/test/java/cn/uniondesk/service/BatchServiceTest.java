package cn.uniondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.BatchState;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.sync.BatchRecords;
import cn.uniondesk.sync.Ed25519;
import cn.uniondesk.sync.OfficeFixture;
import cn.uniondesk.sync.Receipt;
import cn.uniondesk.sync.ZipTamper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchServiceTest {
    @TempDir
    Path dir;

    @Test
    void exportChainsBatchesAndSendsIdNumbersOnlyForTransfersInAndOut() throws Exception {
        try (AppContext ctx = OfficeFixture.open(dir)) {
            BatchService.Exported one = ctx.batches().export(OfficeFixture.MONTH, true, null);
            BatchService.Exported two = ctx.batches().export(OfficeFixture.MONTH, false, null);
            assertThat(one.batch().sequence()).isEqualTo(1);
            assertThat(one.batch().previousSha256()).isNull();
            assertThat(two.batch().sequence()).isEqualTo(2);
            assertThat(two.batch().previousSha256()).isEqualTo(one.batch().sha256());
            assertThat(ctx.batches().verify(one.file()).ok()).isTrue();
            String changes = new String(ZipTamper.read(one.file()).get(BatchRecords.MEMBER_CHANGES),
                    StandardCharsets.UTF_8);
            for (String line : changes.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                boolean identifying = line.contains("\"type\":\"JOIN\"") || line.contains("\"type\":\"TRANSFER_IN\"")
                        || line.contains("\"type\":\"TRANSFER_OUT\"");
                assertThat(line.contains("\"idNumber\":null")).as(line).isEqualTo(!identifying);
            }
            String all = ZipTamper.read(one.file()).values().stream().map(b -> new String(b, StandardCharsets.UTF_8))
                    .reduce("", String::concat);
            assertThat(all).doesNotContain("mobile").doesNotContain("wage").doesNotContain("notes");
            assertThat(ctx.audit().find(null, "sync_batch", one.batch().batchId(), 10)).isNotEmpty();
        }
    }

    @Test
    void noOrgCodeAFutureMonthOrAnAuditorWritesNothing() {
        try (AppContext ctx = OfficeFixture.open(dir)) {
            assertThatThrownBy(() -> ctx.batches().export(YearMonth.of(2027, 1), false, null))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("batch.futureMonth");
            ctx.session().switchTo("审计员", Role.AUDITOR);
            assertThatThrownBy(() -> ctx.batches().export(OfficeFixture.MONTH, false, null))
                    .isInstanceOf(PermissionDeniedException.class);
            ctx.session().switchTo("测试员", Role.ADMIN);
            ctx.union().save(new UnionInfo("工会", null, null, null));
            assertThatThrownBy(() -> ctx.batches().export(OfficeFixture.MONTH, false, null))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("batch.noOrgCode");
            assertThat(ctx.batches().list()).isEmpty();
            assertThat(Files.exists(ctx.batches().batchesDir()) ? ctx.batches().batchesDir().toFile().list().length : 0)
                    .isZero();
        }
    }

    @Test
    void aForgedOrForeignReceiptChangesNothingAndARealOneMarksTheBatchDelivered() throws Exception {
        try (AppContext ctx = OfficeFixture.open(dir)) {
            KeyPair intake = Ed25519.generate();
            Path keyFile = dir.resolve("intake.json");
            cn.uniondesk.sync.KeyFile.of("intake", "intake", intake.getPublic()).write(keyFile);
            ctx.batches().saveSettings(new UploadSettings(null, null, null,
                    Files.readString(keyFile), UploadSettings.DEFAULT_THRESHOLD));
            BatchService.Exported e = ctx.batches().export(OfficeFixture.MONTH, false, null);
            String id = e.batch().batchId();
            Receipt forged = Receipt.sign("R2026-000009", id, e.batch().sha256(), "X", "2026-11", 1, "t",
                    Ed25519.generate());
            Path f = dir.resolve("forged.receipt.json");
            Files.writeString(f, forged.toJson());
            assertThatThrownBy(() -> ctx.batches().importReceipt(f)).isInstanceOf(RuleViolationException.class)
                    .hasMessageContaining("batch.receipt.invalid");
            Receipt otherHash = Receipt.sign("R2026-000009", id, "0".repeat(64), "X", "2026-11", 1, "t", intake);
            Files.writeString(f, otherHash.toJson());
            assertThatThrownBy(() -> ctx.batches().importReceipt(f)).isInstanceOf(RuleViolationException.class);
            Files.writeString(f, "garbage");
            assertThatThrownBy(() -> ctx.batches().importReceipt(f)).isInstanceOf(RuleViolationException.class)
                    .hasMessageContaining("batch.receipt.unreadable");
            assertThat(ctx.batches().find(id).orElseThrow().state()).isEqualTo(BatchState.EXPORTED);

            Receipt real = Receipt.sign("R2026-000009", id, e.batch().sha256(), "X", "2026-11", 1, "t", intake);
            Files.writeString(f, real.toJson());
            assertThat(ctx.batches().importReceipt(f).state()).isEqualTo(BatchState.DELIVERED);
            assertThat(ctx.batches().find(id).orElseThrow().receiptNo()).isEqualTo("R2026-000009");
        }
    }

    @Test
    void thePrivateKeyIsStoredSealedAndTheFingerprintIsStable() {
        try (AppContext ctx = OfficeFixture.open(dir)) {
            OfficeIdentityService.Identity id = ctx.identity().ensure();
            assertThat(ctx.identity().ensure().fingerprint()).isEqualTo(id.fingerprint());
            assertThat(id.fingerprint()).matches("([0-9a-f]{4} ){15}[0-9a-f]{4}");
        }
    }
}
