package cn.uniondesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.db.IntakeRepository;
import cn.uniondesk.domain.BatchState;
import cn.uniondesk.domain.OutboxBatch;
import cn.uniondesk.service.BatchService;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.IntakeService;
import cn.uniondesk.service.OutboxService;
import cn.uniondesk.service.UploadSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export → HTTPS upload on 127.0.0.1 (certificate made here) → receipt → intake summary; and the faults. */
class HttpsUploadEndToEndTest {
    static final YearMonth MONTH = YearMonth.of(2026, 11);

    @TempDir
    Path dir;
    AppContext office;
    TestIntake up;

    @BeforeEach
    void setUp() {
        office = OfficeFixture.open(dir.resolve("office"));
        up = new TestIntake(dir).start();
        up.register(office, dir);
    }

    @AfterEach
    void tearDown() {
        up.close();
        office.close();
    }

    private OutboxService outbox(UploadSettings s) {
        office.batches().saveSettings(s);
        return office.outbox().withUploaders(up::fastUploader);
    }

    private OutboxBatch exportAndQueue(boolean snapshot) {
        BatchService.Exported e = office.batches().export(MONTH, snapshot, dir.resolve("usb"));
        return office.batches().queue(e.batch().batchId());
    }

    @Test
    void exportUploadReceiptAndTheIntakeSummaryShowsTheOfficesFigures() throws Exception {
        OutboxService outbox = outbox(up.settings(up.port(), UploadSettings.DEFAULT_THRESHOLD));
        OutboxBatch b = exportAndQueue(false);

        OutboxService.SendReport r = outbox.sendPending();

        assertThat(r.delivered()).isEqualTo(1);
        OutboxBatch done = office.batches().find(b.batchId()).orElseThrow();
        assertThat(done.state()).isEqualTo(BatchState.DELIVERED);
        assertThat(done.receiptNo()).isEqualTo("R2026-000001");
        Receipt receipt = Receipt.parse(done.receiptJson());
        assertThat(receipt.batchSha256()).isEqualTo(done.sha256());
        assertThat(receipt.confirms(up.intake.publicKey().key(), done.batchId(), done.sha256())).isTrue();
        // the receipt is kept beside the package
        assertThat(Files.readString(office.batches().batchesDir().resolve(done.fileName() + Receipt.SUFFIX)))
                .contains("R2026-000001");
        assertThat(office.batches().history(b.batchId())).extracting(h -> h.to()).containsExactly(
                BatchState.DRAFT, BatchState.EXPORTED, BatchState.QUEUED, BatchState.SENDING, BatchState.DELIVERED);

        IntakeService.Summary s = up.intake.summary(MONTH);
        assertThat(s.reported()).isEqualTo(1);
        IntakeRepository.Figures f = s.lines().get(0).figures();
        DuesService.Collection c = office.dues().collection(MONTH);
        long holding = office.members().countByStatus(cn.uniondesk.domain.MemberStatus.ACTIVE)
                + office.members().countByStatus(cn.uniondesk.domain.MemberStatus.RETIRED);
        assertThat(f.memberCount()).isEqualTo(holding);
        assertThat(f.duesDueFen()).isEqualTo(c.dueFen());
        assertThat(f.duesPaidFen()).isEqualTo(c.paidFen());
        assertThat(f.fundReceivedFen()).isEqualTo(24_691_34L);
        assertThat(f.fundRemittedFen()).isEqualTo(9_876_54L);
        assertThat(s.totals()).isEqualTo(f);
        assertThat(up.intake.batches()).hasSize(1);
        assertThat(Files.exists(up.store.resolve("batches").resolve(office.union().union().orElseThrow().orgCode())
                .resolve(done.fileName()))).isTrue();
    }

    @Test
    void largePackagesAreUploadedResumablyAndContinueWhereTheCutLeftThem() throws Exception {
        // a second office (ORG1) with a package of ~100 kB of poorly compressible lines
        java.security.KeyPair key = Ed25519.generate();
        Path keyFile = dir.resolve("org1.json");
        KeyFile.of("ORG1", "第二工会", key.getPublic()).write(keyFile);
        up.intake.registerOffice(keyFile, null);
        BatchWriter.Written w = BatchFormatTest.sample(dir.resolve("org1"), key, 1, null, 4000);
        assertThat(w.bytes()).isGreaterThan(60_000);
        try (FaultProxy proxy = new FaultProxy(up.port())) {
            UploadSettings s = up.settings(proxy.port(), 1024);
            // one attempt per call; the first connection is cut after 40 kB
            Uploader once = new HttpsUploader(java.net.URI.create(s.url()), Tls.clientContext(s.trustedCertPem(), null),
                    up.intake.publicKey().key(), 1024, new HttpsUploader.Retry(1, java.time.Duration.ZERO,
                            java.time.Duration.ZERO), d -> { }, () -> 0, java.time.Duration.ofSeconds(20));
            proxy.failNext(FaultProxy.Fault.CUT_MID_BODY, 1, 40_000);
            String id = w.manifest().batchId();
            assertThat(once.upload(w.file(), id, w.sha256())).isInstanceOf(UploadOutcome.Unreachable.class);
            Path partial = up.store.resolve("work").resolve("partial").resolve(id + "-" + w.sha256() + ".part");
            long kept = awaitStableSize(partial);
            assertThat(kept).isGreaterThan(10_000).isLessThan(w.bytes());
            assertThat(up.intake.batches()).isEmpty();
            // the next attempt asks for the offset and sends only the rest
            int before = proxy.connections.get();
            UploadOutcome o = once.upload(w.file(), id, w.sha256());
            assertThat(o).isInstanceOf(UploadOutcome.Delivered.class);
            assertThat(proxy.connections.get()).isGreaterThan(before);
            assertThat(Files.exists(partial)).isFalse();
            assertThat(up.intake.batches()).hasSize(1);
            assertThat(up.intake.batches().get(0).sha256()).isEqualTo(w.sha256());
        }
    }

    @Test
    void aConnectionCutBeforeSendingIsRetriedAndDeliversOnce() throws Exception {
        try (FaultProxy proxy = new FaultProxy(up.port())) {
            OutboxService outbox = outbox(up.settings(proxy.port(), UploadSettings.DEFAULT_THRESHOLD));
            exportAndQueue(false);
            proxy.failNext(FaultProxy.Fault.CUT_BEFORE_SENDING, 2, 0);
            assertThat(outbox.sendPending().delivered()).isEqualTo(1);
            assertThat(up.sleeps).hasSize(2);
            assertThat(up.sleeps.get(1)).isGreaterThan(up.sleeps.get(0));
            assertOneBatchOneReceipt();
        }
    }

    @Test
    void aConnectionCutMidBodyStoresNothingAndTheRetryDeliversOnce() throws Exception {
        try (FaultProxy proxy = new FaultProxy(up.port())) {
            OutboxService outbox = outbox(up.settings(proxy.port(), UploadSettings.DEFAULT_THRESHOLD));
            OutboxBatch b = exportAndQueue(true);
            proxy.failNext(FaultProxy.Fault.CUT_MID_BODY, 1, b.sizeBytes() / 2 + 3000);
            assertThat(outbox.sendPending().delivered()).isEqualTo(1);
            assertThat(up.sleeps).hasSize(1);
            assertOneBatchOneReceipt();
        }
    }

    @Test
    void anAnswerLostAfterTheServerStoredTheBatchGetsTheOriginalReceiptOnRetry() throws Exception {
        try (FaultProxy proxy = new FaultProxy(up.port())) {
            OutboxService outbox = outbox(up.settings(proxy.port(), UploadSettings.DEFAULT_THRESHOLD));
            OutboxBatch b = exportAndQueue(false);
            proxy.failNext(FaultProxy.Fault.DROP_RESPONSE, 1, b.sizeBytes());
            assertThat(outbox.sendPending().delivered()).isEqualTo(1);
            assertThat(up.sleeps).hasSize(1);
            assertOneBatchOneReceipt();
            assertThat(office.batches().find(b.batchId()).orElseThrow().receiptNo())
                    .isEqualTo(up.intake.batches().get(0).receiptNo());
        }
    }

    @Test
    void whileTheServerIsDownTheBatchWaitsInTheOutboxAndGoesWhenItIsBack() {
        int port = up.port();
        OutboxService outbox = outbox(up.settings(port, UploadSettings.DEFAULT_THRESHOLD));
        OutboxBatch first = exportAndQueue(false);
        up.stop();

        OutboxService.SendReport r = outbox.sendPending();
        assertThat(r.delivered()).isZero();
        assertThat(r.lastProblem()).isEqualTo("UNREACHABLE");
        OutboxBatch waiting = office.batches().find(first.batchId()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(BatchState.QUEUED);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(outbox.hasWork()).isTrue();

        up.startOn(port);
        assertThat(outbox.sendPending().delivered()).isEqualTo(1);
        assertThat(office.batches().find(first.batchId()).orElseThrow().state()).isEqualTo(BatchState.DELIVERED);
        assertThat(outbox.hasWork()).isFalse();
        assertOneBatchOneReceipt();
    }

    @Test
    void batchesGoInSequenceOrderAndAGapIsHeldUntilTheMissingOneArrives() {
        OutboxService outbox = outbox(up.settings(up.port(), UploadSettings.DEFAULT_THRESHOLD));
        OutboxBatch one = exportAndQueue(false);
        OutboxBatch two = exportAndQueue(false);
        assertThat(two.previousSha256()).isEqualTo(one.sha256());
        // the second arrives first by USB: held, with the reason
        IntakeService.Imported held = up.intake.importFile(office.batches().fileOf(two), dir);
        assertThat(held.answer().status()).isEqualTo("HELD");
        assertThat(held.answer().problem()).isEqualTo(BatchProblem.SEQUENCE_GAP);
        assertThat(outbox.sendPending().delivered()).isEqualTo(2);
        assertThat(up.intake.batches()).extracting(IntakeRepository.StoredBatch::state)
                .containsExactly("ACCEPTED", "ACCEPTED");
        List<OutboxBatch> all = office.batches().list();
        assertThat(all).extracting(OutboxBatch::state).containsOnly(BatchState.DELIVERED);
    }

    @Test
    void aServerWithAnotherNameOrAnotherKeyIsNotTrusted() throws Exception {
        UploadSettings wrongHost = new UploadSettings("https://localhost:" + up.port() + "/", null,
                Tls.toPem(up.cert), BatchJson.MAPPER.writeValueAsString(up.intake.publicKey()), 1 << 20);
        OutboxService outbox = outbox(wrongHost);
        OutboxBatch b = exportAndQueue(false);
        OutboxService.SendReport r = outbox.sendPending();
        assertThat(r.delivered()).isZero();
        assertThat(office.batches().find(b.batchId()).orElseThrow().problemDetail()).contains("TLS");
        assertThat(up.sleeps).isEmpty(); // not retried: it will not heal by itself

        UploadSettings pinned = new UploadSettings(up.settings(up.port(), 1 << 20).url(), "0".repeat(64),
                Tls.toPem(up.cert), wrongHost.intakeKeyJson(), 1 << 20);
        assertThat(outbox(pinned).sendPending().delivered()).isZero();
        assertThat(up.intake.batches()).isEmpty();

        UploadSettings rightPin = new UploadSettings(pinned.url(), Tls.spkiSha256(up.cert), Tls.toPem(up.cert),
                wrongHost.intakeKeyJson(), 1 << 20);
        assertThat(outbox(rightPin).sendPending().delivered()).isEqualTo(1);
    }

    /** The server writes what arrived on its own thread: wait until the partial file exists and stops growing. */
    static long awaitStableSize(Path p) throws InterruptedException, java.io.IOException {
        long last = -1;
        for (int i = 0; i < 100; i++) {
            if (Files.exists(p)) {
                long now = Files.size(p);
                if (now == last && now > 0) {
                    return now;
                }
                last = now;
            }
            Thread.sleep(100);
        }
        return Files.exists(p) ? Files.size(p) : -1;
    }

    private void assertOneBatchOneReceipt() {
        assertThat(up.intake.batches()).hasSize(1);
        assertThat(up.intake.batches().get(0).receiptNo()).isEqualTo("R2026-000001");
    }
}
