package cn.uniondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.BatchState;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.sync.BatchJson;
import cn.uniondesk.sync.BatchRecords;
import cn.uniondesk.sync.Ed25519;
import cn.uniondesk.sync.OfficeFixture;
import cn.uniondesk.sync.Receipt;
import cn.uniondesk.sync.ZipTamper;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    void snapshotCountsAndChangesFollowEachMembersLastEventOnOrBeforeThePeriodEndWhateverOrderItWasRecordedIn()
            throws Exception {
        try (AppContext ctx = OfficeFixture.open(dir)) {
            List<Long> active = new ArrayList<>();
            for (long id = 1; active.size() < 3 && id < 10_000; id++) {
                try {
                    if (ctx.members().get(id).status() == MemberStatus.ACTIVE
                            && ctx.members().get(id).joinDate().isBefore(LocalDate.of(2026, 10, 1))) {
                        active.add(id);
                    }
                } catch (NotFoundException e) {
                    // ids are not dense
                }
            }
            assertThat(active).hasSize(3);
            // recorded out of date order: the retirement (11-20) is the last event by date, the death
            // recorded after it but dated 11-05 is not
            ctx.members().applyLifecycle(active.get(0), new LifecycleRequest(MemberEventType.RETIRE,
                    LocalDate.of(2026, 11, 20), "到龄", null, null));
            ctx.members().applyLifecycle(active.get(0), new LifecycleRequest(MemberEventType.DECEASE,
                    LocalDate.of(2026, 11, 5), "病故", null, null));
            ctx.members().applyLifecycle(active.get(1), new LifecycleRequest(MemberEventType.LEAVE,
                    LocalDate.of(2026, 11, 2), "辞职", null, null));
            ctx.members().applyLifecycle(active.get(2), new LifecycleRequest(MemberEventType.TRANSFER_OUT,
                    LocalDate.of(2026, 11, 2), "调动", "HZ-2026-7", "市总工会"));
            for (YearMonth month : List.of(OfficeFixture.MONTH, OfficeFixture.MONTH.minusMonths(1))) {
                BatchService.Exported e = ctx.batches().export(month, true, null);
                assertThat(ctx.batches().verify(e.file()).ok()).isTrue();
                Map<String, byte[]> files = ZipTamper.read(e.file());
                // the oracle: each member's history, read one by one, the last event by (date, id)
                LocalDate end = month.atEndOfMonth();
                Map<Long, String> expected = new TreeMap<>();
                List<Long> expectedChanges = new ArrayList<>();
                List<MemberEvent> periodEvents = new ArrayList<>();
                for (long id = 1; id < 10_000; id++) {
                    Member m;
                    try {
                        m = ctx.members().get(id);
                    } catch (NotFoundException x) {
                        continue;
                    }
                    MemberEvent last = null;
                    for (MemberEvent ev : ctx.members().history(id)) {
                        if (ev.type() == MemberEventType.UPDATE || ev.eventDate().isAfter(end)) {
                            continue;
                        }
                        if (!ev.eventDate().isBefore(month.atDay(1))) {
                            periodEvents.add(ev);
                        }
                        if (last == null || ev.eventDate().isAfter(last.eventDate())
                                || (ev.eventDate().equals(last.eventDate()) && ev.id() > last.id())) {
                            last = ev;
                        }
                    }
                    MemberStatus st = last != null ? last.statusAfter()
                            : m.joinDate().isAfter(end) ? null : m.status();
                    if (st != null && st.holdsMembership()) {
                        expected.put(id, st.name());
                    }
                }
                periodEvents.sort(Comparator.comparing(MemberEvent::eventDate).thenComparing(MemberEvent::id));
                periodEvents.forEach(ev -> expectedChanges.add(ev.id()));
                Map<Long, String> snapshot = new TreeMap<>();
                for (JsonNode n : lines(files.get(BatchRecords.MEMBER_SNAPSHOT))) {
                    snapshot.put(n.get("memberId").asLong(), n.get("status").asText());
                }
                assertThat(snapshot).as(month.toString()).isEqualTo(expected);
                assertThat(lines(files.get(BatchRecords.MEMBER_CHANGES)).stream().map(n -> n.get("eventId").asLong()))
                        .as(month.toString()).containsExactlyElementsOf(expectedChanges);
                assertThat(lines(files.get(BatchRecords.DUES_SUMMARY)).stream().mapToLong(n -> n.get("members").asLong())
                        .sum()).isEqualTo(expected.size());
                if (month.equals(OfficeFixture.MONTH)) {
                    assertThat(snapshot.get(active.get(0))).isEqualTo("RETIRED");
                    assertThat(snapshot).doesNotContainKeys(active.get(1), active.get(2));
                    assertThat(expectedChanges).hasSizeGreaterThanOrEqualTo(4);
                } else {
                    assertThat(snapshot).containsEntry(active.get(1), "ACTIVE").containsEntry(active.get(2), "ACTIVE");
                }
            }
        }
    }

    private static List<JsonNode> lines(byte[] file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                out.add(BatchJson.MAPPER.readTree(line));
            }
        }
        return out;
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
