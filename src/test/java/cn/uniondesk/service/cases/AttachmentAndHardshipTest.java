package cn.uniondesk.service.cases;

import static cn.uniondesk.service.cases.CaseFixture.CLERK;
import static cn.uniondesk.service.cases.CaseFixture.as;
import static cn.uniondesk.service.cases.CaseFixture.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.db.AttachmentStore;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.cases.CaseAttachment;
import cn.uniondesk.domain.cases.CaseRuleException;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.domain.cases.Eligibility;
import cn.uniondesk.domain.cases.HardshipDraft;
import cn.uniondesk.domain.cases.HardshipEnums;
import cn.uniondesk.domain.cases.HardshipFile;
import cn.uniondesk.domain.cases.HouseholdMember;
import cn.uniondesk.domain.cases.Problem;
import cn.uniondesk.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentAndHardshipTest {
    @TempDir
    Path dir;

    static final byte[] SCAN = "%PDF-1.4 诊断证明书 张三 肺炎".getBytes(StandardCharsets.UTF_8);

    @Test
    void attachmentsAreStoredByHashListedAndReadBackVerified() throws Exception {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            as(ctx, CLERK, Role.CLERK);
            long id = ctx.cases().register(CaseType.MEDICAL_AID, m, registration(CaseType.MEDICAL_AID), null)
                    .aidCase().id();
            CaseAttachment a = ctx.cases().addAttachment(id, "C:\\扫描\\诊断证明.pdf", SCAN);
            assertThat(a.name()).isEqualTo("诊断证明.pdf");
            assertThat(a.sizeBytes()).isEqualTo(SCAN.length);
            assertThat(a.addedBy()).isEqualTo(CLERK);
            assertThat(a.sha256()).isEqualTo(AttachmentStore.sha256(SCAN));
            Path stored = dir.resolve("attachments").resolve(a.sha256().substring(0, 2)).resolve(a.sha256());
            assertThat(stored).exists();
            ctx.cases().addAttachment(id, "副本.pdf", SCAN);
            assertThat(ctx.cases().attachments(id)).hasSize(2);
            try (var files = Files.list(stored.getParent())) {
                assertThat(files.count()).as("same content stored once").isEqualTo(1);
            }
            assertThat(ctx.cases().readAttachment(a.id())).isEqualTo(SCAN);
            Path copy = ctx.cases().extractAttachment(a.id(), dir.resolve("view"));
            assertThat(Files.readAllBytes(copy)).isEqualTo(SCAN);
            assertThat(ctx.cases().timeline(id)).extracting(e -> e.action()).containsExactly("register", "attach",
                    "attach");

            byte[] altered = SCAN.clone();
            altered[altered.length - 1] ^= 1;
            Files.write(stored, altered);
            assertThatThrownBy(() -> ctx.cases().readAttachment(a.id()))
                    .isInstanceOfSatisfying(CaseRuleException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("case.attachment.damaged");
                        assertThat(e.problems().get(0).args()).containsExactly("诊断证明.pdf");
                    });
            Files.delete(stored);
            assertThatThrownBy(() -> ctx.cases().readAttachment(a.id())).hasMessageContaining("case.attachment.missing");
            int audit = ctx.audit().count();
            assertThatThrownBy(() -> ctx.cases().addAttachment(id, "空.pdf", new byte[0]))
                    .hasMessageContaining("case.attachment.empty");
            assertThat(ctx.cases().attachments(id)).hasSize(2);
            assertThat(ctx.audit().count()).isEqualTo(audit);
        }
    }

    @Test
    void anEncryptedStoreHidesTheContentAndRefusesATamperedOrSwappedFile() throws Exception {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        AttachmentStore store = new AttachmentStore(dir, key);
        AttachmentStore.Stored s = store.put(SCAN);
        AttachmentStore.Stored other = store.put("另一份发票".getBytes(StandardCharsets.UTF_8));
        assertThat(s.encrypted()).isTrue();
        Path file = dir.resolve("attachments").resolve(s.sha256().substring(0, 2)).resolve(s.sha256());
        byte[] raw = Files.readAllBytes(file);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("PDF-1.4");
        assertThat(store.read(s.sha256(), true)).isEqualTo(SCAN);
        assertThatThrownBy(() -> new AttachmentStore(dir, new byte[32]).read(s.sha256(), true))
                .isInstanceOf(AttachmentStore.DamagedException.class);
        raw[raw.length - 5] ^= 0x10;
        Files.write(file, raw);
        assertThatThrownBy(() -> store.read(s.sha256(), true)).isInstanceOf(AttachmentStore.DamagedException.class)
                .hasMessageContaining("integrity");
        Path otherFile = dir.resolve("attachments").resolve(other.sha256().substring(0, 2)).resolve(other.sha256());
        Files.copy(otherFile, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> store.read(s.sha256(), true)).isInstanceOf(AttachmentStore.DamagedException.class);
    }

    static HardshipDraft draft(long memberId, Money income, HardshipEnums.Cause cause, List<HouseholdMember> household) {
        return new HardshipDraft(memberId, HardshipEnums.Category.GENERAL, HardshipEnums.Health.CHRONIC_ILLNESS,
                null, HardshipEnums.WorkStatus.EMPLOYED, HardshipEnums.Housing.RENTED, "苏州市", income, cause,
                List.of(HardshipEnums.Cause.SCHOOLING), "农业银行", "6228 4800 1234 5678 9", "张三", "车间工会组长",
                LocalDate.of(2026, 1, 10), null, household);
    }

    static HouseholdMember child(String idSeq, long incomeFen) {
        String body = "320505" + "20100101" + idSeq;
        return new HouseholdMember("张小明", "子女", body + cn.uniondesk.domain.IdNumber.checkChar(body),
                HardshipEnums.Health.HEALTHY, Money.ofFen(incomeFen), "学生");
    }

    @Test
    void aHardshipFileComputesIncomePerHeadAndEligibilityAgainstTheCitysLine() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            ctx.hardship().setLowIncomeLine("苏州市", 2026, Money.ofFen(1095_00));
            as(ctx, CLERK, Role.CLERK);
            HardshipFile f = ctx.hardship().create(draft(m, Money.ofFen(2400_00), HardshipEnums.Cause.ILLNESS,
                    List.of(child("013", 0), new HouseholdMember("李梅", "配偶", CaseFixture.id("022"),
                            HardshipEnums.Health.SERIOUS_ILLNESS, Money.ofFen(600_00), "无业"))));
            assertThat(f.householdSize()).isEqualTo(3);
            assertThat(f.householdIncome()).isEqualTo(Money.ofFen(3000_00));
            assertThat(f.incomePerHead()).isEqualTo(Money.ofFen(1000_00));
            assertThat(f.data().bankAccount()).isEqualTo("6228480012345678 9".replace(" ", ""));
            assertThat(f.data().filedBy()).isEqualTo("车间工会组长");
            assertThat(f.enteredBy()).isEqualTo(CLERK);
            assertThat(f.nextReviewDue()).isEqualTo(LocalDate.of(2027, 1, 10));
            assertThat(ctx.hardship().eligibility(f).verdict()).isEqualTo(Eligibility.Verdict.BELOW_LINE);
            assertThat(ctx.hardship().eligibility(f, 2025).verdict()).isEqualTo(Eligibility.Verdict.NO_LINE);

            HardshipFile richer = ctx.hardship().update(f.id(), draft(m, Money.ofFen(3900_00),
                    HardshipEnums.Cause.ILLNESS, f.data().household()), "调资");
            assertThat(richer.incomePerHead()).isEqualTo(Money.ofFen(1500_00));
            assertThat(ctx.hardship().eligibility(richer).verdict()).isEqualTo(Eligibility.Verdict.WITHIN_BAND);
            HardshipFile noCause = ctx.hardship().update(f.id(), new HardshipDraft(m, HardshipEnums.Category.GENERAL,
                    HardshipEnums.Health.HEALTHY, null, HardshipEnums.WorkStatus.EMPLOYED, HardshipEnums.Housing.RENTED,
                    "苏州市", Money.ofFen(3900_00), HardshipEnums.Cause.LOW_INCOME, List.of(), null, null, null,
                    "车间工会组长", LocalDate.of(2026, 1, 10), null, f.data().household()), null);
            assertThat(ctx.hardship().eligibility(noCause).verdict()).isEqualTo(Eligibility.Verdict.NOT_ELIGIBLE);

            List<cn.uniondesk.db.HardshipRepository.Event> history = ctx.hardship().history(f.id());
            assertThat(history).extracting(e -> e.action()).containsExactly("CREATE", "UPDATE", "UPDATE");
            assertThat(history.get(1).changes()).contains("memberIncome: 2400.00 → 3900.00");
            assertThat(history.get(1).comment()).isEqualTo("调资");
            assertThat(history.get(0).changes()).contains("320505********").doesNotContain(CaseFixture.id("022"));

            assertThat(ctx.hardship().dueForReview(60)).extracting(HardshipFile::id).containsExactly(f.id());
            assertThat(ctx.hardship().dueForReview(0)).isEmpty();
            HardshipFile reviewed = ctx.hardship().review(f.id(), "年度复核，情况属实");
            assertThat(reviewed.reviewedBy()).isEqualTo(CLERK);
            assertThat(reviewed.nextReviewDue()).isEqualTo(LocalDate.of(2027, 11, 23));
            assertThat(ctx.hardship().dueForReview(60)).isEmpty();
            assertThat(ctx.hardship().forMember(m)).isPresent();
        }
    }

    @Test
    void aBadHouseholdIdNumberGivesAClearMessageAndWritesNothing() {
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            as(ctx, CLERK, Role.CLERK);
            int audit = ctx.audit().count();
            HouseholdMember bad = new HouseholdMember("张小明", "子女", "320505201001010130",
                    HardshipEnums.Health.HEALTHY, Money.ZERO, null);
            HouseholdMember self = new HouseholdMember("张三", "本人", CaseFixture.id("011"),
                    HardshipEnums.Health.HEALTHY, Money.ZERO, null);
            assertThatThrownBy(() -> ctx.hardship().create(draft(m, Money.ofFen(2000_00), HardshipEnums.Cause.ILLNESS,
                    List.of(bad, self)))).isInstanceOfSatisfying(CaseRuleException.class, e -> {
                        assertThat(e.problems()).extracting(Problem::messageKey)
                                .containsExactly("hardship.household.badId", "hardship.household.isWorker");
                        assertThat(e.problems().get(0).args()).contains("张小明", "320505201001010130",
                                new Problem.Key("id.error.WRONG_CHECK_DIGIT"));
                    });
            assertThatThrownBy(() -> ctx.hardship().create(new HardshipDraft(m, null, HardshipEnums.Health.HEALTHY,
                    null, HardshipEnums.WorkStatus.EMPLOYED, HardshipEnums.Housing.OWN, " ", Money.ofFen(1), null,
                    List.of(), null, "12ab", null, null, LocalDate.of(2030, 1, 1), null, List.of())))
                    .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.problems())
                            .extracting(Problem::messageKey).contains("hardship.required", "hardship.futureDate",
                                    "hardship.badBankAccount"));
            assertThat(ctx.hardship().forMember(m)).isEmpty();
            assertThat(ctx.audit().count()).isEqualTo(audit);
        }
    }

    @Test
    void attachmentsGoIntoTheBackupAndComeBackWithARestore() throws Exception {
        long attachmentId;
        Path zip;
        try (AppContext ctx = TestApp.open(dir)) {
            long m = CaseFixture.member(ctx, "张三", "011");
            as(ctx, CLERK, Role.CLERK);
            long id = ctx.cases().register(CaseType.MEDICAL_AID, m, registration(CaseType.MEDICAL_AID), null)
                    .aidCase().id();
            attachmentId = ctx.cases().addAttachment(id, "诊断证明.pdf", SCAN).id();
            as(ctx, "管理员", Role.ADMIN);
            zip = ctx.backups().backup(dir.resolve("b.zip")).file();
            assertThat(cn.uniondesk.db.Database.attachmentsInBackup(zip)).isEqualTo(1);
        }
        deleteTree(dir.resolve("attachments"));
        try (AppContext ctx = TestApp.open(dir)) {
            as(ctx, "管理员", Role.ADMIN);
            assertThatThrownBy(() -> ctx.cases().readAttachment(attachmentId)).isInstanceOf(RuntimeException.class);
            ctx.restoreAndClose(zip, TestApp.CLOCK);
        }
        try (AppContext ctx = TestApp.open(dir)) {
            assertThat(ctx.cases().readAttachment(attachmentId)).isEqualTo(SCAN);
        }
    }

    private static void deleteTree(Path d) throws java.io.IOException {
        try (var s = Files.walk(d)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
