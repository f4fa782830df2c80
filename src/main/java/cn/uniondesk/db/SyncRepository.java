package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.DEPARTMENT;
import static cn.uniondesk.db.generated.Tables.MEMBER;
import static cn.uniondesk.db.generated.Tables.MEMBER_EVENT;
import static cn.uniondesk.db.generated.Tables.OFFICE_IDENTITY;
import static cn.uniondesk.db.generated.Tables.SETTING;
import static cn.uniondesk.db.generated.Tables.SYNC_BATCH;
import static cn.uniondesk.db.generated.Tables.SYNC_BATCH_EVENT;

import cn.uniondesk.db.generated.tables.records.SyncBatchRecord;
import cn.uniondesk.domain.BatchState;
import cn.uniondesk.domain.OutboxBatch;
import cn.uniondesk.domain.OutboxEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The office identity, the outbox of batches with their history, upload settings, and the member data a batch reads. */
public final class SyncRepository {
    private final Database db;

    public SyncRepository(Database db) {
        this.db = db;
    }

    // --- identity ----------------------------------------------------------------------------

    /** The stored identity: public key (base64 X.509), fingerprint, encrypted private key, IV, created. */
    public record StoredIdentity(String publicKey, String fingerprint, String privateKeyEnc, String iv,
            LocalDateTime createdAt) {
    }

    public Optional<StoredIdentity> identity() {
        return db.dsl().selectFrom(OFFICE_IDENTITY).where(OFFICE_IDENTITY.ID.eq(1)).fetchOptional(
                r -> new StoredIdentity(r.getPublicKey(), r.getFingerprint(), r.getPrivateKeyEnc(),
                        r.getPrivateKeyIv(), r.getCreatedAt()));
    }

    public void insertIdentity(StoredIdentity i) {
        db.dsl().insertInto(OFFICE_IDENTITY).set(OFFICE_IDENTITY.ID, 1).set(OFFICE_IDENTITY.ALGORITHM, "Ed25519")
                .set(OFFICE_IDENTITY.PUBLIC_KEY, i.publicKey()).set(OFFICE_IDENTITY.FINGERPRINT, i.fingerprint())
                .set(OFFICE_IDENTITY.PRIVATE_KEY_ENC, i.privateKeyEnc()).set(OFFICE_IDENTITY.PRIVATE_KEY_IV, i.iv())
                .set(OFFICE_IDENTITY.CREATED_AT, i.createdAt()).execute();
    }

    // --- settings ----------------------------------------------------------------------------

    public Optional<String> setting(String name) {
        return db.dsl().select(SETTING.VAL).from(SETTING).where(SETTING.NAME.eq(name)).fetchOptional(SETTING.VAL);
    }

    public void saveSetting(String name, String value) {
        if (value == null) {
            db.dsl().deleteFrom(SETTING).where(SETTING.NAME.eq(name)).execute();
            return;
        }
        db.dsl().mergeInto(SETTING).using(DSL.selectOne()).on(SETTING.NAME.eq(name))
                .whenMatchedThenUpdate().set(SETTING.VAL, value)
                .whenNotMatchedThenInsert(SETTING.NAME, SETTING.VAL).values(name, value).execute();
    }

    // --- batches -----------------------------------------------------------------------------

    public List<OutboxBatch> batches() {
        return db.dsl().selectFrom(SYNC_BATCH).orderBy(SYNC_BATCH.SEQ.desc(), SYNC_BATCH.ID.desc())
                .fetch(SyncRepository::toBatch);
    }

    public Optional<OutboxBatch> batch(String batchId) {
        return db.dsl().selectFrom(SYNC_BATCH).where(SYNC_BATCH.BATCH_ID.eq(batchId))
                .fetchOptional(SyncRepository::toBatch);
    }

    public List<OutboxBatch> inState(BatchState... states) {
        return db.dsl().selectFrom(SYNC_BATCH)
                .where(SYNC_BATCH.STATE.in(java.util.Arrays.stream(states).map(Enum::name).toList()))
                .orderBy(SYNC_BATCH.SEQ, SYNC_BATCH.ID).fetch(SyncRepository::toBatch);
    }

    /** The batch the next one chains to: the highest sequence that is neither a draft nor refused. */
    public Optional<OutboxBatch> chainHead() {
        return db.dsl().selectFrom(SYNC_BATCH)
                .where(SYNC_BATCH.STATE.notIn(BatchState.DRAFT.name(), BatchState.REFUSED.name()))
                .orderBy(SYNC_BATCH.SEQ.desc()).limit(1).fetchOptional(SyncRepository::toBatch);
    }

    public void insertBatch(String batchId, long seq, YearMonth period, boolean snapshot, String prevSha,
            LocalDateTime now) {
        db.dsl().insertInto(SYNC_BATCH).set(SYNC_BATCH.BATCH_ID, batchId).set(SYNC_BATCH.SEQ, seq)
                .set(SYNC_BATCH.PERIOD, period.atDay(1)).set(SYNC_BATCH.SNAPSHOT, snapshot)
                .set(SYNC_BATCH.PREV_SHA256, prevSha).set(SYNC_BATCH.STATE, BatchState.DRAFT.name())
                .set(SYNC_BATCH.CREATED_AT, now).set(SYNC_BATCH.UPDATED_AT, now).execute();
    }

    public void redoDraft(String batchId, long seq, YearMonth period, boolean snapshot, String prevSha,
            LocalDateTime now) {
        db.dsl().update(SYNC_BATCH).set(SYNC_BATCH.SEQ, seq).set(SYNC_BATCH.PERIOD, period.atDay(1))
                .set(SYNC_BATCH.SNAPSHOT, snapshot).set(SYNC_BATCH.PREV_SHA256, prevSha)
                .set(SYNC_BATCH.UPDATED_AT, now).where(SYNC_BATCH.BATCH_ID.eq(batchId)).execute();
    }

    public void markExported(String batchId, String fileName, String sha, long size, LocalDateTime now) {
        db.dsl().update(SYNC_BATCH).set(SYNC_BATCH.FILE_NAME, fileName).set(SYNC_BATCH.SHA256, sha)
                .set(SYNC_BATCH.SIZE_BYTES, size).set(SYNC_BATCH.STATE, BatchState.EXPORTED.name())
                .set(SYNC_BATCH.UPDATED_AT, now).where(SYNC_BATCH.BATCH_ID.eq(batchId)).execute();
    }

    public void setState(String batchId, BatchState state, String problem, String detail, LocalDateTime now) {
        db.dsl().update(SYNC_BATCH).set(SYNC_BATCH.STATE, state.name()).set(SYNC_BATCH.PROBLEM, problem)
                .set(SYNC_BATCH.PROBLEM_DETAIL, detail).set(SYNC_BATCH.UPDATED_AT, now)
                .where(SYNC_BATCH.BATCH_ID.eq(batchId)).execute();
    }

    public void countAttempt(String batchId) {
        db.dsl().update(SYNC_BATCH).set(SYNC_BATCH.ATTEMPTS, SYNC_BATCH.ATTEMPTS.plus(1))
                .where(SYNC_BATCH.BATCH_ID.eq(batchId)).execute();
    }

    public void markDelivered(String batchId, String receiptNo, String receiptJson, LocalDateTime now) {
        db.dsl().update(SYNC_BATCH).set(SYNC_BATCH.STATE, BatchState.DELIVERED.name())
                .set(SYNC_BATCH.RECEIPT_NO, receiptNo).set(SYNC_BATCH.RECEIPT_JSON, receiptJson)
                .set(SYNC_BATCH.PROBLEM, (String) null).set(SYNC_BATCH.PROBLEM_DETAIL, (String) null)
                .set(SYNC_BATCH.UPDATED_AT, now).where(SYNC_BATCH.BATCH_ID.eq(batchId)).execute();
    }

    public void insertEvent(OutboxEvent e) {
        db.dsl().insertInto(SYNC_BATCH_EVENT).set(SYNC_BATCH_EVENT.BATCH_ID, e.batchId())
                .set(SYNC_BATCH_EVENT.AT, LocalDateTime.ofInstant(e.at(), ZoneOffset.UTC))
                .set(SYNC_BATCH_EVENT.STATE_FROM, e.from() == null ? null : e.from().name())
                .set(SYNC_BATCH_EVENT.STATE_TO, e.to().name())
                .set(SYNC_BATCH_EVENT.DETAIL, truncate(e.detail(), 1000))
                .set(SYNC_BATCH_EVENT.OPERATOR, e.operator()).execute();
    }

    public List<OutboxEvent> history(String batchId) {
        return db.dsl().selectFrom(SYNC_BATCH_EVENT).where(SYNC_BATCH_EVENT.BATCH_ID.eq(batchId))
                .orderBy(SYNC_BATCH_EVENT.ID)
                .fetch(r -> new OutboxEvent(r.getBatchId(), r.getAt().toInstant(ZoneOffset.UTC),
                        r.getStateFrom() == null ? null : BatchState.valueOf(r.getStateFrom()),
                        BatchState.valueOf(r.getStateTo()), r.getDetail(), r.getOperator()));
    }

    private static OutboxBatch toBatch(SyncBatchRecord r) {
        return new OutboxBatch(r.getBatchId(), r.getSeq(), YearMonth.from(r.getPeriod()), r.getSnapshot(),
                r.getFileName(), r.getSha256(), r.getPrevSha256(), r.getSizeBytes(), BatchState.valueOf(r.getState()),
                r.getReceiptNo(), r.getReceiptJson(), r.getProblem(), r.getProblemDetail(), r.getAttempts(),
                r.getCreatedAt().toInstant(ZoneOffset.UTC), r.getUpdatedAt().toInstant(ZoneOffset.UTC));
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // --- what a batch reads -------------------------------------------------------------------

    /** A lifecycle event as a batch reads it: the member's own fields are looked up apart ({@link #identities}). */
    public record EventRow(long eventId, long memberId, String type, LocalDate date, String statusBefore,
            String statusAfter, String counterpartUnion, String referenceNo, String reason) {
    }

    /**
     * Lifecycle events (not edits) dated on or before {@code end}, in no particular order: one scan of
     * the event table, no sort (an ORDER BY over every event spills to a temporary file at 100,000
     * members). {@code full} tells, from the event's date, whether the text fields are wanted; when it
     * is false the row carries the id, member, type, date and status after only.
     */
    public void forEachEventUpTo(LocalDate end, java.util.function.Predicate<LocalDate> full,
            Consumer<EventRow> sink) {
        db.lazily(dsl -> {
            try (var cursor = dsl
                    .select(MEMBER_EVENT.ID, MEMBER_EVENT.MEMBER_ID, MEMBER_EVENT.EVENT_TYPE, MEMBER_EVENT.EVENT_DATE,
                            MEMBER_EVENT.STATUS_BEFORE, MEMBER_EVENT.STATUS_AFTER, MEMBER_EVENT.COUNTERPART_UNION,
                            MEMBER_EVENT.REFERENCE_NO, MEMBER_EVENT.REASON)
                    .from(MEMBER_EVENT)
                    .where(MEMBER_EVENT.EVENT_DATE.le(end)).and(MEMBER_EVENT.EVENT_TYPE.ne("UPDATE"))
                    .fetchSize(5000).fetchLazy()) {
                for (var r : cursor) {
                    LocalDate date = r.value4();
                    sink.accept(full.test(date)
                            ? new EventRow(r.value1(), r.value2(), r.value3(), date, r.value5(), r.value6(),
                                    r.value7(), r.value8(), r.value9())
                            : new EventRow(r.value1(), r.value2(), r.value3(), date, null, r.value6(), null, null,
                                    null));
                }
            }
        });
    }

    /** The fields a member change line carries about the person. */
    public record Identity(long id, String cardNo, String name, String gender, String idNumber) {
    }

    /** Card number, name, gender and ID number of the given members (looked up by primary key, in chunks). */
    public Map<Long, Identity> identities(java.util.Collection<Long> ids) {
        Map<Long, Identity> out = new HashMap<>();
        List<Long> all = List.copyOf(new java.util.TreeSet<>(ids));
        for (int i = 0; i < all.size(); i += 500) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 500));
            db.dsl().select(MEMBER.ID, MEMBER.CARD_NO, MEMBER.NAME, MEMBER.GENDER, MEMBER.ID_NUMBER).from(MEMBER)
                    .where(MEMBER.ID.in(chunk))
                    .forEach(r -> out.put(r.value1(), new Identity(r.value1(), r.value2(), r.value3(), r.value4(),
                            r.value5())));
        }
        return out;
    }

    /** A member's reporting fields for the snapshot and the department counts. */
    public record MemberFacts(long id, String cardNo, String name, String gender, String idNumber, String department,
            String status, LocalDate joinDate, String employmentType, boolean migrantWorker, String householdType,
            boolean hardship) {
    }

    /**
     * Every member's reporting fields in primary-key order: one scan of the register (the primary
     * index, no sort), the department names from a small map rather than a join.
     */
    public void forEachMemberFacts(Consumer<MemberFacts> sink) {
        Map<Long, String> departments = new HashMap<>();
        db.dsl().select(DEPARTMENT.ID, DEPARTMENT.NAME).from(DEPARTMENT)
                .forEach(r -> departments.put(r.value1(), r.value2()));
        db.lazily(dsl -> {
            try (var cursor = dsl
                    .select(MEMBER.ID, MEMBER.CARD_NO, MEMBER.NAME, MEMBER.GENDER, MEMBER.ID_NUMBER,
                            MEMBER.DEPARTMENT_ID, MEMBER.STATUS, MEMBER.JOIN_DATE, MEMBER.EMPLOYMENT_TYPE, MEMBER.MIGRANT_WORKER,
                            MEMBER.HOUSEHOLD_TYPE, MEMBER.HARDSHIP)
                    .from(MEMBER).orderBy(MEMBER.ID).fetchSize(5000).fetchLazy()) {
                for (var r : cursor) {
                    Long dept = r.value6();
                    sink.accept(new MemberFacts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                            dept == null ? null : departments.get(dept), r.value7(), r.value8(), r.value9(),
                            Boolean.TRUE.equals(r.value10()), r.value11(), Boolean.TRUE.equals(r.value12())));
                }
            }
        });
    }
}
