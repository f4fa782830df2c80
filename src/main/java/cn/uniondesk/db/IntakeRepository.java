package cn.uniondesk.db;

import static cn.uniondesk.db.intake.generated.Tables.INTAKE_BATCH;
import static cn.uniondesk.db.intake.generated.Tables.INTAKE_COUNTER;
import static cn.uniondesk.db.intake.generated.Tables.INTAKE_OFFICE;
import static cn.uniondesk.db.intake.generated.Tables.INTAKE_REFUSAL;

import cn.uniondesk.db.intake.generated.tables.records.IntakeBatchRecord;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The intake store: registered offices, accepted and held batches with their figures, refusals, receipt numbers. */
public final class IntakeRepository {
    private final IntakeDatabase db;

    public IntakeRepository(IntakeDatabase db) {
        this.db = db;
    }

    public record Office(String orgCode, String name, String publicKey, String fingerprint, LocalDateTime registeredAt) {
    }

    /** A stored batch and the figures it carries. */
    public record StoredBatch(String batchId, String orgCode, String period, long seq, String sha256,
            String prevSha256, String state, String heldReason, String heldDetail, String filePath,
            LocalDateTime receivedAt, LocalDateTime acceptedAt, String receiptNo, String receiptJson,
            String manifestJson, Figures figures) {
    }

    public record Figures(long memberCount, long joined, long left, long duesDueFen, long duesPaidFen,
            long duesOutstandingFen, long fundPayrollFen, long fundReceivedFen, long fundRemittedFen, long aidCases,
            long aidPaidFen) {
    }

    // --- offices ---

    public void saveOffice(Office o) {
        if (office(o.orgCode()).isPresent()) {
            db.dsl().update(INTAKE_OFFICE).set(INTAKE_OFFICE.NAME, o.name()).set(INTAKE_OFFICE.PUBLIC_KEY, o.publicKey())
                    .set(INTAKE_OFFICE.FINGERPRINT, o.fingerprint()).set(INTAKE_OFFICE.REGISTERED_AT, o.registeredAt())
                    .where(INTAKE_OFFICE.ORG_CODE.eq(o.orgCode())).execute();
        } else {
            db.dsl().insertInto(INTAKE_OFFICE).set(INTAKE_OFFICE.ORG_CODE, o.orgCode()).set(INTAKE_OFFICE.NAME, o.name())
                    .set(INTAKE_OFFICE.PUBLIC_KEY, o.publicKey()).set(INTAKE_OFFICE.FINGERPRINT, o.fingerprint())
                    .set(INTAKE_OFFICE.REGISTERED_AT, o.registeredAt()).execute();
        }
    }

    /** Locks the office's row until the caller's transaction ends (serialises its batches across processes). */
    public void lockOffice(String orgCode) {
        db.dsl().select(INTAKE_OFFICE.ORG_CODE).from(INTAKE_OFFICE).where(INTAKE_OFFICE.ORG_CODE.eq(orgCode)).forUpdate()
                .fetch();
    }

    public Optional<Office> office(String orgCode) {
        return db.dsl().selectFrom(INTAKE_OFFICE).where(INTAKE_OFFICE.ORG_CODE.eq(orgCode)).fetchOptional(
                r -> new Office(r.getOrgCode(), r.getName(), r.getPublicKey(), r.getFingerprint(), r.getRegisteredAt()));
    }

    public List<Office> offices() {
        return db.dsl().selectFrom(INTAKE_OFFICE).orderBy(INTAKE_OFFICE.ORG_CODE).fetch(
                r -> new Office(r.getOrgCode(), r.getName(), r.getPublicKey(), r.getFingerprint(), r.getRegisteredAt()));
    }

    // --- batches ---

    public Optional<StoredBatch> batch(String batchId) {
        return db.dsl().selectFrom(INTAKE_BATCH).where(INTAKE_BATCH.BATCH_ID.eq(batchId))
                .fetchOptional(IntakeRepository::toBatch);
    }

    /** The accepted batch with the highest sequence of an office. */
    public Optional<StoredBatch> lastAccepted(String orgCode) {
        return db.dsl().selectFrom(INTAKE_BATCH).where(INTAKE_BATCH.ORG_CODE.eq(orgCode))
                .and(INTAKE_BATCH.STATE.eq("ACCEPTED")).orderBy(INTAKE_BATCH.SEQ.desc()).limit(1)
                .fetchOptional(IntakeRepository::toBatch);
    }

    public List<StoredBatch> held(String orgCode) {
        return db.dsl().selectFrom(INTAKE_BATCH).where(INTAKE_BATCH.ORG_CODE.eq(orgCode))
                .and(INTAKE_BATCH.STATE.eq("HELD")).orderBy(INTAKE_BATCH.SEQ).fetch(IntakeRepository::toBatch);
    }

    public List<StoredBatch> all() {
        return db.dsl().selectFrom(INTAKE_BATCH).orderBy(INTAKE_BATCH.ORG_CODE, INTAKE_BATCH.SEQ)
                .fetch(IntakeRepository::toBatch);
    }

    /** For each office, its accepted batch for {@code period} with the highest sequence (a resubmission replaces). */
    public List<StoredBatch> latestAccepted(String period) {
        List<StoredBatch> all = db.dsl().selectFrom(INTAKE_BATCH).where(INTAKE_BATCH.PERIOD.eq(period))
                .and(INTAKE_BATCH.STATE.eq("ACCEPTED")).orderBy(INTAKE_BATCH.ORG_CODE, INTAKE_BATCH.SEQ.desc())
                .fetch(IntakeRepository::toBatch);
        java.util.Map<String, StoredBatch> latest = new java.util.LinkedHashMap<>();
        all.forEach(b -> latest.putIfAbsent(b.orgCode(), b));
        return List.copyOf(latest.values());
    }

    public void insert(StoredBatch b) {
        Figures f = b.figures();
        db.dsl().insertInto(INTAKE_BATCH).set(INTAKE_BATCH.BATCH_ID, b.batchId()).set(INTAKE_BATCH.ORG_CODE, b.orgCode())
                .set(INTAKE_BATCH.PERIOD, b.period()).set(INTAKE_BATCH.SEQ, b.seq()).set(INTAKE_BATCH.SHA256, b.sha256())
                .set(INTAKE_BATCH.PREV_SHA256, b.prevSha256()).set(INTAKE_BATCH.STATE, b.state())
                .set(INTAKE_BATCH.HELD_REASON, b.heldReason()).set(INTAKE_BATCH.HELD_DETAIL, b.heldDetail())
                .set(INTAKE_BATCH.FILE_PATH, b.filePath()).set(INTAKE_BATCH.RECEIVED_AT, b.receivedAt())
                .set(INTAKE_BATCH.ACCEPTED_AT, b.acceptedAt()).set(INTAKE_BATCH.RECEIPT_NO, b.receiptNo())
                .set(INTAKE_BATCH.RECEIPT_JSON, b.receiptJson()).set(INTAKE_BATCH.MANIFEST_JSON, b.manifestJson())
                .set(INTAKE_BATCH.MEMBER_COUNT, f.memberCount()).set(INTAKE_BATCH.JOINED, f.joined())
                .set(INTAKE_BATCH.LEFT_COUNT, f.left()).set(INTAKE_BATCH.DUES_DUE_FEN, f.duesDueFen())
                .set(INTAKE_BATCH.DUES_PAID_FEN, f.duesPaidFen())
                .set(INTAKE_BATCH.DUES_OUTSTANDING_FEN, f.duesOutstandingFen())
                .set(INTAKE_BATCH.FUND_PAYROLL_FEN, f.fundPayrollFen())
                .set(INTAKE_BATCH.FUND_RECEIVED_FEN, f.fundReceivedFen())
                .set(INTAKE_BATCH.FUND_REMITTED_FEN, f.fundRemittedFen()).set(INTAKE_BATCH.AID_CASES, f.aidCases())
                .set(INTAKE_BATCH.AID_PAID_FEN, f.aidPaidFen()).execute();
    }

    /** A held batch is accepted: its file moved, receipt issued. */
    public void accept(String batchId, String filePath, LocalDateTime at, String receiptNo, String receiptJson) {
        db.dsl().update(INTAKE_BATCH).set(INTAKE_BATCH.STATE, "ACCEPTED").set(INTAKE_BATCH.HELD_REASON, (String) null)
                .set(INTAKE_BATCH.HELD_DETAIL, (String) null).set(INTAKE_BATCH.FILE_PATH, filePath)
                .set(INTAKE_BATCH.ACCEPTED_AT, at).set(INTAKE_BATCH.RECEIPT_NO, receiptNo)
                .set(INTAKE_BATCH.RECEIPT_JSON, receiptJson).where(INTAKE_BATCH.BATCH_ID.eq(batchId)).execute();
    }

    /** The stored file moved (sealed when the store was encrypted). */
    public void setFilePath(String batchId, String filePath) {
        db.dsl().update(INTAKE_BATCH).set(INTAKE_BATCH.FILE_PATH, filePath).where(INTAKE_BATCH.BATCH_ID.eq(batchId))
                .execute();
    }

    public void delete(String batchId) {
        db.dsl().deleteFrom(INTAKE_BATCH).where(INTAKE_BATCH.BATCH_ID.eq(batchId)).execute();
    }

    public int countBatches() {
        return db.dsl().fetchCount(INTAKE_BATCH);
    }

    // --- refusals and numbers ---

    public void refusal(LocalDateTime at, String orgCode, String batchId, String sha, String problem, String detail,
            String source) {
        db.dsl().insertInto(INTAKE_REFUSAL).set(INTAKE_REFUSAL.AT, at).set(INTAKE_REFUSAL.ORG_CODE, orgCode)
                .set(INTAKE_REFUSAL.BATCH_ID, batchId).set(INTAKE_REFUSAL.SHA256, sha)
                .set(INTAKE_REFUSAL.PROBLEM, problem).set(INTAKE_REFUSAL.DETAIL, SyncRepository.truncate(detail, 1000))
                .set(INTAKE_REFUSAL.SOURCE, source).execute();
    }

    public int countRefusals() {
        return db.dsl().fetchCount(INTAKE_REFUSAL);
    }

    /** The next value of a counter (receipt numbers per year), inside the caller's transaction. */
    public long next(String name) {
        Long cur = db.dsl().select(INTAKE_COUNTER.VAL).from(INTAKE_COUNTER).where(INTAKE_COUNTER.NAME.eq(name))
                .forUpdate().fetchOptional(INTAKE_COUNTER.VAL).orElse(null);
        if (cur == null) {
            db.dsl().insertInto(INTAKE_COUNTER).set(INTAKE_COUNTER.NAME, name).set(INTAKE_COUNTER.VAL, 1L).execute();
            return 1;
        }
        db.dsl().update(INTAKE_COUNTER).set(INTAKE_COUNTER.VAL, cur + 1).where(INTAKE_COUNTER.NAME.eq(name)).execute();
        return cur + 1;
    }

    private static StoredBatch toBatch(IntakeBatchRecord r) {
        return new StoredBatch(r.getBatchId(), r.getOrgCode(), r.getPeriod(), r.getSeq(), r.getSha256(),
                r.getPrevSha256(), r.getState(), r.getHeldReason(), r.getHeldDetail(), r.getFilePath(),
                r.getReceivedAt(), r.getAcceptedAt(), r.getReceiptNo(), r.getReceiptJson(), r.getManifestJson(),
                new Figures(r.getMemberCount(), r.getJoined(), r.getLeftCount(), r.getDuesDueFen(), r.getDuesPaidFen(),
                        r.getDuesOutstandingFen(), r.getFundPayrollFen(), r.getFundReceivedFen(),
                        r.getFundRemittedFen(), r.getAidCases(), r.getAidPaidFen()));
    }
}
