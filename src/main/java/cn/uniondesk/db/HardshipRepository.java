package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.HARDSHIP_EVENT;
import static cn.uniondesk.db.generated.Tables.HARDSHIP_FILE;
import static cn.uniondesk.db.generated.Tables.HARDSHIP_HOUSEHOLD_MEMBER;
import static cn.uniondesk.db.generated.Tables.LOW_INCOME_LINE;
import static cn.uniondesk.db.generated.Tables.MEMBER;

import cn.uniondesk.db.generated.tables.records.HardshipFileRecord;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.cases.HardshipDraft;
import cn.uniondesk.domain.cases.HardshipEnums;
import cn.uniondesk.domain.cases.HardshipFile;
import cn.uniondesk.domain.cases.HouseholdMember;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Hardship files, their household members and history, and the 低保 lines. */
public final class HardshipRepository {
    private final Database db;

    public HardshipRepository(Database db) {
        this.db = db;
    }

    /** A history row of a hardship file. */
    public record Event(long id, long fileId, String action, String changes, String comment, String operator,
            LocalDateTime at) {
    }

    /** A 低保 line: monthly per person, for a city and year. */
    public record LowIncomeLine(String city, int year, Money monthly) {
    }

    public long insert(HardshipDraft d, String enteredBy, LocalDate nextReviewDue, LocalDateTime at) {
        HardshipFileRecord r = db.dsl().newRecord(HARDSHIP_FILE);
        r.setMemberId(d.memberId());
        fill(r, d);
        r.setEnteredBy(enteredBy);
        r.setNextReviewDue(nextReviewDue);
        r.setActive(true);
        r.setCreatedAt(at);
        r.setUpdatedAt(at);
        r.store();
        insertHousehold(r.getId(), d.household());
        return r.getId();
    }

    public void update(long fileId, HardshipDraft d, LocalDateTime at) {
        HardshipFileRecord r = db.dsl().fetchOne(HARDSHIP_FILE, HARDSHIP_FILE.ID.eq(fileId));
        fill(r, d);
        r.setUpdatedAt(at);
        r.update();
        db.dsl().deleteFrom(HARDSHIP_HOUSEHOLD_MEMBER).where(HARDSHIP_HOUSEHOLD_MEMBER.FILE_ID.eq(fileId)).execute();
        insertHousehold(fileId, d.household());
    }

    public void markReviewed(long fileId, String by, LocalDate on, LocalDate nextDue, LocalDateTime at) {
        db.dsl().update(HARDSHIP_FILE).set(HARDSHIP_FILE.REVIEWED_BY, by).set(HARDSHIP_FILE.REVIEWED_ON, on)
                .set(HARDSHIP_FILE.NEXT_REVIEW_DUE, nextDue).set(HARDSHIP_FILE.UPDATED_AT, at)
                .where(HARDSHIP_FILE.ID.eq(fileId)).execute();
    }

    public void setActive(long fileId, boolean active, LocalDateTime at) {
        db.dsl().update(HARDSHIP_FILE).set(HARDSHIP_FILE.ACTIVE, active).set(HARDSHIP_FILE.UPDATED_AT, at)
                .where(HARDSHIP_FILE.ID.eq(fileId)).execute();
    }

    private static void fill(HardshipFileRecord r, HardshipDraft d) {
        r.setCategory(d.category().name());
        r.setHealth(d.health().name());
        r.setDisability(d.disability());
        r.setWorkStatus(d.workStatus().name());
        r.setHousing(d.housing().name());
        r.setCity(d.city());
        r.setMemberIncomeFen(d.memberIncome().fen());
        r.setMainCause(d.mainCause().name());
        r.setSecondaryCauses(d.secondaryCauses().isEmpty() ? null
                : d.secondaryCauses().stream().map(Enum::name).collect(Collectors.joining(",")));
        r.setBankName(d.bankName());
        r.setBankAccount(d.bankAccount());
        r.setAccountHolder(d.accountHolder());
        r.setFiledBy(d.filedBy());
        r.setFiledOn(d.filedOn());
        r.setNotes(d.notes());
    }

    private void insertHousehold(long fileId, List<HouseholdMember> household) {
        int seq = 0;
        for (HouseholdMember h : household) {
            db.dsl().insertInto(HARDSHIP_HOUSEHOLD_MEMBER)
                    .set(HARDSHIP_HOUSEHOLD_MEMBER.FILE_ID, fileId)
                    .set(HARDSHIP_HOUSEHOLD_MEMBER.SEQ, ++seq)
                    .set(HARDSHIP_HOUSEHOLD_MEMBER.NAME, h.name())
                    .set(HARDSHIP_HOUSEHOLD_MEMBER.RELATION, h.relation())
                    .set(HARDSHIP_HOUSEHOLD_MEMBER.ID_NUMBER, h.idNumber())
                    .set(HARDSHIP_HOUSEHOLD_MEMBER.HEALTH, h.health().name())
                    .set(HARDSHIP_HOUSEHOLD_MEMBER.MONTHLY_INCOME_FEN, h.monthlyIncome().fen())
                    .set(HARDSHIP_HOUSEHOLD_MEMBER.OCCUPATION, h.occupation())
                    .execute();
        }
    }

    private List<HouseholdMember> household(long fileId) {
        return db.dsl().selectFrom(HARDSHIP_HOUSEHOLD_MEMBER).where(HARDSHIP_HOUSEHOLD_MEMBER.FILE_ID.eq(fileId))
                .orderBy(HARDSHIP_HOUSEHOLD_MEMBER.SEQ)
                .fetch(r -> new HouseholdMember(r.getName(), r.getRelation(), r.getIdNumber(),
                        HardshipEnums.Health.valueOf(r.getHealth()), Money.ofFen(r.getMonthlyIncomeFen()),
                        r.getOccupation()));
    }

    private HardshipFile toFile(HardshipFileRecord r) {
        List<HardshipEnums.Cause> secondary = r.getSecondaryCauses() == null ? List.of()
                : Arrays.stream(r.getSecondaryCauses().split(",")).map(HardshipEnums.Cause::valueOf).toList();
        HardshipDraft d = new HardshipDraft(r.getMemberId(), HardshipEnums.Category.valueOf(r.getCategory()),
                HardshipEnums.Health.valueOf(r.getHealth()), r.getDisability(),
                HardshipEnums.WorkStatus.valueOf(r.getWorkStatus()), HardshipEnums.Housing.valueOf(r.getHousing()),
                r.getCity(), Money.ofFen(r.getMemberIncomeFen()), HardshipEnums.Cause.valueOf(r.getMainCause()),
                secondary, r.getBankName(), r.getBankAccount(), r.getAccountHolder(), r.getFiledBy(), r.getFiledOn(),
                r.getNotes(), household(r.getId()));
        return new HardshipFile(r.getId(), r.getMemberId(), d, r.getEnteredBy(), r.getReviewedBy(),
                r.getReviewedOn(), r.getNextReviewDue(), r.getActive());
    }

    public Optional<HardshipFile> find(long fileId) {
        return Optional.ofNullable(db.dsl().fetchOne(HARDSHIP_FILE, HARDSHIP_FILE.ID.eq(fileId))).map(this::toFile);
    }

    public Optional<HardshipFile> findByMember(long memberId) {
        return Optional.ofNullable(db.dsl().fetchOne(HARDSHIP_FILE, HARDSHIP_FILE.MEMBER_ID.eq(memberId)))
                .map(this::toFile);
    }

    /** Files, active only unless {@code all}; ordered by id. */
    public List<HardshipFile> list(boolean all) {
        return db.dsl().selectFrom(HARDSHIP_FILE).where(all ? HARDSHIP_FILE.ID.isNotNull()
                : HARDSHIP_FILE.ACTIVE.isTrue()).orderBy(HARDSHIP_FILE.ID).fetch().map(this::toFile);
    }

    /** Active files whose yearly review is due on or before {@code day}. */
    public List<HardshipFile> dueForReview(LocalDate day) {
        return db.dsl().selectFrom(HARDSHIP_FILE).where(HARDSHIP_FILE.ACTIVE.isTrue())
                .and(HARDSHIP_FILE.NEXT_REVIEW_DUE.le(day)).orderBy(HARDSHIP_FILE.NEXT_REVIEW_DUE)
                .fetch().map(this::toFile);
    }

    /**
     * The member ids of one household: the member, members whose ID number the member's file lists,
     * and members whose file lists the member's ID number.
     */
    public Set<Long> householdOf(long memberId) {
        Set<Long> out = new HashSet<>();
        out.add(memberId);
        out.addAll(db.dsl().select(MEMBER.ID).from(MEMBER).join(HARDSHIP_HOUSEHOLD_MEMBER)
                .on(HARDSHIP_HOUSEHOLD_MEMBER.ID_NUMBER.eq(MEMBER.ID_NUMBER))
                .join(HARDSHIP_FILE).on(HARDSHIP_FILE.ID.eq(HARDSHIP_HOUSEHOLD_MEMBER.FILE_ID))
                .where(HARDSHIP_FILE.MEMBER_ID.eq(memberId)).fetch(r -> r.value1()));
        String idNumber = db.dsl().select(MEMBER.ID_NUMBER).from(MEMBER).where(MEMBER.ID.eq(memberId))
                .fetchOne(r -> r.value1());
        if (idNumber != null) {
            out.addAll(db.dsl().select(HARDSHIP_FILE.MEMBER_ID).from(HARDSHIP_FILE).join(HARDSHIP_HOUSEHOLD_MEMBER)
                    .on(HARDSHIP_HOUSEHOLD_MEMBER.FILE_ID.eq(HARDSHIP_FILE.ID))
                    .where(HARDSHIP_HOUSEHOLD_MEMBER.ID_NUMBER.eq(idNumber)).fetch(r -> r.value1()));
        }
        return out;
    }

    // --- history ------------------------------------------------------------------------------

    public void insertEvent(long fileId, String action, String changes, String comment, String operator,
            LocalDateTime at) {
        db.dsl().insertInto(HARDSHIP_EVENT)
                .set(HARDSHIP_EVENT.FILE_ID, fileId)
                .set(HARDSHIP_EVENT.ACTION, action)
                .set(HARDSHIP_EVENT.CHANGES, changes)
                .set(HARDSHIP_EVENT.COMMENT, comment)
                .set(HARDSHIP_EVENT.OPERATOR, operator)
                .set(HARDSHIP_EVENT.AT, at)
                .execute();
    }

    public List<Event> events(long fileId) {
        return db.dsl().selectFrom(HARDSHIP_EVENT).where(HARDSHIP_EVENT.FILE_ID.eq(fileId))
                .orderBy(HARDSHIP_EVENT.ID).fetch(r -> new Event(r.getId(), r.getFileId(), r.getAction(),
                        r.getChanges(), r.getComment(), r.getOperator(), r.getAt()));
    }

    // --- 低保 lines ---------------------------------------------------------------------------

    public Optional<Money> lowIncomeLine(String city, int year) {
        return db.dsl().select(LOW_INCOME_LINE.MONTHLY_FEN).from(LOW_INCOME_LINE)
                .where(LOW_INCOME_LINE.CITY.eq(city)).and(LOW_INCOME_LINE.LINE_YEAR.eq(year))
                .fetchOptional(r -> Money.ofFen(r.value1()));
    }

    public List<LowIncomeLine> lowIncomeLines() {
        List<LowIncomeLine> out = new ArrayList<>();
        db.dsl().selectFrom(LOW_INCOME_LINE).orderBy(LOW_INCOME_LINE.CITY, LOW_INCOME_LINE.LINE_YEAR)
                .forEach(r -> out.add(new LowIncomeLine(r.getCity(), r.getLineYear(), Money.ofFen(r.getMonthlyFen()))));
        return out;
    }

    public void saveLowIncomeLine(String city, int year, long monthlyFen, String by, LocalDateTime at) {
        db.dsl().mergeInto(LOW_INCOME_LINE)
                .using(org.jooq.impl.DSL.selectOne())
                .on(LOW_INCOME_LINE.CITY.eq(city).and(LOW_INCOME_LINE.LINE_YEAR.eq(year)))
                .whenMatchedThenUpdate()
                .set(LOW_INCOME_LINE.MONTHLY_FEN, monthlyFen)
                .set(LOW_INCOME_LINE.UPDATED_AT, at)
                .set(LOW_INCOME_LINE.UPDATED_BY, by)
                .whenNotMatchedThenInsert(LOW_INCOME_LINE.CITY, LOW_INCOME_LINE.LINE_YEAR, LOW_INCOME_LINE.MONTHLY_FEN,
                        LOW_INCOME_LINE.UPDATED_AT, LOW_INCOME_LINE.UPDATED_BY)
                .values(city, year, monthlyFen, at, by)
                .execute();
    }
}
