package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.DEPARTMENT;
import static cn.uniondesk.db.generated.Tables.MEMBER;
import static cn.uniondesk.db.generated.Tables.MEMBER_EVENT;

import cn.uniondesk.db.generated.tables.records.MemberEventRecord;
import cn.uniondesk.db.generated.tables.records.MemberRecord;
import cn.uniondesk.domain.Gender;
import cn.uniondesk.domain.HouseholdType;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.PinyinNames;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Record;

/** The member register and each member's event history. Members are never deleted. */
public final class MemberRepository {
    private final Database db;
    private final RunningFigures figures;

    public MemberRepository(Database db) {
        this.db = db;
        this.figures = new RunningFigures(db);
    }

    public long insert(Member m) {
        MemberRecord r = db.dsl().newRecord(MEMBER);
        fill(r, m);
        r.setCreatedAt(LocalDateTime.now());
        r.store();
        figures.membersAdded(List.of(r.getId()), List.of(m.joinDate()), List.of(m.status()));
        return r.getId();
    }

    /** Inserts many members with JDBC batching; returns their ids in order. */
    public List<Long> insertAll(List<Member> members) {
        List<Long> ids = new ArrayList<>(members.size());
        for (Member m : members) {
            ids.add(insert(m));
        }
        return ids;
    }

    private static final String INSERT_MEMBER = "INSERT INTO MEMBER (NAME, NAME_PINYIN, NAME_INITIALS, GENDER, "
            + "ETHNICITY, ID_NUMBER, BIRTH_DATE, MOBILE, EDUCATION, POLITICAL_STATUS, DEPARTMENT_ID, JOB, "
            + "EMPLOYMENT_TYPE, MIGRANT_WORKER, HOUSEHOLD_TYPE, JOIN_DATE, CARD_NO, MONTHLY_WAGE_FEN, STATUS, HARDSHIP, "
            + "HARDSHIP_LEVEL, NOTES, CREATED_AT, UPDATED_AT) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_EVENT = "INSERT INTO MEMBER_EVENT (MEMBER_ID, EVENT_TYPE, EVENT_DATE, REASON, "
            + "REFERENCE_NO, COUNTERPART_UNION, STATUS_BEFORE, STATUS_AFTER, OPERATOR, RECORDED_AT, DETAILS) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?)";

    /**
     * Inserts members with one JDBC batch (a plain prepared statement: bulk import is the one
     * place where jOOQ's per-record rendering showed in the profile) and returns their ids in
     * order. Joins the caller's transaction.
     */
    public List<Long> insertBatch(List<Member> members) {
        if (members.isEmpty()) {
            return List.of();
        }
        LocalDateTime now = LocalDateTime.now();
        Map<String, PinyinNames.Keys> pinyin = new java.util.HashMap<>();
        return db.dsl().connectionResult(c -> {
            List<Long> out = new ArrayList<>(members.size());
            try (java.sql.PreparedStatement ps = c.prepareStatement(INSERT_MEMBER, new String[] {"ID"})) {
                for (Member m : members) {
                    PinyinNames.Keys keys = pinyin.computeIfAbsent(m.name(), PinyinNames::of);
                    int i = 1;
                    ps.setString(i++, m.name());
                    ps.setString(i++, keys.fullJoined());
                    ps.setString(i++, keys.initialsJoined());
                    ps.setString(i++, m.gender().name());
                    ps.setString(i++, m.ethnicity());
                    ps.setString(i++, m.idNumber().value());
                    ps.setObject(i++, m.idNumber().birthDate());
                    ps.setString(i++, m.mobile());
                    ps.setString(i++, m.education());
                    ps.setString(i++, m.politicalStatus());
                    ps.setObject(i++, m.departmentId(), java.sql.Types.BIGINT);
                    ps.setString(i++, m.job());
                    ps.setString(i++, m.employmentType());
                    ps.setBoolean(i++, m.migrantWorker());
                    ps.setString(i++, m.householdType() == null ? null : m.householdType().name());
                    ps.setObject(i++, m.joinDate());
                    ps.setString(i++, m.cardNo());
                    ps.setObject(i++, m.monthlyWageFen(), java.sql.Types.BIGINT);
                    ps.setString(i++, m.status().name());
                    ps.setBoolean(i++, m.hardship());
                    ps.setString(i++, m.hardshipLevel());
                    ps.setString(i++, m.notes());
                    ps.setObject(i++, now);
                    ps.setObject(i++, now);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        out.add(keys.getLong(1));
                    }
                }
            }
            if (out.size() != members.size()) {
                // the driver did not hand back every key: look them up by the unique ID number
                List<String> idNumbers = members.stream().map(m -> m.idNumber().value()).toList();
                Map<String, Long> ids = db.dsl().select(MEMBER.ID_NUMBER, MEMBER.ID).from(MEMBER)
                        .where(MEMBER.ID_NUMBER.in(idNumbers)).fetchMap(MEMBER.ID_NUMBER, MEMBER.ID);
                out.clear();
                idNumbers.forEach(n -> out.add(ids.get(n)));
            }
            figures.membersAdded(out, members.stream().map(Member::joinDate).toList(),
                    members.stream().map(Member::status).toList());
            return out;
        });
    }

    /** Inserts events with one JDBC batch. */
    public void insertEvents(List<MemberEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        figures.eventsAdding(events);
        db.dsl().connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
                for (MemberEvent e : events) {
                    int i = 1;
                    ps.setLong(i++, e.memberId());
                    ps.setString(i++, e.type().name());
                    ps.setObject(i++, e.eventDate());
                    ps.setString(i++, e.reason());
                    ps.setString(i++, e.referenceNo());
                    ps.setString(i++, e.counterpartUnion());
                    ps.setString(i++, e.statusBefore() == null ? null : e.statusBefore().name());
                    ps.setString(i++, e.statusAfter().name());
                    ps.setString(i++, e.operator());
                    ps.setObject(i++, LocalDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
                    ps.setString(i++, e.details());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** All stored card numbers with their member id, for duplicate checks. */
    public Map<String, Long> cardNumbers() {
        return db.dsl().select(MEMBER.CARD_NO, MEMBER.ID).from(MEMBER).where(MEMBER.CARD_NO.isNotNull())
                .fetchMap(MEMBER.CARD_NO, MEMBER.ID);
    }

    /** Streams every member with all fields, ordered by id (roster export). */
    public void forEachMember(Consumer<Member> sink) {
        // streamed with lazy execution: the whole register is never copied into a temporary result first
        db.lazily(dsl -> {
            try (var cursor = dsl.selectFrom(MEMBER).orderBy(MEMBER.ID).fetchSize(2000).fetchLazy()) {
                for (MemberRecord r : cursor) {
                    sink.accept(toMember(r));
                }
            }
        });
    }

    public void update(Member m) {
        MemberRecord r = db.dsl().fetchSingle(MEMBER, MEMBER.ID.eq(m.id()));
        Long oldDepartment = r.getDepartmentId();
        fill(r, m);
        r.store();
        figures.departmentChanged(m.id(), oldDepartment, m.departmentId());
        figures.registerChanged(m.id(), m.joinDate(), m.status());
    }

    public void updateStatus(long id, MemberStatus status) {
        db.dsl().update(MEMBER)
                .set(MEMBER.STATUS, status.name())
                .set(MEMBER.UPDATED_AT, LocalDateTime.now())
                .where(MEMBER.ID.eq(id))
                .execute();
        db.dsl().select(MEMBER.JOIN_DATE).from(MEMBER).where(MEMBER.ID.eq(id)).fetchOptional(MEMBER.JOIN_DATE)
                .ifPresent(join -> figures.registerChanged(id, join, status));
    }

    private static void fill(MemberRecord r, Member m) {
        PinyinNames.Keys keys = PinyinNames.of(m.name());
        r.setName(m.name());
        r.setNamePinyin(keys.fullJoined());
        r.setNameInitials(keys.initialsJoined());
        r.setGender(m.gender().name());
        r.setEthnicity(m.ethnicity());
        r.setIdNumber(m.idNumber().value());
        r.setBirthDate(m.idNumber().birthDate());
        r.setMobile(m.mobile());
        r.setEducation(m.education());
        r.setPoliticalStatus(m.politicalStatus());
        r.setDepartmentId(m.departmentId());
        r.setJob(m.job());
        r.setEmploymentType(m.employmentType());
        r.setMigrantWorker(m.migrantWorker());
        r.setHouseholdType(m.householdType() == null ? null : m.householdType().name());
        r.setJoinDate(m.joinDate());
        r.setCardNo(m.cardNo());
        r.setMonthlyWageFen(m.monthlyWageFen());
        r.setStatus(m.status().name());
        r.setHardship(m.hardship());
        r.setHardshipLevel(m.hardshipLevel());
        r.setNotes(m.notes());
        r.setUpdatedAt(LocalDateTime.now());
    }

    public Optional<Member> findById(long id) {
        return db.dsl().selectFrom(MEMBER).where(MEMBER.ID.eq(id)).fetchOptional(MemberRepository::toMember);
    }

    public Optional<Member> findByIdNumber(String idNumber) {
        return db.dsl().selectFrom(MEMBER).where(MEMBER.ID_NUMBER.eq(idNumber))
                .fetchOptional(MemberRepository::toMember);
    }

    public Optional<Member> findByCardNo(String cardNo) {
        return db.dsl().selectFrom(MEMBER).where(MEMBER.CARD_NO.eq(cardNo)).fetchOptional(MemberRepository::toMember);
    }

    /** All stored ID numbers with their member id, for duplicate checks. */
    public Map<String, Long> idNumbers() {
        return db.dsl().select(MEMBER.ID_NUMBER, MEMBER.ID).from(MEMBER).fetchMap(MEMBER.ID_NUMBER, MEMBER.ID);
    }

    public int count() {
        return db.dsl().fetchCount(MEMBER);
    }

    public int countByStatus(MemberStatus status) {
        return db.dsl().fetchCount(MEMBER, MEMBER.STATUS.eq(status.name()));
    }

    /** Streams every member as a list row, ordered by id, without holding the result set in memory twice. */
    public void forEachRow(Consumer<MemberRow> sink) {
        try (var cursor = db.dsl()
                .select(MEMBER.ID, MEMBER.NAME, MEMBER.NAME_PINYIN, MEMBER.NAME_INITIALS, MEMBER.GENDER,
                        MEMBER.ID_NUMBER, MEMBER.MOBILE, MEMBER.CARD_NO, MEMBER.DEPARTMENT_ID, DEPARTMENT.NAME,
                        MEMBER.STATUS, MEMBER.JOIN_DATE, MEMBER.MIGRANT_WORKER, MEMBER.HARDSHIP)
                .from(MEMBER)
                .leftJoin(DEPARTMENT).on(DEPARTMENT.ID.eq(MEMBER.DEPARTMENT_ID))
                .orderBy(MEMBER.ID)
                .fetchSize(2000)
                .fetchLazy()) {
            for (Record r : cursor) {
                sink.accept(toRow(r));
            }
        }
    }

    public Optional<MemberRow> findRow(long id) {
        return db.dsl()
                .select(MEMBER.ID, MEMBER.NAME, MEMBER.NAME_PINYIN, MEMBER.NAME_INITIALS, MEMBER.GENDER,
                        MEMBER.ID_NUMBER, MEMBER.MOBILE, MEMBER.CARD_NO, MEMBER.DEPARTMENT_ID, DEPARTMENT.NAME,
                        MEMBER.STATUS, MEMBER.JOIN_DATE, MEMBER.MIGRANT_WORKER, MEMBER.HARDSHIP)
                .from(MEMBER)
                .leftJoin(DEPARTMENT).on(DEPARTMENT.ID.eq(MEMBER.DEPARTMENT_ID))
                .where(MEMBER.ID.eq(id))
                .fetchOptional(MemberRepository::toRow);
    }

    private static MemberRow toRow(Record r) {
        return new MemberRow(r.get(MEMBER.ID), r.get(MEMBER.NAME), r.get(MEMBER.NAME_PINYIN),
                r.get(MEMBER.NAME_INITIALS), Gender.valueOf(r.get(MEMBER.GENDER)), r.get(MEMBER.ID_NUMBER),
                r.get(MEMBER.MOBILE), r.get(MEMBER.CARD_NO), r.get(MEMBER.DEPARTMENT_ID), r.get(DEPARTMENT.NAME),
                MemberStatus.valueOf(r.get(MEMBER.STATUS)), r.get(MEMBER.JOIN_DATE), r.get(MEMBER.MIGRANT_WORKER),
                r.get(MEMBER.HARDSHIP));
    }

    private static Member toMember(MemberRecord r) {
        // Stored numbers were validated on the way in; re-parsing with "today" far ahead never fails on dates.
        IdNumber id = IdNumber.parse(r.getIdNumber(), java.time.LocalDate.MAX.minusDays(1),
                cn.uniondesk.domain.Regions.standard());
        return new Member(r.getId(), r.getName(), Gender.valueOf(r.getGender()), r.getEthnicity(), id, r.getMobile(),
                r.getEducation(), r.getPoliticalStatus(), r.getDepartmentId(), r.getJob(), r.getEmploymentType(),
                r.getMigrantWorker(), r.getHouseholdType() == null ? null : HouseholdType.valueOf(r.getHouseholdType()),
                r.getJoinDate(), r.getCardNo(), r.getMonthlyWageFen(), MemberStatus.valueOf(r.getStatus()),
                r.getHardship(), r.getHardshipLevel(), r.getNotes());
    }

    // --- events -----------------------------------------------------------------------------

    public long insertEvent(MemberEvent e) {
        figures.eventsAdding(List.of(e));
        MemberEventRecord r = eventRecord(e);
        r.store();
        return r.getId();
    }

    private MemberEventRecord eventRecord(MemberEvent e) {
        MemberEventRecord r = db.dsl().newRecord(MEMBER_EVENT);
        r.setMemberId(e.memberId());
        r.setEventType(e.type().name());
        r.setEventDate(e.eventDate());
        r.setReason(e.reason());
        r.setReferenceNo(e.referenceNo());
        r.setCounterpartUnion(e.counterpartUnion());
        r.setStatusBefore(e.statusBefore() == null ? null : e.statusBefore().name());
        r.setStatusAfter(e.statusAfter().name());
        r.setOperator(e.operator());
        r.setRecordedAt(LocalDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
        r.setDetails(e.details());
        return r;
    }

    /** A member's history, oldest first. */
    public List<MemberEvent> events(long memberId) {
        return db.dsl().selectFrom(MEMBER_EVENT).where(MEMBER_EVENT.MEMBER_ID.eq(memberId))
                .orderBy(MEMBER_EVENT.ID)
                .fetch(r -> new MemberEvent(r.getId(), r.getMemberId(), MemberEventType.valueOf(r.getEventType()),
                        r.getEventDate(), r.getReason(), r.getReferenceNo(), r.getCounterpartUnion(),
                        r.getStatusBefore() == null ? null : MemberStatus.valueOf(r.getStatusBefore()),
                        MemberStatus.valueOf(r.getStatusAfter()), r.getOperator(),
                        r.getRecordedAt().toInstant(ZoneOffset.UTC), r.getDetails()));
    }

    public int countEvents() {
        return db.dsl().fetchCount(MEMBER_EVENT);
    }

    /** A member as the dues report lists them: card number, name, department id. */
    public record DuesListing(long id, String cardNo, String name, Long departmentId) {
    }

    /** Every member's card number, name and department id, by id (no pinyin, ID number or join). */
    public void forEachDuesListing(Consumer<DuesListing> sink) {
        try (var cursor = db.dsl().select(MEMBER.ID, MEMBER.CARD_NO, MEMBER.NAME, MEMBER.DEPARTMENT_ID).from(MEMBER)
                .orderBy(MEMBER.ID).fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                sink.accept(new DuesListing(r.value1(), r.value2(), r.value3(), r.value4()));
            }
        }
    }

    /** Department names by id. */
    public Map<Long, String> departmentNames() {
        return db.dsl().select(DEPARTMENT.ID, DEPARTMENT.NAME).from(DEPARTMENT).fetchMap(DEPARTMENT.ID, DEPARTMENT.NAME);
    }

    /**
     * Every member's department id (null: none), read from the department index alone (a member
     * row is wide; the index holds just the two columns).
     */
    public Map<Long, Long> departmentIds() {
        return departmentIds(db);
    }

    static Map<Long, Long> departmentIds(Database db) {
        Map<Long, Long> out = new java.util.HashMap<>();
        try (var cursor = db.dsl().resultQuery("SELECT ID, DEPARTMENT_ID FROM MEMBER USE INDEX (MEMBER_DEPARTMENT_IDX)")
                .fetchSize(5000).fetchLazy()) {
            for (Record r : cursor) {
                Object d = r.get(1);
                out.put(((Number) r.get(0)).longValue(), d == null ? null : ((Number) d).longValue());
            }
        }
        return out;
    }
}
