package cn.uniondesk.service;

import cn.uniondesk.db.Database;
import cn.uniondesk.db.SyncRepository;
import cn.uniondesk.db.UnionRepository;
import cn.uniondesk.domain.BatchState;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.OutboxBatch;
import cn.uniondesk.domain.OutboxEvent;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.sync.BatchJson;
import cn.uniondesk.sync.BatchRecords;
import cn.uniondesk.sync.BatchVerifier;
import cn.uniondesk.sync.BatchWriter;
import cn.uniondesk.sync.KeyFile;
import cn.uniondesk.sync.Receipt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Monthly batches (月报批次) on the office side: export a period to a signed package (kept in
 * {@code <data>/batches/} and copied where asked), verify a package, queue it for sending, import a
 * receipt that came back on a USB stick, and the upload settings. Sending is {@link OutboxService}.
 */
public final class BatchService {
    static final String SETTING_URL = "sync.url";
    static final String SETTING_PIN = "sync.pin";
    static final String SETTING_CERT = "sync.trustedCert";
    static final String SETTING_INTAKE_KEY = "sync.intakeKey";
    static final String SETTING_THRESHOLD = "sync.resumableThreshold";
    /** Lifecycle events that move a person in or out of the union: the ID number goes with them (实名制). */
    static final Set<String> IDENTIFYING_EVENTS = Set.of(MemberEventType.JOIN.name(),
            MemberEventType.TRANSFER_IN.name(), MemberEventType.TRANSFER_OUT.name());

    private final Database db;
    private final SyncRepository repo;
    private final DuesService dues;
    private final UnionRepository unions;
    private final OfficeIdentityService identity;
    private final Session session;
    private final AuditService audit;
    private final Clock clock;
    private final Path batchesDir;
    private final String softwareVersion;
    private volatile AidLedgerSource aid = AidLedgerSource.none();

    public BatchService(Database db, SyncRepository repo, DuesService dues, UnionRepository unions,
            OfficeIdentityService identity, Session session, AuditService audit, Clock clock, Path batchesDir,
            String softwareVersion) {
        this.db = db;
        this.repo = repo;
        this.dues = dues;
        this.unions = unions;
        this.identity = identity;
        this.session = session;
        this.audit = audit;
        this.clock = clock;
        this.batchesDir = batchesDir;
        this.softwareVersion = softwareVersion;
    }

    /** Wires the aid ledger (the aid cases feature); until then the ledger file is empty. */
    public void useAidLedger(AidLedgerSource source) {
        this.aid = source;
    }

    public Path batchesDir() {
        return batchesDir;
    }

    // --- export -------------------------------------------------------------------------------

    /** A written batch: its row, the package in the data folder, and the copy (null when none was asked). */
    public record Exported(OutboxBatch batch, Path file, Path copy) {
    }

    /**
     * Exports the period as the next batch in the chain: a DRAFT row is reserved (sequence, id,
     * previous hash), the package is written (temp, forced, renamed), then the row becomes EXPORTED.
     * A draft left by a crash is reused by the next export.
     */
    public Exported export(YearMonth month, boolean snapshot, Path copyTo) {
        session.require(Permission.MEMBER_WRITE);
        UnionInfo union = unions.find().orElseThrow(() -> new RuleViolationException("batch.noOrgCode"));
        if (union.orgCode() == null || !union.orgCode().matches("[0-9A-Za-z]{1,32}")) {
            throw new RuleViolationException("batch.noOrgCode");
        }
        if (month.isAfter(YearMonth.now(clock))) {
            throw new RuleViolationException("batch.futureMonth", month.toString());
        }
        KeyPair key = identity.keyPair();
        LocalDateTime now = LocalDateTime.now(clock);
        OutboxBatch draft = db.inTransaction(() -> {
            Optional<OutboxBatch> head = repo.chainHead();
            long seq = head.map(b -> b.sequence() + 1).orElse(1L);
            String prev = head.map(OutboxBatch::sha256).orElse(null);
            Optional<OutboxBatch> old = repo.inState(BatchState.DRAFT).stream().findFirst();
            String id;
            if (old.isPresent()) {
                id = old.get().batchId();
                repo.redoDraft(id, seq, month, snapshot, prev, now);
            } else {
                id = UUID.randomUUID().toString();
                repo.insertBatch(id, seq, month, snapshot, prev, now);
                event(id, null, BatchState.DRAFT, month + (snapshot ? " +snapshot" : ""));
            }
            return repo.batch(id).orElseThrow();
        });
        BatchWriter.Header h = new BatchWriter.Header(draft.batchId(), union.orgCode(), union.name(), month,
                draft.sequence(), draft.previousSha256(), OffsetDateTime.now(clock), softwareVersion);
        List<CompletableFuture<?>> background = new ArrayList<>();
        BatchWriter.Written w;
        try {
            w = BatchWriter.write(batchesDir, h, dataFiles(month, snapshot, background), key);
        } finally {
            // no read of this export outlives it, even when the writing failed half-way
            background.forEach(f -> f.exceptionally(e -> null).join());
        }
        OutboxBatch done = db.inTransaction(() -> {
            repo.markExported(draft.batchId(), w.file().getFileName().toString(), w.sha256(), w.bytes(),
                    LocalDateTime.now(clock));
            event(draft.batchId(), BatchState.DRAFT, BatchState.EXPORTED, w.file().getFileName() + " sha256="
                    + w.sha256());
            audit.record("BATCH_EXPORT", "sync_batch", draft.batchId(), null, "period=" + month + "; seq="
                    + draft.sequence() + "; sha256=" + w.sha256() + "; members="
                    + w.manifest().controlTotals().memberCount(), null);
            return repo.batch(draft.batchId()).orElseThrow();
        });
        Path copy = null;
        if (copyTo != null && !copyTo.toAbsolutePath().normalize().equals(batchesDir.toAbsolutePath().normalize())) {
            copy = BatchWriter.copyAtomically(w.file(), copyTo);
        }
        return new Exported(done, w.file(), copy);
    }

    /** A member's last lifecycle event on or before the period's end, so far. */
    private static final class LastEvent {
        long epochDay;
        long eventId;
        String statusAfter;
    }

    /**
     * The data files of a period, each source read once: one scan of the lifecycle events (unsorted;
     * it gives both each member's status at the period's end and the period's changes), one scan of
     * the register in primary-key order (streamed into the snapshot while it is written, and counted
     * by department), and one {@link DuesService#monthlyReport} for the dues summary. The monthly
     * report reads other tables (and the register on its own), so it runs on a second thread while
     * this one reads the events and writes the package; the dues summary waits for it.
     */
    private Map<String, BatchWriter.DataSource> dataFiles(YearMonth month, boolean snapshot,
            List<CompletableFuture<?>> background) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        CompletableFuture<DuesService.MonthlyReport> duesReport = CompletableFuture.supplyAsync(
                () -> dues.monthlyReport(month), task -> {
                    // never interrupted (an interrupt closes H2's file): it only ever runs to its end
                    Thread t = new Thread(task, "batch-dues-report");
                    t.setDaemon(true);
                    t.start();
                });
        background.add(duesReport);
        Map<Long, LastEvent> last = new HashMap<>();
        List<SyncRepository.EventRow> changes = new ArrayList<>();
        repo.forEachEventUpTo(to, date -> !date.isBefore(from), e -> {
            long day = e.date().toEpochDay();
            LastEvent l = last.get(e.memberId());
            if (l == null) {
                l = new LastEvent();
                l.epochDay = Long.MIN_VALUE;
                last.put(e.memberId(), l);
            }
            if (day > l.epochDay || (day == l.epochDay && e.eventId() > l.eventId)) {
                l.epochDay = day;
                l.eventId = e.eventId();
                l.statusAfter = e.statusAfter();
            }
            if (!e.date().isBefore(from)) {
                changes.add(e);
            }
        });
        changes.sort(Comparator.comparing(SyncRepository.EventRow::date)
                .thenComparingLong(SyncRepository.EventRow::eventId));
        Map<String, BatchWriter.DataSource> files = new LinkedHashMap<>();
        files.put(BatchRecords.MEMBER_CHANGES, sink -> {
            Map<Long, SyncRepository.Identity> who = repo.identities(
                    changes.stream().map(SyncRepository.EventRow::memberId).toList());
            for (SyncRepository.EventRow c : changes) {
                SyncRepository.Identity m = who.get(c.memberId());
                if (m == null) {
                    continue; // the event's member is gone (cannot happen: the foreign key keeps it)
                }
                sink.write(new BatchRecords.MemberChange(c.eventId(), c.memberId(), m.cardNo(), m.name(), m.gender(),
                        IDENTIFYING_EVENTS.contains(c.type()) ? m.idNumber() : null, c.type(), c.date().toString(),
                        c.statusBefore(), c.statusAfter(), c.counterpartUnion(), c.referenceNo(), c.reason()));
            }
        });
        // members holding membership at the end of the period, by department: counted during the one
        // register scan, which writes the snapshot when one is asked for
        Map<String, int[]> membersByDept = new TreeMap<>();
        BatchWriter.DataSource register = sink -> {
            IOException[] failure = new IOException[1];
            repo.forEachMemberFacts(m -> {
                if (failure[0] != null) {
                    return;
                }
                LastEvent l = last.get(m.id());
                String st = l == null ? null : l.statusAfter;
                if (st == null && l == null && !m.joinDate().isAfter(to)) {
                    st = m.status(); // a member without recorded events: the register's status
                }
                if (st != null && MemberStatus.valueOf(st).holdsMembership()) {
                    String dept = m.department() == null ? "" : m.department();
                    membersByDept.computeIfAbsent(dept, k -> new int[1])[0]++;
                    if (sink != null) {
                        try {
                            sink.write(new BatchRecords.MemberSnapshot(m.id(), m.cardNo(), m.name(), m.gender(),
                                    m.idNumber(), dept, st, m.joinDate().toString(), m.employmentType(),
                                    m.migrantWorker(), m.householdType(), m.hardship()));
                        } catch (IOException e) {
                            failure[0] = e;
                        }
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        };
        if (snapshot) {
            files.put(BatchRecords.MEMBER_SNAPSHOT, register);
        }
        files.put(BatchRecords.DUES_SUMMARY, sink -> {
            if (!snapshot) {
                register.writeTo(null);
            }
            DuesService.MonthlyReport report;
            try {
                report = duesReport.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
            Map<String, DuesService.DepartmentTotals> byDept = new TreeMap<>();
            report.departments().forEach(d -> byDept.put(d.department(), d));
            java.util.Set<String> depts = new java.util.TreeSet<>(byDept.keySet());
            depts.addAll(membersByDept.keySet());
            for (String d : depts) {
                DuesService.DepartmentTotals t = byDept.get(d);
                int members = membersByDept.getOrDefault(d, new int[1])[0];
                sink.write(t == null ? new BatchRecords.DuesSummary(d, members, 0, 0, 0, 0, 0)
                        : new BatchRecords.DuesSummary(d, members, t.dueMembers(), t.dueFen(), t.paidMembers(),
                                t.paidFen(), t.outstandingFen()));
            }
        });
        Optional<DuesService.Fund> fund = dues.fund(month);
        files.put(BatchRecords.FUND_SUMMARY, sink -> {
            if (fund.isPresent()) {
                DuesService.Fund f = fund.get();
                sink.write(new BatchRecords.FundSummary(f.payrollTotalFen(), f.dueFen(), f.receivedFen(),
                        f.remittedFen(), f.upperShareBp(), f.upperShareFen()));
            }
        });
        files.put(BatchRecords.AID_LEDGER, sink -> {
            IOException[] failure = new IOException[1];
            aid.forEachPayment(month, p -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    sink.write(new BatchRecords.AidLedger(p.caseNo(), p.type(), p.memberId(), p.amountFen(),
                            p.paidOn() == null ? null : p.paidOn().toString(), p.status()));
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        });
        return files;
    }

    // --- verify -------------------------------------------------------------------------------

    /** Verifies a package against this office's own key (the same checks the intake runs). */
    public BatchVerifier.Result verify(Path file) {
        session.require(Permission.MEMBER_READ);
        Optional<OfficeIdentityService.Identity> id = identity.show();
        String org = unions.find().map(UnionInfo::orgCode).orElse(null);
        return new BatchVerifier().verify(file, code -> code.equals(org) ? id.map(OfficeIdentityService.Identity::publicKey)
                : Optional.empty());
    }

    // --- outbox rows --------------------------------------------------------------------------

    public List<OutboxBatch> list() {
        session.require(Permission.MEMBER_READ);
        return repo.batches();
    }

    public List<OutboxEvent> history(String batchId) {
        session.require(Permission.MEMBER_READ);
        return repo.history(batchId);
    }

    public Optional<OutboxBatch> find(String batchIdOrFile) {
        session.require(Permission.MEMBER_READ);
        Optional<OutboxBatch> b = repo.batch(batchIdOrFile);
        if (b.isPresent()) {
            return b;
        }
        return repo.batches().stream().filter(x -> batchIdOrFile.equals(x.fileName())).findFirst();
    }

    /** The package of a batch in the data folder. */
    public Path fileOf(OutboxBatch b) {
        return batchesDir.resolve(b.fileName());
    }

    /**
     * Copies an exported batch's package into {@code dir} (a USB stick going to the upper level),
     * written to a temporary name, synced, then renamed; recorded in the audit trail, since the
     * package holds members' data. Returns the copy.
     */
    public Path copyPackage(String batchId, Path dir) {
        session.require(Permission.MEMBER_WRITE);
        OutboxBatch b = repo.batch(batchId).orElseThrow(() -> new NotFoundException("batch.notFound", batchId));
        if (b.fileName() == null || b.state() == BatchState.DRAFT) {
            throw new RuleViolationException("batch.notExported", batchId);
        }
        Path target = dir.resolve(b.fileName());
        try {
            BatchWriter.writeAtomically(target, Files.readAllBytes(fileOf(b)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db.inTransaction(() -> audit.record("BATCH_COPY", "sync_batch", batchId, null, target.toString(), null));
        return target;
    }

    /** Puts an exported batch in the outbox (待发送). Queuing a queued batch changes nothing. */
    public OutboxBatch queue(String batchId) {
        session.require(Permission.MEMBER_WRITE);
        return db.inTransaction(() -> {
            OutboxBatch b = repo.batch(batchId).orElseThrow(() -> new NotFoundException("batch.notFound", batchId));
            if (b.state() == BatchState.QUEUED) {
                return b;
            }
            if (b.state() != BatchState.EXPORTED) {
                throw new RuleViolationException("batch.cannotQueue", b.fileName() == null ? batchId : b.fileName(),
                        b.state().name());
            }
            repo.setState(batchId, BatchState.QUEUED, null, null, LocalDateTime.now(clock));
            event(batchId, b.state(), BatchState.QUEUED, null);
            audit.record("BATCH_QUEUE", "sync_batch", batchId, b.state().name(), BatchState.QUEUED.name(), null);
            return repo.batch(batchId).orElseThrow();
        });
    }

    // --- receipts -----------------------------------------------------------------------------

    /**
     * Imports a receipt file brought back from the upper level (USB): it must verify under the
     * intake's key and name a batch of this office with its hash; the batch becomes DELIVERED.
     */
    public OutboxBatch importReceipt(Path file) {
        session.require(Permission.MEMBER_WRITE);
        String json;
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new RuleViolationException("batch.receipt.unreadable", file.getFileName().toString());
            }
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleViolationException("batch.receipt.unreadable", file.getFileName().toString());
        }
        Receipt r;
        try {
            r = Receipt.parse(json);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("batch.receipt.unreadable", file.getFileName().toString());
        }
        OutboxBatch b = repo.batch(r.batchId() == null ? "" : r.batchId())
                .orElseThrow(() -> new RuleViolationException("batch.receipt.unknownBatch", String.valueOf(r.batchId())));
        if (b.state() == BatchState.DELIVERED && r.receiptNo().equals(b.receiptNo())) {
            return b;
        }
        if (b.sha256() == null || !r.confirms(intakeKey(), b.batchId(), b.sha256())) {
            throw new RuleViolationException("batch.receipt.invalid", file.getFileName().toString());
        }
        return markDelivered(b, r, "receipt file " + file.getFileName());
    }

    /** Marks a batch delivered with a receipt already checked; writes the receipt file beside the package. */
    OutboxBatch markDelivered(OutboxBatch b, Receipt r, String how) {
        OutboxBatch done = db.inTransaction(() -> {
            repo.markDelivered(b.batchId(), r.receiptNo(), r.toJson(), LocalDateTime.now(clock));
            event(b.batchId(), b.state(), BatchState.DELIVERED, r.receiptNo() + " (" + how + ")");
            audit.record("BATCH_DELIVERED", "sync_batch", b.batchId(), b.state().name(),
                    "receipt=" + r.receiptNo() + "; sha256=" + r.batchSha256(), null);
            return repo.batch(b.batchId()).orElseThrow();
        });
        if (b.fileName() != null) {
            BatchWriter.writeAtomically(batchesDir.resolve(b.fileName() + Receipt.SUFFIX),
                    r.toJson().getBytes(StandardCharsets.UTF_8));
        }
        return done;
    }

    /** The intake's public key from the settings; a clear refusal when none is registered. */
    java.security.PublicKey intakeKey() {
        String json = repo.setting(SETTING_INTAKE_KEY)
                .orElseThrow(() -> new RuleViolationException("batch.noIntakeKey"));
        try {
            return BatchJson.MAPPER.readValue(json, KeyFile.class).key();
        } catch (IOException | IllegalArgumentException e) {
            throw new RuleViolationException("batch.noIntakeKey");
        }
    }

    void event(String batchId, BatchState from, BatchState to, String detail) {
        repo.insertEvent(new OutboxEvent(batchId, clock.instant(), from, to, detail, session.operator()));
    }

    // --- settings -----------------------------------------------------------------------------

    public UploadSettings settings() {
        session.require(Permission.MEMBER_READ);
        return new UploadSettings(repo.setting(SETTING_URL).orElse(null), repo.setting(SETTING_PIN).orElse(null),
                repo.setting(SETTING_CERT).orElse(null), repo.setting(SETTING_INTAKE_KEY).orElse(null),
                repo.setting(SETTING_THRESHOLD).map(Long::parseLong).orElse(UploadSettings.DEFAULT_THRESHOLD));
    }

    /** Saves the upload settings (administrators): https URLs only; the intake key file must be valid. */
    public void saveSettings(UploadSettings s) {
        session.require(Permission.APPROVE);
        if (s.url() != null && !s.url().startsWith("https://")) {
            throw new RuleViolationException("batch.settings.httpsOnly", s.url());
        }
        if (s.pinSha256() != null && !s.pinSha256().matches("[0-9a-f]{64}")) {
            throw new RuleViolationException("batch.settings.badPin", s.pinSha256());
        }
        if (s.intakeKeyJson() != null) {
            try {
                BatchJson.MAPPER.readValue(s.intakeKeyJson(), KeyFile.class).key();
            } catch (IOException | RuntimeException e) {
                throw new RuleViolationException("batch.noIntakeKey");
            }
        }
        db.inTransaction(() -> {
            repo.saveSetting(SETTING_URL, s.url());
            repo.saveSetting(SETTING_PIN, s.pinSha256());
            repo.saveSetting(SETTING_CERT, s.trustedCertPem());
            repo.saveSetting(SETTING_INTAKE_KEY, s.intakeKeyJson());
            repo.saveSetting(SETTING_THRESHOLD, Long.toString(s.resumableThresholdBytes()));
            audit.record("SYNC_SETTINGS", "setting", "sync", null, "url=" + s.url() + "; pin=" + s.pinSha256()
                    + "; cert=" + (s.trustedCertPem() != null) + "; intakeKey=" + (s.intakeKeyJson() != null), null);
        });
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
