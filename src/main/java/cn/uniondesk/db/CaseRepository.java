package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.AID_CASE;
import static cn.uniondesk.db.generated.Tables.CASE_ATTACHMENT;
import static cn.uniondesk.db.generated.Tables.CASE_CAP;
import static cn.uniondesk.db.generated.Tables.CASE_CONFIG;
import static cn.uniondesk.db.generated.Tables.CASE_EVENT;
import static cn.uniondesk.db.generated.Tables.DEPARTMENT;
import static cn.uniondesk.db.generated.Tables.MEMBER;

import cn.uniondesk.db.generated.tables.records.AidCaseRecord;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.cases.AidCase;
import cn.uniondesk.domain.cases.CaseAttachment;
import cn.uniondesk.domain.cases.CaseCap;
import cn.uniondesk.domain.cases.CaseEvent;
import cn.uniondesk.domain.cases.CaseRow;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.domain.cases.LedgerRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Cases, their events and attachments, the yearly caps and the union's workflow definitions. */
public final class CaseRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String WORKFLOWS = "workflows";
    private final Database db;

    public CaseRepository(Database db) {
        this.db = db;
    }

    // --- cases --------------------------------------------------------------------------------

    /** The next case number of {@code year}: {@code BF2026-0001}, gap-free within the transaction. */
    public String nextCaseNo(int year) {
        String prefix = "BF" + year + "-";
        String max = db.dsl().select(DSL.max(AID_CASE.CASE_NO)).from(AID_CASE)
                .where(AID_CASE.CASE_NO.like(prefix + "%")).fetchOne().value1();
        int next = max == null ? 1 : Integer.parseInt(max.substring(prefix.length())) + 1;
        return prefix + String.format("%04d", next);
    }

    public long insert(AidCase c) {
        AidCaseRecord r = db.dsl().newRecord(AID_CASE);
        fill(r, c);
        r.setCaseNo(c.caseNo());
        r.setCaseType(c.type().name());
        r.setWorkflow(c.workflow());
        r.setMemberId(c.memberId());
        r.setRegisteredBy(c.registeredBy());
        r.setRegisteredOn(c.registeredOn());
        r.setRegisteredAt(c.registeredAt());
        r.store();
        return r.getId();
    }

    /**
     * Writes the case's state and fields when it is still in {@code expectedState}; false when
     * someone else moved it meanwhile.
     */
    public boolean update(AidCase c, String expectedState) {
        AidCaseRecord r = db.dsl().fetchOne(AID_CASE, AID_CASE.ID.eq(c.id()).and(AID_CASE.STATE.eq(expectedState)));
        if (r == null) {
            return false;
        }
        fill(r, c);
        return r.update() == 1;
    }

    private static void fill(AidCaseRecord r, AidCase c) {
        r.setState(c.state());
        r.setSummary(c.summary());
        r.setSubkind(c.subkind());
        r.setProgrammePeriod(c.programmePeriod());
        r.setRequestedFen(fen(c.requested()));
        r.setApprovedFen(fen(c.approved()));
        r.setApprovedOn(c.approvedOn());
        r.setPaidFen(fen(c.paid()));
        r.setPaymentMethod(c.paymentMethod());
        r.setPaidOn(c.paidOn());
        r.setPaidBy(c.paidBy());
        r.setOutcome(c.outcome());
        r.setDetails(writeDetails(c.details()));
        r.setUpdatedAt(c.updatedAt());
    }

    private static Long fen(Money m) {
        return m == null ? null : m.fen();
    }

    private static Money money(Long fen) {
        return fen == null ? null : Money.ofFen(fen);
    }

    private static String writeDetails(Map<String, String> d) {
        if (d == null || d.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(new TreeMap<>(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readDetails(String s) {
        if (s == null || s.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(s, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static AidCase toCase(Record r) {
        return new AidCase(r.get(AID_CASE.ID), r.get(AID_CASE.CASE_NO), CaseType.valueOf(r.get(AID_CASE.CASE_TYPE)),
                r.get(AID_CASE.WORKFLOW), r.get(AID_CASE.STATE), r.get(AID_CASE.MEMBER_ID), r.get(AID_CASE.SUMMARY),
                r.get(AID_CASE.SUBKIND), r.get(AID_CASE.PROGRAMME_PERIOD), money(r.get(AID_CASE.REQUESTED_FEN)),
                money(r.get(AID_CASE.APPROVED_FEN)), r.get(AID_CASE.APPROVED_ON), money(r.get(AID_CASE.PAID_FEN)),
                r.get(AID_CASE.PAYMENT_METHOD), r.get(AID_CASE.PAID_ON), r.get(AID_CASE.PAID_BY),
                r.get(AID_CASE.OUTCOME), readDetails(r.get(AID_CASE.DETAILS)), r.get(AID_CASE.REGISTERED_BY),
                r.get(AID_CASE.REGISTERED_ON), r.get(AID_CASE.REGISTERED_AT), r.get(AID_CASE.UPDATED_AT));
    }

    public Optional<AidCase> find(long id) {
        return db.dsl().selectFrom(AID_CASE).where(AID_CASE.ID.eq(id)).fetchOptional(CaseRepository::toCase);
    }

    public Optional<AidCase> findByNo(String caseNo) {
        return db.dsl().selectFrom(AID_CASE).where(AID_CASE.CASE_NO.eq(caseNo)).fetchOptional(CaseRepository::toCase);
    }

    /** Cases with member and department, filtered; every argument may be null. Newest first. */
    public List<CaseRow> list(CaseType type, Collection<String> states, Long departmentId, LocalDate from,
            LocalDate to, Long memberId) {
        Condition c = DSL.noCondition();
        if (type != null) {
            c = c.and(AID_CASE.CASE_TYPE.eq(type.name()));
        }
        if (states != null) {
            c = c.and(AID_CASE.STATE.in(states));
        }
        if (departmentId != null) {
            c = c.and(MEMBER.DEPARTMENT_ID.eq(departmentId));
        }
        if (from != null) {
            c = c.and(AID_CASE.REGISTERED_ON.ge(from));
        }
        if (to != null) {
            c = c.and(AID_CASE.REGISTERED_ON.le(to));
        }
        if (memberId != null) {
            c = c.and(AID_CASE.MEMBER_ID.eq(memberId));
        }
        return db.dsl().select(AID_CASE.fields()).select(MEMBER.NAME, MEMBER.CARD_NO, MEMBER.DEPARTMENT_ID,
                DEPARTMENT.NAME).from(AID_CASE).join(MEMBER).on(MEMBER.ID.eq(AID_CASE.MEMBER_ID))
                .leftJoin(DEPARTMENT).on(DEPARTMENT.ID.eq(MEMBER.DEPARTMENT_ID))
                .where(c).orderBy(AID_CASE.REGISTERED_AT.desc(), AID_CASE.ID.desc())
                .fetch(r -> new CaseRow(toCase(r), r.get(MEMBER.NAME), r.get(MEMBER.CARD_NO),
                        r.get(MEMBER.DEPARTMENT_ID), r.get(DEPARTMENT.NAME)));
    }

    /**
     * What a member was approved (or paid, where paid) for cases of {@code type} approved in
     * {@code year}, leaving out {@code excludeCaseId}.
     */
    public long approvedInYear(long memberId, CaseType type, int year, long excludeCaseId) {
        Long sum = db.dsl().select(DSL.sum(DSL.coalesce(AID_CASE.PAID_FEN, AID_CASE.APPROVED_FEN)))
                .from(AID_CASE).where(AID_CASE.MEMBER_ID.eq(memberId)).and(AID_CASE.CASE_TYPE.eq(type.name()))
                .and(AID_CASE.APPROVED_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .and(AID_CASE.ID.ne(excludeCaseId))
                .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    /** Other cases of {@code type} of these members that are not in {@code leaveOutStates}. */
    public List<AidCase> casesOf(Collection<Long> memberIds, CaseType type, Collection<String> leaveOutStates,
            long excludeCaseId) {
        return db.dsl().selectFrom(AID_CASE).where(AID_CASE.MEMBER_ID.in(memberIds))
                .and(AID_CASE.CASE_TYPE.eq(type.name())).and(AID_CASE.STATE.notIn(leaveOutStates))
                .and(AID_CASE.ID.ne(excludeCaseId)).orderBy(AID_CASE.ID).fetch(CaseRepository::toCase);
    }

    /** The distinct (workflow, state) pairs cases are in. */
    public List<Map.Entry<String, String>> statesInUse() {
        return db.dsl().selectDistinct(AID_CASE.WORKFLOW, AID_CASE.STATE).from(AID_CASE)
                .fetch(r -> Map.entry(r.value1(), r.value2()));
    }

    /** Cases paid between {@code from} and {@code to} (inclusive), by date paid, then number. */
    public List<LedgerRow> ledger(LocalDate from, LocalDate to) {
        return db.dsl().select(AID_CASE.fields()).select(MEMBER.NAME, MEMBER.CARD_NO, DEPARTMENT.NAME)
                .from(AID_CASE).join(MEMBER).on(MEMBER.ID.eq(AID_CASE.MEMBER_ID))
                .leftJoin(DEPARTMENT).on(DEPARTMENT.ID.eq(MEMBER.DEPARTMENT_ID))
                .where(AID_CASE.PAID_ON.between(from, to))
                .orderBy(AID_CASE.PAID_ON, AID_CASE.CASE_NO)
                .fetch(r -> new LedgerRow(r.get(AID_CASE.ID), r.get(AID_CASE.CASE_NO),
                        CaseType.valueOf(r.get(AID_CASE.CASE_TYPE)), r.get(AID_CASE.SUBKIND), r.get(MEMBER.NAME),
                        r.get(MEMBER.CARD_NO), r.get(DEPARTMENT.NAME), money(r.get(AID_CASE.APPROVED_FEN)),
                        money(r.get(AID_CASE.PAID_FEN)), r.get(AID_CASE.PAID_ON), r.get(AID_CASE.PAYMENT_METHOD),
                        r.get(AID_CASE.REGISTERED_BY), r.get(AID_CASE.PAID_BY)));
    }

    public int count() {
        return db.dsl().fetchCount(AID_CASE);
    }

    // --- events -------------------------------------------------------------------------------

    public void insertEvent(CaseEvent e) {
        db.dsl().insertInto(CASE_EVENT)
                .set(CASE_EVENT.CASE_ID, e.caseId())
                .set(CASE_EVENT.ACTION, e.action())
                .set(CASE_EVENT.FROM_STATE, e.fromState())
                .set(CASE_EVENT.TO_STATE, e.toState())
                .set(CASE_EVENT.OPERATOR, e.operator())
                .set(CASE_EVENT.ROLE, e.role())
                .set(CASE_EVENT.AT, e.at())
                .set(CASE_EVENT.COMMENT, e.comment())
                .set(CASE_EVENT.CHANGES, e.changes())
                .execute();
    }

    public List<CaseEvent> events(long caseId) {
        return db.dsl().selectFrom(CASE_EVENT).where(CASE_EVENT.CASE_ID.eq(caseId)).orderBy(CASE_EVENT.ID)
                .fetch(r -> new CaseEvent(r.getId(), r.getCaseId(), r.getAction(), r.getFromState(), r.getToState(),
                        r.getOperator(), r.getRole(), r.getAt(), r.getComment(), r.getChanges()));
    }

    // --- attachments --------------------------------------------------------------------------

    public long insertAttachment(long caseId, String name, long size, String sha256, boolean encrypted, String by,
            LocalDateTime at) {
        return db.dsl().insertInto(CASE_ATTACHMENT)
                .set(CASE_ATTACHMENT.CASE_ID, caseId)
                .set(CASE_ATTACHMENT.NAME, name)
                .set(CASE_ATTACHMENT.SIZE_BYTES, size)
                .set(CASE_ATTACHMENT.SHA256, sha256)
                .set(CASE_ATTACHMENT.ENCRYPTED, encrypted)
                .set(CASE_ATTACHMENT.ADDED_BY, by)
                .set(CASE_ATTACHMENT.ADDED_AT, at)
                .returningResult(CASE_ATTACHMENT.ID).fetchOne().value1();
    }

    public List<CaseAttachment> attachments(long caseId) {
        return db.dsl().selectFrom(CASE_ATTACHMENT).where(CASE_ATTACHMENT.CASE_ID.eq(caseId))
                .orderBy(CASE_ATTACHMENT.ID).fetch(r -> new CaseAttachment(r.getId(), r.getCaseId(), r.getName(),
                        r.getSizeBytes(), r.getSha256(), r.getEncrypted(), r.getAddedBy(), r.getAddedAt()));
    }

    public Optional<CaseAttachment> attachment(long id) {
        return db.dsl().selectFrom(CASE_ATTACHMENT).where(CASE_ATTACHMENT.ID.eq(id))
                .fetchOptional(r -> new CaseAttachment(r.getId(), r.getCaseId(), r.getName(), r.getSizeBytes(),
                        r.getSha256(), r.getEncrypted(), r.getAddedBy(), r.getAddedAt()));
    }

    // --- caps and definitions ----------------------------------------------------------------

    public List<CaseCap> caps() {
        return db.dsl().selectFrom(CASE_CAP).orderBy(CASE_CAP.CASE_TYPE).fetch(r -> new CaseCap(
                CaseType.valueOf(r.getCaseType()), Money.ofFen(r.getYearlyLimitFen()),
                CaseCap.Mode.valueOf(r.getMode())));
    }

    public Optional<CaseCap> cap(CaseType type) {
        return caps().stream().filter(c -> c.type() == type).findFirst();
    }

    public void saveCap(CaseCap cap, String by, LocalDateTime at) {
        db.dsl().mergeInto(CASE_CAP)
                .using(DSL.selectOne()).on(CASE_CAP.CASE_TYPE.eq(cap.type().name()))
                .whenMatchedThenUpdate()
                .set(CASE_CAP.YEARLY_LIMIT_FEN, cap.yearlyLimit().fen())
                .set(CASE_CAP.MODE, cap.mode().name())
                .set(CASE_CAP.UPDATED_AT, at)
                .set(CASE_CAP.UPDATED_BY, by)
                .whenNotMatchedThenInsert(CASE_CAP.CASE_TYPE, CASE_CAP.YEARLY_LIMIT_FEN, CASE_CAP.MODE,
                        CASE_CAP.UPDATED_AT, CASE_CAP.UPDATED_BY)
                .values(cap.type().name(), cap.yearlyLimit().fen(), cap.mode().name(), at, by)
                .execute();
    }

    public void removeCap(CaseType type) {
        db.dsl().deleteFrom(CASE_CAP).where(CASE_CAP.CASE_TYPE.eq(type.name())).execute();
    }

    public Optional<String> config(String name) {
        return db.dsl().select(CASE_CONFIG.BODY).from(CASE_CONFIG).where(CASE_CONFIG.NAME.eq(name))
                .fetchOptional(r -> r.value1());
    }

    public void saveConfig(String name, String body, String by, LocalDateTime at) {
        db.dsl().mergeInto(CASE_CONFIG)
                .using(DSL.selectOne()).on(CASE_CONFIG.NAME.eq(name))
                .whenMatchedThenUpdate()
                .set(CASE_CONFIG.BODY, body)
                .set(CASE_CONFIG.UPDATED_AT, at)
                .set(CASE_CONFIG.UPDATED_BY, by)
                .whenNotMatchedThenInsert(CASE_CONFIG.NAME, CASE_CONFIG.BODY, CASE_CONFIG.UPDATED_AT,
                        CASE_CONFIG.UPDATED_BY)
                .values(name, body, at, by)
                .execute();
    }

    public void removeConfig(String name) {
        db.dsl().deleteFrom(CASE_CONFIG).where(CASE_CONFIG.NAME.eq(name)).execute();
    }
}
