package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.AUDIT_LOG;

import cn.uniondesk.domain.AuditEntry;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** The append-only, hash-chained audit trail. */
public final class AuditRepository {
    private final Database db;

    public AuditRepository(Database db) {
        this.db = db;
    }

    /**
     * Appends a row chained to the last one. Call inside the transaction of the change it
     * records, so both are stored or neither. Appends are serialised.
     */
    public synchronized AuditEntry append(Instant at, String actor, String action, String entity, String entityId,
            String before, String after, String reason) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        // MAX on the primary key is answered from the index (ORDER BY ... DESC LIMIT 1 would scan)
        Long lastId = db.dsl().select(DSL.max(AUDIT_LOG.ID)).from(AUDIT_LOG).fetchOne().value1();
        String prev = lastId == null ? AuditEntry.GENESIS
                : db.dsl().select(AUDIT_LOG.HASH).from(AUDIT_LOG).where(AUDIT_LOG.ID.eq(lastId)).forUpdate()
                        .fetchOne().value1();
        long id = lastId == null ? 1 : lastId + 1;
        String hash = AuditEntry.computeHash(prev, id, when, actor, action, entity, entityId, before, after, reason);
        db.dsl().insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ID, id)
                .set(AUDIT_LOG.AT, LocalDateTime.ofInstant(when, ZoneOffset.UTC))
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY, entity)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.BEFORE_DATA, before)
                .set(AUDIT_LOG.AFTER_DATA, after)
                .set(AUDIT_LOG.REASON, reason)
                .set(AUDIT_LOG.PREV_HASH, prev)
                .set(AUDIT_LOG.HASH, hash)
                .execute();
        return new AuditEntry(id, when, actor, action, entity, entityId, before, after, reason, prev, hash);
    }

    /** An audit row to be written by {@link #appendAll}. */
    public record Draft(String action, String entity, String entityId, String before, String after, String reason) {
    }

    /**
     * Appends many rows chained in order with one JDBC batch (bulk import, payroll batches).
     * Call inside the transaction of the change.
     */
    public synchronized void appendAll(Instant at, String actor, List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        Long lastId = db.dsl().select(DSL.max(AUDIT_LOG.ID)).from(AUDIT_LOG).fetchOne().value1();
        String prev = lastId == null ? AuditEntry.GENESIS
                : db.dsl().select(AUDIT_LOG.HASH).from(AUDIT_LOG).where(AUDIT_LOG.ID.eq(lastId)).forUpdate()
                        .fetchOne().value1();
        long first = lastId == null ? 1 : lastId + 1;
        String[] prevHash = {prev};
        LocalDateTime ts = LocalDateTime.ofInstant(when, ZoneOffset.UTC);
        db.dsl().connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO AUDIT_LOG (ID, AT, ACTOR, ACTION, "
                    + "ENTITY, ENTITY_ID, BEFORE_DATA, AFTER_DATA, REASON, PREV_HASH, HASH) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                long id = first;
                for (Draft d : drafts) {
                    String hash = AuditEntry.computeHash(prevHash[0], id, when, actor, d.action(), d.entity(),
                            d.entityId(), d.before(), d.after(), d.reason());
                    ps.setLong(1, id);
                    ps.setObject(2, ts);
                    ps.setString(3, actor);
                    ps.setString(4, d.action());
                    ps.setString(5, d.entity());
                    ps.setString(6, d.entityId());
                    ps.setString(7, d.before());
                    ps.setString(8, d.after());
                    ps.setString(9, d.reason());
                    ps.setString(10, prevHash[0]);
                    ps.setString(11, hash);
                    ps.addBatch();
                    prevHash[0] = hash;
                    id++;
                    if ((id - first) % 2000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** Every row in order, streamed. */
    public void forEach(Consumer<AuditEntry> sink) {
        try (var cursor = db.dsl().selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.ID).fetchSize(1000).fetchLazy()) {
            for (var r : cursor) {
                sink.accept(toEntry(r));
            }
        }
    }

    /** Rows matching the filters (null = any), newest first, at most {@code limit}. */
    public List<AuditEntry> find(String actor, String entity, String entityId, int limit) {
        Condition c = DSL.noCondition();
        if (actor != null) {
            c = c.and(AUDIT_LOG.ACTOR.eq(actor));
        }
        if (entity != null) {
            c = c.and(AUDIT_LOG.ENTITY.eq(entity));
        }
        if (entityId != null) {
            c = c.and(AUDIT_LOG.ENTITY_ID.eq(entityId));
        }
        return db.dsl().selectFrom(AUDIT_LOG).where(c).orderBy(AUDIT_LOG.ID.desc()).limit(limit)
                .fetch(AuditRepository::toEntry);
    }

    public int count() {
        return db.dsl().fetchCount(AUDIT_LOG);
    }

    private static AuditEntry toEntry(cn.uniondesk.db.generated.tables.records.AuditLogRecord r) {
        return new AuditEntry(r.getId(), r.getAt().toInstant(ZoneOffset.UTC), r.getActor(), r.getAction(),
                r.getEntity(), r.getEntityId(), r.getBeforeData(), r.getAfterData(), r.getReason(), r.getPrevHash(),
                r.getHash());
    }
}
