package cn.uniondesk.service;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.SyncRepository;
import cn.uniondesk.domain.BatchState;
import cn.uniondesk.domain.OutboxBatch;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.sync.UploadOutcome;
import cn.uniondesk.sync.Uploader;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox (待发送): queued batches go up in sequence order. Each attempt moves the batch to
 * SENDING; a verified receipt makes it DELIVERED; a refusal makes it REFUSED with the reason; a
 * sequence gap at the intake or an unreachable server puts it back to QUEUED, and the batches after
 * it wait (the intake would only hold them). Safe to call again at any time: the batch id is the
 * idempotency key, so a batch the intake already has gets its original receipt.
 */
public final class OutboxService {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxService.class);

    /** What one pass did. */
    public record SendReport(int delivered, int refused, int waiting, String lastProblem) {
    }

    private final Database db;
    private final SyncRepository repo;
    private final BatchService batches;
    private final Session session;
    private final AuditService audit;
    private final Clock clock;
    private final Function<UploadSettings, Uploader> uploaders;

    public OutboxService(Database db, SyncRepository repo, BatchService batches, Session session, AuditService audit,
            Clock clock, Function<UploadSettings, Uploader> uploaders) {
        this.db = db;
        this.repo = repo;
        this.batches = batches;
        this.session = session;
        this.audit = audit;
        this.clock = clock;
        this.uploaders = uploaders;
    }

    /** The same outbox with another way of uploading (tests: fast retries, fault injection). */
    public OutboxService withUploaders(Function<UploadSettings, Uploader> other) {
        return new OutboxService(db, repo, batches, session, audit, clock, other);
    }

    /**
     * 测试连接: one look at the intake with these settings (saved or not yet saved), through the same
     * TLS checks as the upload (certificate, host name, pin). Nothing is sent, stored or audited.
     */
    public cn.uniondesk.sync.IntakeProbe.Result testConnection(UploadSettings s) {
        session.require(Permission.MEMBER_WRITE);
        if (s.url() == null || !s.url().regionMatches(true, 0, "https://", 0, 8)) {
            throw new RuleViolationException("batch.settings.httpsOnly", String.valueOf(s.url()));
        }
        return cn.uniondesk.sync.IntakeProbe.check(java.net.URI.create(s.url()),
                cn.uniondesk.sync.Tls.clientContext(s.trustedCertPem(), s.pinSha256()), java.time.Duration.ofSeconds(10));
    }

    /** True when something waits and the upload is configured (for the periodic check). */
    public boolean hasWork() {
        session.require(Permission.MEMBER_READ);
        return batches.settings().configured() && !repo.inState(BatchState.QUEUED, BatchState.SENDING).isEmpty();
    }

    /** Sends every queued batch in sequence order; stops at the first that cannot go now. */
    public synchronized SendReport sendPending() {
        session.require(Permission.MEMBER_WRITE);
        UploadSettings settings = batches.settings();
        if (!settings.configured()) {
            throw new RuleViolationException("batch.notConfigured");
        }
        batches.intakeKey();
        Uploader uploader = uploaders.apply(settings);
        int delivered = 0;
        int refused = 0;
        List<OutboxBatch> pending = repo.inState(BatchState.QUEUED, BatchState.SENDING);
        for (int i = 0; i < pending.size(); i++) {
            OutboxBatch b = pending.get(i);
            transition(b, BatchState.SENDING, null, null, "attempt " + (b.attempts() + 1));
            UploadOutcome out;
            try {
                out = uploader.upload(batches.fileOf(b), b.batchId(), b.sha256());
            } catch (RuntimeException e) {
                LOG.warn("Upload of {} failed", b.fileName(), e);
                out = new UploadOutcome.Unreachable(String.valueOf(e.getMessage()), 1);
            }
            OutboxBatch sending = repo.batch(b.batchId()).orElseThrow();
            if (out instanceof UploadOutcome.Delivered d) {
                if (!d.receipt().confirms(batches.intakeKey(), b.batchId(), b.sha256())) {
                    transition(sending, BatchState.QUEUED, "RECEIPT_INVALID", d.receipt().receiptNo(),
                            "receipt does not verify");
                    return new SendReport(delivered, refused, pending.size() - i, "RECEIPT_INVALID");
                }
                batches.markDelivered(sending, d.receipt(), "upload");
                delivered++;
            } else if (out instanceof UploadOutcome.Refused r) {
                transition(sending, BatchState.REFUSED, r.problem().name(), r.detail(), r.problem().name());
                refused++;
                return new SendReport(delivered, refused, pending.size() - i - 1, r.problem().name());
            } else if (out instanceof UploadOutcome.Held h) {
                transition(sending, BatchState.QUEUED, h.problem().name(), h.detail(), "held: " + h.problem());
                return new SendReport(delivered, refused, pending.size() - i, h.problem().name());
            } else {
                UploadOutcome.Unreachable u = (UploadOutcome.Unreachable) out;
                transition(sending, BatchState.QUEUED, "UNREACHABLE", u.message(),
                        "unreachable after " + u.attempts() + " tries: " + u.message());
                return new SendReport(delivered, refused, pending.size() - i, "UNREACHABLE");
            }
        }
        return new SendReport(delivered, refused, 0, null);
    }

    private void transition(OutboxBatch b, BatchState to, String problem, String detail, String note) {
        db.inTransaction(() -> {
            if (to == BatchState.SENDING) {
                repo.countAttempt(b.batchId());
            }
            repo.setState(b.batchId(), to, problem, detail, LocalDateTime.now(clock));
            batches.event(b.batchId(), b.state(), to, note);
            if (to != BatchState.SENDING) {
                audit.record("BATCH_STATE", "sync_batch", b.batchId(), b.state().name(), to.name()
                        + (problem == null ? "" : "; problem=" + problem), null);
            }
        });
    }
}
